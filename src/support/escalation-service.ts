import type { Ticket, TicketRequest, UserRef } from './ticket';
import type { Logger } from '../logging/logger';

/** Where tickets live; implemented over the support store (./store) by TicketRepository. */
export interface TicketStore {
  create(request: TicketRequest): Promise<Ticket>;
  get(id: string): Promise<Ticket | undefined>;
  update(id: string, change: (ticket: Ticket) => Ticket): Promise<Ticket>;
  listForUser(user: UserRef): Promise<Ticket[]>;
  /** Takes one of the user's hourly tickets atomically; false when none is left. */
  takeSlot(user: UserRef, limit: number): Promise<boolean>;
}

/** One way a new ticket reaches people: the support channel, a webhook, an agent hub. */
export interface TicketDelivery {
  readonly name: string;
  deliver(ticket: Ticket): Promise<void>;
}

/** The user has opened as many tickets as the hourly cap allows. */
export class TicketLimitError extends Error {
  constructor(readonly limit: number) {
    super(`ticket limit of ${limit} an hour reached`);
    this.name = 'TicketLimitError';
  }
}

/**
 * Opening a ticket: store it first (nothing is lost if a delivery fails), then hand it to
 * every configured delivery. Deliveries queue their own retries; a failure here is logged,
 * never shown to the user as a failed ticket, because the ticket exists.
 */
export class EscalationService {
  constructor(
    private readonly store: TicketStore,
    private readonly deliveries: readonly TicketDelivery[],
    private readonly log: Logger,
    /** Per user; guards support queues against a stuck client or a bored user. */
    private readonly ticketsPerHour = Infinity,
  ) {}

  /** Stores the ticket and hands it to the deliveries, which queue it: nothing here waits on the network. */
  async open(request: TicketRequest): Promise<Ticket> {
    if (Number.isFinite(this.ticketsPerHour) && !(await this.store.takeSlot(request.user, this.ticketsPerHour))) {
      throw new TicketLimitError(this.ticketsPerHour);
    }
    const ticket = await this.store.create(request);
    await Promise.all(
      this.deliveries.map((d) =>
        d
          .deliver(ticket)
          .catch((error: Error) => this.log.warn({ event: 'ticket_delivery_failed', delivery: d.name, ticketId: ticket.id, err: error })),
      ),
    );
    return ticket;
  }

  listForUser(user: UserRef): Promise<Ticket[]> {
    return this.store.listForUser(user);
  }

  get(id: string): Promise<Ticket | undefined> {
    return this.store.get(id);
  }
}
