import type { Outbox, OutboxItem } from './outbox';
import type { Ticket, UserRef } from './ticket';
import type { TicketRepository } from './ticket-repository';

/**
 * One more place that keeps a user's data and must forget it. Feedback and unanswered-question
 * records plug in here (their store owns how to find a user's records).
 */
export type PersonEraser = (user: UserRef) => Promise<void>;

/** What must go out again once a ticket is erased (the support card updated, a webhook told). */
export type ErasureFollowUp = (ticket: Ticket) => Omit<OutboxItem, 'attempts' | 'nextAttemptAt'>[];

export interface ErasureDeps {
  readonly tickets: Pick<TicketRepository, 'forgetUser'>;
  readonly outbox: Pick<Outbox, 'scrub' | 'enqueue'>;
  readonly followUps: ErasureFollowUp;
  readonly erasers: readonly PersonEraser[];
  /** Starts delivery of the follow-ups without waiting for it. */
  readonly kick: () => void;
}

/**
 * "Forget me" beyond the user's own state: their tickets lose their personal data; deliveries
 * still owed keep only the ticket id (senders read the erased ticket when they send); the
 * support card and webhooks get the erased ticket through the outbox, so a channel or webhook
 * that is down at the time gets it when it is back; then every other eraser runs.
 */
export class Erasure {
  constructor(private readonly deps: ErasureDeps) {}

  async forget(user: UserRef): Promise<number> {
    const erased = await this.deps.tickets.forgetUser(user);
    await this.deps.outbox.scrub(erased.map((t) => t.id));
    const epoch = new Date(0).toISOString();
    for (const ticket of erased) {
      for (const item of this.deps.followUps(ticket)) await this.deps.outbox.enqueue({ ...item, attempts: 0, nextAttemptAt: epoch });
    }
    for (const erase of this.deps.erasers) await erase(user);
    if (erased.length > 0) this.deps.kick();
    return erased.length;
  }
}
