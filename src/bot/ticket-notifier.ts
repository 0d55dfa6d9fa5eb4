import { MessageFactory } from 'botbuilder';
import { strings } from '../i18n/strings';
import type { Lang } from '../i18n/language';
import type { TicketChange, TicketNotifier } from '../support/support-desk';
import type { Ticket, TicketPerson } from '../support/ticket';
import type { SupportCards } from '../views/support-cards';
import { cardActivity } from './card-activity';
import { threadOf } from './channel-threads';
import type { ProactiveMessenger } from './proactive-messenger';
import type { Logger } from '../logging/logger';

/**
 * Tells the user, in their 1:1 chat and their language, what support did; keeps the ticket's
 * card in the support channel current for everyone, and posts the user's answers in the
 * ticket's thread. A failed notification is logged, never allowed to undo the change.
 */
export class TeamsTicketNotifier implements TicketNotifier {
  constructor(
    private readonly messenger: ProactiveMessenger,
    private readonly cards: SupportCards,
    private readonly supportLang: Lang,
    private readonly log: Logger,
    /** Whether to ask for a rating now: true only the first time the ticket is resolved. */
    private readonly askRating: (ticketId: string) => Promise<boolean> = async () => false,
    /** Teams ids that get their own view of the channel's card by refresh. */
    private readonly viewerIds: (ticket: Ticket) => string[] = () => [],
  ) {}

  async ticketChanged(ticket: Ticket, change: TicketChange, by: TicketPerson, note?: string): Promise<void> {
    try {
      await this.tellUser(ticket, change, by, note);
      await this.tellSupport(ticket, change, by, note);
    } catch (error) {
      this.log.warn({ event: 'ticket_notification_failed', ticketId: ticket.id, change, err: error });
    }
  }

  private async tellUser(ticket: Ticket, change: TicketChange, by: TicketPerson, note?: string): Promise<void> {
    const s = strings(ticket.language).support;
    const name = by.name ?? by.id;
    if (change === 'assigned') await this.messenger.send(ticket.conversation, [MessageFactory.text(s.notifyAssigned(ticket.id, name))]);
    if (change === 'replied') {
      await this.messenger.send(ticket.conversation, [
        MessageFactory.text(`${s.notifyReply(ticket.id, name)}\n\n${note ?? ''}\n\n${s.replyHint}`),
      ]);
    }
    if (change === 'resolved') {
      await this.messenger.send(ticket.conversation, [cardActivity(this.cards.solvedQuestion(ticket, ticket.language))]);
      if (await this.askRating(ticket.id)) {
        const survey = this.cards.satisfaction(ticket, ticket.language);
        await this.messenger.send(ticket.conversation, [cardActivity(survey)]);
      }
    }
  }

  /** The card updates for everyone in the channel; the user's answer also goes into the ticket's thread. */
  private async tellSupport(ticket: Ticket, change: TicketChange, by: TicketPerson, note?: string): Promise<void> {
    const post = ticket.supportPost;
    if (!post) return;
    if (change === 'user-replied') {
      const s = strings(this.supportLang).support;
      await this.messenger.send(threadOf(post.conversation, post.activityId), [
        MessageFactory.text(`${s.userAnswered(ticket.id, by.name ?? by.id)}\n\n${note ?? ''}`),
      ]);
    }
    const card = this.cards.ticket(ticket, this.supportLang, { refreshFor: this.viewerIds(ticket) });
    await this.messenger.update(post.conversation, post.activityId, cardActivity(card));
  }
}
