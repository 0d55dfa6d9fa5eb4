import { redactSecrets } from './redaction';
import { channelOfTicket, userChannel, type Ticket, type TicketEvent, type TicketPerson, type TicketStatus } from './ticket';
import { withEvent } from './ticket-history';
import type { TicketStore } from './escalation-service';

export type TicketChange = 'assigned' | 'replied' | 'user-replied' | 'resolved' | 'closed' | 'reopened';

/** Tells the people involved: the user in their 1:1 chat, support by updating their card. */
export interface TicketNotifier {
  ticketChanged(ticket: Ticket, change: TicketChange, by: TicketPerson, note?: string): Promise<void>;
}

export type DeskResult =
  | { readonly ok: true; readonly ticket: Ticket }
  /** `ticket`, when it exists, lets the card be shown again with the problem to the one who asked. */
  | { readonly ok: false; readonly reason: 'not-allowed' | 'not-found' | 'empty-reply'; readonly ticket?: Ticket };

const MAX_MESSAGE = 2000;

/**
 * What support people (and the ticket's owner) can do to a ticket. Every action checks who
 * asks against the configured support list or the ticket's owner, never against the card's
 * payload, which anyone can forge.
 */
export class SupportDesk {
  constructor(
    private readonly store: TicketStore,
    private readonly notifier: TicketNotifier,
    private readonly isAgent: (person: TicketPerson) => boolean,
  ) {}

  assign(id: string, by: TicketPerson): Promise<DeskResult> {
    return this.agentChange(id, by, 'assigned', (t) => ({ ...t, assignee: by }));
  }

  resolve(id: string, by: TicketPerson): Promise<DeskResult> {
    return this.agentChange(id, by, 'resolved', (t) => ({ ...t, awaitingUser: false }));
  }

  /** An agent's reply: the user is told, and their next message is offered to this ticket. */
  async reply(id: string, by: TicketPerson, text: string | undefined): Promise<DeskResult> {
    const reply = text?.trim();
    if (!reply) return { ok: false, reason: 'empty-reply', ticket: await this.store.get(id) };
    return this.agentChange(id, by, 'replied', (t) => ({ ...t, awaitingUser: true }), reply.slice(0, MAX_MESSAGE), 'reply');
  }

  /** The user's answer to support, added to their own ticket (secrets masked again, whatever the caller did). */
  async userMessage(id: string, by: TicketPerson, text: string | undefined): Promise<DeskResult> {
    const message = redactSecrets((text ?? '').slice(0, MAX_MESSAGE)).text.trim();
    const ticket = await this.store.get(id);
    if (!ticket) return { ok: false, reason: 'not-found' };
    if (ticket.user.id !== by.id || channelOfTicket(ticket) !== userChannel(by)) return { ok: false, reason: 'not-allowed' };
    if (!message) return { ok: false, reason: 'empty-reply', ticket };
    return this.apply(id, by, 'user-replied', (t) => ({ ...t, awaitingUser: false }), message, 'user-message');
  }

  close(id: string, by: TicketPerson): Promise<DeskResult> {
    return this.ownerChange(id, by, 'closed');
  }

  reopen(id: string, by: TicketPerson): Promise<DeskResult> {
    return this.ownerChange(id, by, 'reopened');
  }

  private async agentChange(
    id: string,
    by: TicketPerson,
    change: TicketChange,
    edit: (t: Ticket) => Ticket,
    note?: string,
    kind?: TicketEvent['kind'],
  ): Promise<DeskResult> {
    if (!this.isAgent(by)) return { ok: false, reason: 'not-allowed', ticket: await this.store.get(id) };
    return this.apply(id, by, change, edit, note, kind);
  }

  private async ownerChange(id: string, by: TicketPerson, change: 'closed' | 'reopened'): Promise<DeskResult> {
    const ticket = await this.store.get(id);
    if (!ticket) return { ok: false, reason: 'not-found' };
    const isOwner = ticket.user.id === by.id && channelOfTicket(ticket) === userChannel(by);
    if (!isOwner && !this.isAgent(by)) return { ok: false, reason: 'not-allowed' };
    return this.apply(id, by, change, (t) => (change === 'closed' ? { ...t, awaitingUser: false } : t));
  }

  private async apply(
    id: string,
    by: TicketPerson,
    change: TicketChange,
    edit: (t: Ticket) => Ticket,
    note?: string,
    kind?: TicketEvent['kind'],
  ): Promise<DeskResult> {
    if (!(await this.store.get(id))) return { ok: false, reason: 'not-found' };
    const status = STATUS_AFTER[change];
    const at = new Date().toISOString();
    const ticket = await this.store.update(id, (current) => {
      const next = edit(current);
      return {
        ...next,
        status: status ?? current.status,
        ...withEvent(current, { at, status: status ?? current.status, by, ...(note ? { note } : {}), ...(kind ? { kind } : {}) }),
      };
    });
    await this.notifier.ticketChanged(ticket, change, by, note);
    return { ok: true, ticket };
  }
}

const STATUS_AFTER: Record<TicketChange, TicketStatus | undefined> = {
  assigned: 'assigned',
  replied: undefined,
  'user-replied': undefined,
  resolved: 'resolved',
  closed: 'closed',
  reopened: 'open',
};
