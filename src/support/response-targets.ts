import { z } from 'zod';
import type { Ticket } from './ticket';
import { addWorkingMinutes, workingHoursSchema } from './working-hours';

/** A queue's promise: a first answer within this many working hours. */
export const responseTargetSchema = z.strictObject({
  workingHours: workingHoursSchema,
  firstResponseHours: z.number().positive().max(200),
});
export type ResponseTarget = z.infer<typeof responseTargetSchema>;

/** How many reminders an unassigned ticket can earn: at the target, then at twice the target. */
export const MAX_REMINDERS = 2;

type Timed = Pick<Ticket, 'createdAt'>;

/** When a first answer is due; `times` 2 is the second reminder's moment. */
export function firstResponseDue(ticket: Timed, target: ResponseTarget, times = 1): Date {
  return addWorkingMinutes(new Date(ticket.createdAt), target.firstResponseHours * 60 * times, target.workingHours);
}

/** Nobody has taken the ticket yet: no assignee, still open. */
export const isUnassigned = (ticket: Pick<Ticket, 'status' | 'assignee'>): boolean => ticket.status === 'open' && !ticket.assignee;

/** Open, unassigned and past its target: "my tickets" shows it as waiting, and support is reminded. */
export function isPastTarget(ticket: Timed & Pick<Ticket, 'status' | 'assignee'>, target: ResponseTarget | undefined, now: Date): boolean {
  return !!target && isUnassigned(ticket) && now >= firstResponseDue(ticket, target);
}

/** How many reminders the ticket should have had by `now` (0, 1 or 2). */
export function remindersDue(ticket: Timed & Pick<Ticket, 'status' | 'assignee'>, target: ResponseTarget | undefined, now: Date): number {
  if (!target || !isUnassigned(ticket)) return 0;
  if (now >= firstResponseDue(ticket, target, 2)) return 2;
  return now >= firstResponseDue(ticket, target) ? 1 : 0;
}
