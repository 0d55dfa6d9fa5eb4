import { SUPPORT_QUEUES } from '../knowledge/catalog';
import type { Logger } from '../logging/logger';
import { firstResponseDue, remindersDue } from './response-targets';
import { targetOf, type RoutingRules } from './routing';
import type { Ticket, TicketStatus } from './ticket';

export interface ReminderStore {
  listForQueue(queue: Ticket['queue'], status?: TicketStatus): Promise<Ticket[]>;
  update(id: string, change: (ticket: Ticket) => Ticket): Promise<Ticket>;
}

/** Posts reminder `count` (1 or 2) of a ticket in its thread; `due` is when its first answer was due. */
export type ReminderSender = (ticket: Ticket, count: number, due: Date) => Promise<void>;

/**
 * Reminds the support channel, in the ticket's thread, of tickets nobody took: once past the
 * queue's first-response target, once more at twice the target. The ticket is marked under its
 * eTag *before* the message goes out, so a restart or a second instance never sends it again
 * (at most once: a send that fails after the mark is logged, not retried).
 */
export class ResponseReminderJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly tickets: ReminderStore,
    private readonly routing: RoutingRules,
    private readonly send: ReminderSender,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** One pass over the open tickets of every queue with a target; resolves to the reminders sent. */
  runOnce(): Promise<number> {
    // Passes never overlap in one process: a slow store cannot pile them up.
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  start(intervalMs: number): void {
    const run = () => void this.runOnce().catch((error: Error) => this.log.warn({ event: 'reminders_failed', err: error }));
    this.timer = setInterval(run, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async pass(): Promise<number> {
    const now = this.now();
    let sent = 0;
    for (const queue of SUPPORT_QUEUES) {
      const target = targetOf(this.routing, queue);
      if (!target) continue;
      for (const ticket of await this.tickets.listForQueue(queue, 'open')) {
        // Only a posted card has a thread to remind in; a parked one is reminded once it is posted.
        if (!ticket.supportPost || remindersDue(ticket, target, now) <= (ticket.remindersSent ?? 0)) continue;
        let claimed = 0;
        const marked = await this.tickets.update(ticket.id, (current) => {
          claimed = 0;
          const due = remindersDue(current, target, now);
          if (!current.supportPost || due <= (current.remindersSent ?? 0)) return current;
          claimed = due;
          return { ...current, remindersSent: due };
        });
        if (!claimed) continue;
        try {
          await this.send(marked, claimed, firstResponseDue(marked, target));
          sent++;
        } catch (error) {
          this.log.warn({ event: 'reminder_not_sent', ticketId: ticket.id, count: claimed, err: error });
        }
      }
    }
    if (sent > 0) this.log.info({ event: 'reminders_sent', count: sent });
    return sent;
  }
}
