import type { Ticket, TicketEvent } from './ticket';

/**
 * How many events a ticket keeps: the first (when it was opened) and the latest ones. A ticket
 * clicked closed and reopened hundreds of times must not grow its document, or any card built
 * from it, without bound; the count of dropped events is kept instead.
 */
export const MAX_STORED_EVENTS = 50;

/** The ticket's history with `event` added, trimmed to MAX_STORED_EVENTS. */
export function withEvent(
  ticket: Pick<Ticket, 'history' | 'earlierEvents'>,
  event: TicketEvent,
): Pick<Ticket, 'history' | 'earlierEvents'> {
  const all = [...ticket.history, event];
  const dropped = Math.max(0, all.length - MAX_STORED_EVENTS);
  if (dropped === 0) return { history: all, ...(ticket.earlierEvents ? { earlierEvents: ticket.earlierEvents } : {}) };
  return { history: [all[0], ...all.slice(1 + dropped)], earlierEvents: (ticket.earlierEvents ?? 0) + dropped };
}

/** The last `shown` events for a card, and how many came before them (dropped or not shown). */
export function latestEvents(
  ticket: Pick<Ticket, 'history' | 'earlierEvents'>,
  shown: number,
): { events: readonly TicketEvent[]; earlier: number } {
  const events = ticket.history.slice(-shown);
  return { events, earlier: (ticket.earlierEvents ?? 0) + ticket.history.length - events.length };
}
