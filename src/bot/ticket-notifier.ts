import { CardFactory, MessageFactory } from 'botbuilder';
import { strings } from '../i18n/strings';
import type { Lang } from '../i18n/language';
import type { TicketChange, TicketNotifier } from '../support/support-desk';
import type { Ticket, TicketPerson } from '../support/ticket';
import { fitToTeams } from '../views/message-size';
import type { SupportCards } from '../views/support-cards';
import type { ProactiveMessenger } from './proactive-messenger';

export interface NotifierLog {
  warn(fields: Record<string, unknown>): void;
}

/**
 * Tells the user, in their 1:1 chat and their language, what support did; when the user closes
 * or reopens, updates the card in the support channel. A failed notification is logged, never
 * allowed to undo the change to the ticket.
 */
export class TeamsTicketNotifier implements TicketNotifier {
  constructor(
    private readonly messenger: ProactiveMessenger,
    private readonly cards: SupportCards,
    private readonly supportLang: Lang,
    private readonly log: NotifierLog,
  ) {}

  async ticketChanged(ticket: Ticket, change: TicketChange, by: TicketPerson, note?: string): Promise<void> {
    const s = strings(ticket.language).support;
    const name = by.name ?? by.id;
    try {
      if (change === 'assigned') await this.messenger.send(ticket.conversation, [MessageFactory.text(s.notifyAssigned(ticket.id, name))]);
      if (change === 'replied') await this.messenger.send(ticket.conversation, [MessageFactory.text(`${s.notifyReply(ticket.id, name)}\n\n${note ?? ''}`)]);
      if (change === 'resolved') {
        await this.messenger.send(ticket.conversation, [MessageFactory.attachment(CardFactory.adaptiveCard(this.cards.solvedQuestion(ticket, ticket.language)))]);
      }
      if ((change === 'closed' || change === 'reopened') && ticket.supportPost) {
        const card = fitToTeams(this.cards.ticket(ticket, this.supportLang));
        await this.messenger.update(ticket.supportPost.conversation, ticket.supportPost.activityId, MessageFactory.attachment(CardFactory.adaptiveCard(card)));
      }
    } catch (error) {
      this.log.warn({ event: 'ticket_notification_failed', ticketId: ticket.id, change, err: error });
    }
  }
}
