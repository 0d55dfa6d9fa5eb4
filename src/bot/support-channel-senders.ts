import type { Lang } from '../i18n/language';
import type { StorageChannelRegistry } from '../support/channel-registry';
import { NotConfiguredError, type OutboxSender } from '../support/outbox-worker';
import type { Ticket } from '../support/ticket';
import type { TicketRepository } from '../support/ticket-repository';
import type { SupportCards } from '../views/support-cards';
import { cardActivity } from './card-activity';
import { channelRoot } from './channel-threads';
import type { ProactiveMessenger } from './proactive-messenger';

export interface ChannelSenderDeps {
  readonly tickets: TicketRepository;
  readonly registry: StorageChannelRegistry;
  readonly messenger: ProactiveMessenger;
  readonly cards: SupportCards;
  readonly lang: Lang;
  /** Teams ids that get their own view of the card by refresh (src/support/ticket-viewers.ts). */
  readonly viewerIds: (ticket: Ticket) => string[];
}

/**
 * Posts the ticket card to its queue's channel: the status for everyone, and each listed
 * viewer's own view by refresh, built from the ticket as stored at send time.
 * With no channel registered for the queue the item is parked, not retried, until one is.
 */
export function channelPostSender({ tickets, registry, messenger, cards, lang, viewerIds }: ChannelSenderDeps): OutboxSender {
  return async (item) => {
    const ticket = await tickets.get(item.ticketId);
    if (!ticket || ticket.supportPost) return;
    const channel = await registry.channelFor(ticket.queue);
    if (!channel) throw new NotConfiguredError(`no support channel registered for ${ticket.queue}`);
    const card = cardActivity(cards.ticket(ticket, lang, { refreshFor: viewerIds(ticket) }));
    // Each ticket is a new post of the channel (not a reply under the "register" message); its thread holds what follows.
    const root = channelRoot(channel.conversation);
    const activityId = await messenger.send(root, [card]);
    if (activityId) await tickets.update(ticket.id, (t) => ({ ...t, supportPost: { activityId, conversation: root } }));
  };
}

/** Updates the ticket's card in place from the stored ticket (after an erasure); nothing to do if it was never posted. */
export function channelUpdateSender({ tickets, messenger, cards, lang, viewerIds }: ChannelSenderDeps): OutboxSender {
  return async (item) => {
    const ticket = await tickets.get(item.ticketId);
    if (!ticket?.supportPost) return;
    const card = cardActivity(cards.ticket(ticket, lang, { refreshFor: viewerIds(ticket) }));
    await messenger.update(ticket.supportPost.conversation, ticket.supportPost.activityId, card);
  };
}
