import type { SupportQueue } from '../knowledge/catalog';
import type { Ticket, TicketRequest } from './ticket';

/** Where tickets live; implemented over botbuilder's Storage by TicketRepository. */
export interface TicketStore {
  create(request: TicketRequest): Promise<Ticket>;
  get(id: string): Promise<Ticket | undefined>;
  update(id: string, change: (ticket: Ticket) => Ticket): Promise<Ticket>;
  listForUser(userId: string): Promise<Ticket[]>;
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

export interface DeliveryLog {
  warn(fields: Record<string, unknown>, message?: string): void;
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
    private readonly log: DeliveryLog,
    /** Per user; guards support queues against a stuck client or a bored user. */
    private readonly ticketsPerHour = Infinity,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async open(request: TicketRequest): Promise<Ticket> {
    if (Number.isFinite(this.ticketsPerHour)) {
      const since = this.now().getTime() - 3600_000;
      const recent = (await this.store.listForUser(request.user.id)).filter((t) => Date.parse(t.createdAt) > since);
      if (recent.length >= this.ticketsPerHour) throw new TicketLimitError(this.ticketsPerHour);
    }
    const ticket = await this.store.create(request);
    await Promise.all(
      this.deliveries.map((d) =>
        d.deliver(ticket).catch((error: Error) => this.log.warn({ event: 'ticket_delivery_failed', delivery: d.name, ticketId: ticket.id, err: error })),
      ),
    );
    return ticket;
  }

  listForUser(userId: string): Promise<Ticket[]> {
    return this.store.listForUser(userId);
  }
}

export function queueOf(id: string): SupportQueue {
  return id.startsWith('CS-') ? 'certification-support' : 'microsoft-support';
}
