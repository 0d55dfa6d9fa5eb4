import { z } from 'zod';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM, 24-hour');

/** An IANA zone name that this Node's Intl knows (Europe/Paris, America/Toronto…). */
export const timeZoneSchema = z.string().max(64).refine(isTimeZone, { message: 'must be an IANA time zone such as Europe/Paris' });

/** A queue's working hours: the same opening hours on each listed day, in one time zone. */
export const workingHoursSchema = z
  .strictObject({
    timeZone: timeZoneSchema,
    days: z.array(z.enum(WEEKDAYS)).min(1).max(7),
    start: clock,
    end: clock,
  })
  .refine((h) => h.start < h.end, { message: 'start must be before end', path: ['end'] });
export type WorkingHours = z.infer<typeof workingHoursSchema>;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const MINUTE_MS = 60_000;
// Far beyond any real target (a year of working days); bounds the loop whatever the content says.
const MAX_DAYS = 400;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading in `timeZone` at `instant`, as if that reading were UTC (ms). */
function wallClockMs(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const [year, month, day, hour, minute, second] = ['year', 'month', 'day', 'hour', 'minute', 'second'].map((k) => Number(parts[k]));
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** The instant at which clocks in `timeZone` read this date and time (the later one in a DST gap). */
function instantOf(date: LocalDate, time: string, timeZone: string): number {
  const [hour, minute] = time.split(':').map(Number);
  const wanted = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  let guess = wanted - (wallClockMs(wanted, timeZone) - wanted);
  // The offset at the guess may differ from the offset at `wanted` (a DST change between): one correction settles it.
  guess = wanted - (wallClockMs(guess, timeZone) - guess);
  return guess;
}

function localDateOf(instant: number, timeZone: string): LocalDate {
  const wall = new Date(wallClockMs(instant, timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

function nextDay(date: LocalDate): LocalDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

const weekdayOf = (date: LocalDate): Weekday => WEEKDAYS[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()];

/**
 * The instant `minutes` of working time after `from`: only the opening hours of working days
 * count, read on the queue's own clock, so a weekend or a daylight-saving change is handled
 * by the time zone's rules, not by adding hours.
 */
export function addWorkingMinutes(from: Date, minutes: number, hours: WorkingHours): Date {
  let remaining = Math.max(0, minutes) * MINUTE_MS;
  let date = localDateOf(from.getTime(), hours.timeZone);
  for (let i = 0; i < MAX_DAYS; i++, date = nextDay(date)) {
    if (!hours.days.includes(weekdayOf(date))) continue;
    const open = instantOf(date, hours.start, hours.timeZone);
    const close = instantOf(date, hours.end, hours.timeZone);
    const start = Math.max(from.getTime(), open);
    if (start >= close) continue;
    if (remaining <= close - start) return new Date(start + remaining);
    remaining -= close - start;
  }
  throw new Error(`addWorkingMinutes(): no end within ${MAX_DAYS} days`);
}
