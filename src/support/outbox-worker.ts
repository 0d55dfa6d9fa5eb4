import { randomUUID } from 'node:crypto';
import type { TicketDelivery } from './escalation-service';
import type { Outbox, OutboxItem } from './outbox';
import type { Ticket } from './ticket';
import type { Logger } from '../logging/logger';

export type OutboxSender = (item: OutboxItem) => Promise<void>;

/**
 * Thrown by a sender whose target is not set up yet (no support channel registered for the
 * queue): retrying cannot help, so the item is parked until `Outbox.unpark`.
 */
export class NotConfiguredError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotConfiguredError';
  }
}

/** 1 s, 2 s, 4 s… up to 10 minutes, with jitter so instances do not retry in step. */
export function backoffMs(attempts: number, random = Math.random): number {
  return Math.round(Math.min(600_000, 1000 * 2 ** attempts) * (0.5 + random() / 2));
}

/** A claim outlives any pass: each send is bounded (webhook timeout, connector calls). */
export const DEFAULT_LEASE_MS = 120_000;

/**
 * Sends what the outbox owes: each due item it claims through the sender registered for its target;
 * success removes it, failure counts the attempt and puts it off. Runs on a timer and right
 * after each new ticket, one pass at a time per process.
 */
export class OutboxWorker {
  private running: Promise<number> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly outbox: Outbox,
    private readonly senders: ReadonlyMap<string, OutboxSender>,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
    /** This instance's name in its claims, and how long a claim holds (longer than a pass takes). */
    private readonly lease: { readonly by: string; readonly ms: number } = { by: randomUUID(), ms: DEFAULT_LEASE_MS },
  ) {}

  /** One pass; resolves to the number of items delivered. */
  runOnce(): Promise<number> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  /**
   * Asks for a pass without waiting for it (a user's turn must not wait on a webhook). A kick
   * during a pass runs one more pass after it, so an item queued meanwhile is not left for the timer.
   */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    void this.runOnce()
      .catch((error: Error) => this.log.warn({ event: 'outbox_pass_failed', err: error }))
      .finally(() => {
        if (!this.again) return;
        this.again = false;
        this.kick();
      });
  }

  /** Resolves once no pass is running or asked for; tests use it to wait for deliveries. */
  async idle(): Promise<void> {
    for (;;) {
      if (this.running) await this.running.catch(() => undefined);
      else if (this.again) await new Promise((resolve) => setImmediate(resolve));
      else return;
    }
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Sends the due items it claimed (a few at a time, so a pass stays well within its lease), then records all outcomes in one write. */
  private async pass(): Promise<number> {
    const delivered: string[] = [];
    const failed = new Map<string, Date>();
    const parked: string[] = [];
    for (const item of await this.outbox.claimDue(this.now(), this.lease.by, this.lease.ms)) {
      // A claim that ran out (a slow pass) may be another instance's by now: never send on it.
      if (item.claim && this.now().getTime() >= Date.parse(item.claim.until)) continue;
      const send = this.senders.get(item.target);
      try {
        if (!send) throw new Error(`no sender for target ${item.target}`);
        await send(item);
        delivered.push(item.id);
      } catch (error) {
        if (error instanceof NotConfiguredError) {
          parked.push(item.id);
          this.log.warn({ event: 'outbox_item_parked', target: item.target, ticketId: item.ticketId, reason: error.message });
          continue;
        }
        failed.set(item.id, new Date(this.now().getTime() + backoffMs(item.attempts + 1)));
        this.log.warn({
          event: 'outbox_delivery_failed',
          target: item.target,
          ticketId: item.ticketId,
          attempts: item.attempts + 1,
          err: error,
        });
      }
    }
    await this.outbox.settle(delivered, failed, parked);
    return delivered.length;
  }
}

/** A delivery that goes through the outbox: queued durably, then tried by the worker without the turn waiting. */
export class OutboxDelivery implements TicketDelivery {
  constructor(
    readonly name: string,
    private readonly outbox: Outbox,
    private readonly worker: OutboxWorker,
    /** The target for this ticket, or undefined when this way is not configured for its queue. */
    private readonly targetOf: (ticket: Ticket) => string | undefined,
    private readonly payloadOf: (ticket: Ticket) => unknown,
  ) {}

  async deliver(ticket: Ticket): Promise<void> {
    const target = this.targetOf(ticket);
    if (!target) return;
    await this.outbox.enqueue({
      id: randomUUID(),
      ticketId: ticket.id,
      target,
      payload: this.payloadOf(ticket),
      attempts: 0,
      nextAttemptAt: new Date(0).toISOString(),
    });
    this.worker.kick();
  }
}
