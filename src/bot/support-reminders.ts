import { MessageFactory } from 'botbuilder';
import type { Lang } from '../i18n/language';
import { strings } from '../i18n/strings';
import type { ReminderSender } from '../support/response-reminders';
import { targetOf, type RoutingRules } from '../support/routing';
import type { Ticket } from '../support/ticket';
import { localDateTime } from '../views/local-time';
import type { SupportCards } from '../views/support-cards';
import { cardActivity } from './card-activity';
import { threadOf } from './channel-threads';
import type { ProactiveMessenger } from './proactive-messenger';

export interface ReminderSenderDeps {
  readonly messenger: ProactiveMessenger;
  readonly cards: SupportCards;
  readonly routing: RoutingRules;
  /** Language of the support channel. */
  readonly lang: Lang;
  readonly viewerIds: (ticket: Ticket) => string[];
  readonly now?: () => Date;
}

/**
 * A reminder is a reply in the ticket's own thread (not a new post), with the due time on the
 * team's clock; the card then shows everyone that the ticket waits past its target.
 */
export function reminderSender({ messenger, cards, routing, lang, viewerIds, now = () => new Date() }: ReminderSenderDeps): ReminderSender {
  return async (ticket, count, due) => {
    const post = ticket.supportPost;
    if (!post) return;
    const s = strings(lang).support;
    const when = localDateTime(due, lang, targetOf(routing, ticket.queue)?.workingHours.timeZone ?? 'UTC');
    const text = count >= 2 ? s.secondReminder(ticket.id, when) : s.reminder(ticket.id, when);
    await messenger.send(threadOf(post.conversation, post.activityId), [MessageFactory.text(text)]);
    const card = cards.ticket(ticket, lang, { refreshFor: viewerIds(ticket), now: now() });
    await messenger.update(post.conversation, post.activityId, cardActivity(card));
  };
}
