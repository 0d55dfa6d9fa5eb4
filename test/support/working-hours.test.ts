import { addWorkingMinutes, isTimeZone, workingHoursSchema, type WorkingHours } from '../../src/support/working-hours';
import { firstResponseDue, isPastTarget, remindersDue, responseTargetSchema } from '../../src/support/response-targets';

const paris: WorkingHours = { timeZone: 'Europe/Paris', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' };
const newYork: WorkingHours = { ...paris, timeZone: 'America/New_York' };

describe('working-hours arithmetic', () => {
  // [what, hours, from (UTC), working hours to add, expected (UTC)]
  const cases: [string, WorkingHours, string, number, string][] = [
    ['inside one day', paris, '2026-11-24T09:00:00Z', 2, '2026-11-24T11:00:00Z'], // 10:00 → 12:00 Paris (UTC+1)
    // Half an hour on Friday, three and a half on Monday.
    ['filed Friday 16:30 Paris, 4 h, open 9–17: Monday 12:30', paris, '2026-11-27T15:30:00Z', 4, '2026-11-30T11:30:00Z'],
    ['Friday 16:30 Paris, 4 h, open 9–18: Monday 11:30', { ...paris, end: '18:00' }, '2026-11-27T15:30:00Z', 4, '2026-11-30T10:30:00Z'],
    ['filed Saturday: the clock starts Monday 09:00', paris, '2026-11-28T10:00:00Z', 4, '2026-11-30T12:00:00Z'],
    ['filed before opening: counts from 09:00', paris, '2026-11-24T06:00:00Z', 1, '2026-11-24T09:00:00Z'],
    ['filed exactly at closing: next working morning', paris, '2026-11-24T16:00:00Z', 1, '2026-11-25T09:00:00Z'],
    ['ends exactly at closing, not the next morning', paris, '2026-11-24T12:00:00Z', 4, '2026-11-24T16:00:00Z'],
    ['8 h from Friday 16:30: Monday 16:30', paris, '2026-11-27T15:30:00Z', 8, '2026-11-30T15:30:00Z'],
    ['12 h from Friday 16:30: Tuesday 12:30', paris, '2026-11-27T15:30:00Z', 12, '2026-12-01T11:30:00Z'],
    // Paris leaves summer time on Sunday 25 October 2026: Friday 16:30 is 14:30Z, Monday 12:30 is 11:30Z.
    ['across the autumn DST change (Paris)', paris, '2026-10-23T14:30:00Z', 4, '2026-10-26T11:30:00Z'],
    // Paris enters summer time on Sunday 29 March 2026: Friday 16:30 is 15:30Z, Monday 12:30 is 10:30Z.
    ['across the spring DST change (Paris)', paris, '2026-03-27T15:30:00Z', 4, '2026-03-30T10:30:00Z'],
    // New York enters summer time on Sunday 8 March 2026.
    ['across the spring DST change (New York)', newYork, '2026-03-06T21:30:00Z', 4, '2026-03-09T16:30:00Z'],
    ['a weekend day listed as working', { ...paris, days: ['sat'] }, '2026-11-24T09:00:00Z', 1, '2026-11-28T09:00:00Z'],
    ['zero hours outside opening: the next opening', paris, '2026-11-28T10:00:00Z', 0, '2026-11-30T08:00:00Z'],
  ];

  it.each(cases)('when %s, then the due time is the expected instant', (_what, hours, from, add, expected) => {
    expect(addWorkingMinutes(new Date(from), add * 60, hours).toISOString()).toBe(new Date(expected).toISOString());
  });

  it('when the hours name an unknown zone or end before they start, then the content is refused', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(workingHoursSchema.safeParse({ ...paris, timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(workingHoursSchema.safeParse({ ...paris, start: '17:00', end: '09:00' }).success).toBe(false);
    expect(workingHoursSchema.safeParse({ ...paris, start: '9h' }).success).toBe(false);
    expect(responseTargetSchema.safeParse({ workingHours: paris, firstResponseHours: 0 }).success).toBe(false);
  });
});

describe('response targets', () => {
  const target = { workingHours: paris, firstResponseHours: 4 };
  const friday = { createdAt: '2026-11-27T15:30:00.000Z', status: 'open' as const };

  it('when a ticket is filed Friday 16:30 in Paris with a 4-hour target, then it is due Monday 12:30, and 2× is Monday 16:30', () => {
    expect(firstResponseDue(friday, target).toISOString()).toBe('2026-11-30T11:30:00.000Z');
    expect(firstResponseDue(friday, target, 2).toISOString()).toBe('2026-11-30T15:30:00.000Z');
  });

  it.each([
    ['Saturday noon', '2026-11-28T11:00:00Z', 0],
    ['Monday 12:29', '2026-11-30T11:29:00Z', 0],
    ['Monday 12:30', '2026-11-30T11:30:00Z', 1],
    ['Monday 16:29', '2026-11-30T15:29:00Z', 1],
    ['Monday 16:30', '2026-11-30T15:30:00Z', 2],
    ['a week later', '2026-12-07T10:00:00Z', 2],
  ])('when the clock reads %s (%s), then %i reminders are due', (_when, now, expected) => {
    expect(remindersDue(friday, target, new Date(now))).toBe(expected);
    expect(isPastTarget(friday, target, new Date(now))).toBe(expected > 0);
  });

  it('when the ticket is assigned or the queue has no target, then nothing is due', () => {
    const late = new Date('2026-12-07T10:00:00Z');
    expect(remindersDue({ ...friday, status: 'assigned' }, target, late)).toBe(0);
    expect(remindersDue({ ...friday, assignee: { id: '29:a' } }, target, late)).toBe(0);
    expect(remindersDue(friday, undefined, late)).toBe(0);
  });
});
