import { firstResponseDue, type ResponseTarget } from '../support/response-targets';
import type { Ticket } from '../support/ticket';
import type { DurationStats, QueueSettings, QueueTimes } from './insights-types';

const HOUR_MS = 3_600_000;

/**
 * The value below which a share `p` of the sorted values lies, interpolated between the two
 * nearest ranks (so the median of an even count is the mean of the middle two).
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

export function durationStats(hours: readonly number[]): DurationStats {
  const sorted = [...hours].sort((a, b) => a - b);
  return { median: round(percentile(sorted, 0.5)), p90: round(percentile(sorted, 0.9)), count: sorted.length };
}

const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

/** Hours from creation to support's first answer: a reply, or the resolution when it came first. */
export function firstResponseHours(ticket: Ticket): number | undefined {
  const created = Date.parse(ticket.createdAt);
  const first = ticket.history.find((h) => h.kind === 'reply' || (h.status === 'resolved' && h.kind !== 'user-message'));
  return first ? (Date.parse(first.at) - created) / HOUR_MS : undefined;
}

/** Hours from creation to the first time the ticket was resolved. */
export function resolutionHours(ticket: Ticket): number | undefined {
  const resolved = ticket.history.find((h) => h.status === 'resolved' && !h.kind);
  return resolved ? (Date.parse(resolved.at) - Date.parse(ticket.createdAt)) / HOUR_MS : undefined;
}

/** Per queue: tickets opened, response and resolution times, and first responses later than the target. */
export function queueTimes(tickets: readonly Ticket[], queues: readonly QueueSettings[], now: Date): QueueTimes[] {
  return queues.map(({ queue, firstResponseTargetHours: target, responseTarget }) => {
    const mine = tickets.filter((t) => t.queue === queue);
    const responses = mine.map(firstResponseHours);
    const answered = responses.filter((h): h is number => h !== undefined);
    const waitingHours = (t: Ticket) => (now.getTime() - Date.parse(t.createdAt)) / HOUR_MS;
    // A ticket still waiting past the target has breached it already.
    const late = (t: Ticket, i: number) =>
      responseTarget ? isLate(t, responses[i], responseTarget, now) : (responses[i] ?? waitingHours(t)) > (target ?? Infinity);
    const breaches = target === null ? 0 : mine.filter(late).length;
    return {
      queue,
      opened: mine.length,
      unit: 'hours',
      firstResponse: durationStats(answered),
      resolution: durationStats(mine.map(resolutionHours).filter((h): h is number => h !== undefined)),
      breaches: { count: breaches, targetHours: target },
    };
  });
}

/** Whether the first answer came (or, still awaited, will come) after the due time in the queue's working hours. */
function isLate(ticket: Ticket, responseHours: number | undefined, target: ResponseTarget, now: Date): boolean {
  const answeredAt = responseHours === undefined ? now.getTime() : Date.parse(ticket.createdAt) + responseHours * HOUR_MS;
  return answeredAt > firstResponseDue(ticket, target).getTime();
}
