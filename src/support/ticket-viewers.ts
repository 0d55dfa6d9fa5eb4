import { channelOfTicket, userChannel, type Ticket, type TicketPerson } from './ticket';

/** Whose view of a ticket card someone gets: never from the card, always from who they are. */
export type TicketViewer = 'agent' | 'requester' | 'other';

/** Teams refreshes a card by itself for at most this many users (Universal Actions' `userIds`). */
export const MAX_REFRESH_USERS = 60;

// Entra object ids are GUIDs; Teams refreshes cards for Teams user ids (29:…) only.
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Support (agents and admins) first, then the ticket's owner on the same channel; anyone else sees the status. */
export function viewerOf(
  ticket: Pick<Ticket, 'user' | 'conversation'>,
  person: TicketPerson,
  isAgent: (p: TicketPerson) => boolean,
): TicketViewer {
  if (isAgent(person)) return 'agent';
  return ticket.user.id === person.id && channelOfTicket(ticket) === userChannel(person) ? 'requester' : 'other';
}

/**
 * Who gets their own view without asking: the requester, the assigned agent, the people who
 * already acted on the ticket, then the support lists' Teams ids, bounded to Teams' limit.
 */
export function refreshUserIds(ticket: Pick<Ticket, 'user' | 'assignee' | 'history'>, agentIds: readonly string[]): string[] {
  const actors = ticket.history.map((h) => h.by?.id).filter((id): id is string => !!id);
  const ids = [ticket.user.id, ticket.assignee?.id, ...actors, ...agentIds].filter((id): id is string => !!id && !GUID.test(id));
  return [...new Set(ids)].slice(0, MAX_REFRESH_USERS);
}
