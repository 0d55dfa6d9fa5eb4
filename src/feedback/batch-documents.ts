import type { Logger } from '../logging/logger';
import type { Store, StoreItems } from '../support/store';
import { DAY_MS, isFeedbackEntry, type FeedbackEntry } from './feedback-entry';

/**
 * Where the batch log keeps its documents on a store that cannot read a key range:
 * `feedback/batches/<day>/<n>`, n = 0, 1, 2… allocated in order, each written once. Days written
 * before batches existed have one document, `feedback/<day>`, which is read but never appended to.
 */
export const BATCH_PREFIX = 'feedback/batches/';
export const batchKey = (day: string, n: number) => `${BATCH_PREFIX}${day}/${n}`;
export const oldDayKey = (day: string) => `feedback/${day}`;

/** The shape of both kinds of document. */
export interface EntriesDocument {
  readonly entries: readonly FeedbackEntry[];
}

export interface ScanLimits {
  /** Batch keys asked for per day and round; the day ends after a round that found none of them. */
  readonly chunk: number;
  /** Batch documents read per day at most (a day past it is logged). */
  readonly maxBatchesPerDay: number;
  /** Keys per `read` call: BlobsStorage fetches each key of a call at once. */
  readonly keysPerRead: number;
}

export const SCAN_LIMITS: ScanLimits = { chunk: 32, maxBatchesPerDay: 20_000, keysPerRead: 256 };

/** `yyyy-mm-dd` of an ISO time, or undefined when `at` is not one. */
export function dayOf(at: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}T/.test(at) ? at.slice(0, 10) : undefined;
}

/** The `count` calendar days (UTC) that end with `now`'s, newest first. */
export function daysBefore(now: Date, count: number): string[] {
  return Array.from({ length: count }, (_, i) => new Date(now.getTime() - i * DAY_MS).toISOString().slice(0, 10));
}

/** The valid entries of a stored document; a document of another shape has none. */
export function entriesOf(item: unknown): FeedbackEntry[] {
  const entries = (item as Partial<Record<string, unknown>> | undefined)?.entries;
  return Array.isArray(entries) ? entries.filter(isFeedbackEntry) : [];
}

/**
 * Calls `visit` with every document of the given days: old day documents and batches. The first
 * round asks for each day's old document and batch 0 together; only days that have a batch 0 go
 * on, chunk by chunk, the chunks of all open days sharing each `read`. A day ends after a chunk
 * in which no key was found, so a hole inside a chunk is read past.
 */
export async function scanDays(
  storage: Store,
  days: readonly string[],
  visit: (key: string, item: unknown) => void,
  logger: Logger,
  limits: ScanLimits = SCAN_LIMITS,
): Promise<void> {
  const first = await readInCalls(
    storage,
    days.flatMap((day) => [oldDayKey(day), batchKey(day, 0)]),
    limits.keysPerRead,
  );
  for (const day of days) {
    if (first[oldDayKey(day)]) visit(oldDayKey(day), first[oldDayKey(day)]);
    if (first[batchKey(day, 0)]) visit(batchKey(day, 0), first[batchKey(day, 0)]);
  }
  let open = days.filter((day) => first[batchKey(day, 0)] !== undefined).map((day) => ({ day, next: 1 }));
  while (open.length > 0) {
    const chunks = open.map(({ day, next }) => {
      const size = Math.min(limits.chunk, limits.maxBatchesPerDay - next);
      return Array.from({ length: size }, (_, i) => batchKey(day, next + i));
    });
    const found = await readInCalls(storage, chunks.flat(), limits.keysPerRead);
    open = open.flatMap((state, i) => {
      const present = chunks[i].filter((key) => found[key] !== undefined);
      present.forEach((key) => visit(key, found[key]));
      const next = state.next + chunks[i].length;
      if (present.length === 0) return [];
      if (next >= limits.maxBatchesPerDay) {
        logger.warn({ event: 'feedback_day_capped', day: state.day, batches: next }, 'feedback: batches past the cap of a day not read');
        return [];
      }
      return [{ day: state.day, next }];
    });
  }
}

/**
 * A free batch number from `from` on whose predecessor is taken (or `from` itself), so no batch
 * is written past a gap a reader would stop at; `max` when the day is full. Gallops (from, +1,
 * +3, +7…) in one read, then narrows between the last taken and the first free, 32 keys a read:
 * an instance that starts on a day of 10,000 batches finds its place in about four reads.
 */
export async function findFreeBatch(storage: Store, day: string, from: number, max: number): Promise<number> {
  let taken = from - 1;
  let free = max;
  let probes = Array.from({ length: 16 }, (_, i) => from + 2 ** i - 1).filter((n) => n < max);
  while (probes.length > 0) {
    const found = await storage.read(probes.map((n) => batchKey(day, n)));
    const firstFree = probes.findIndex((n) => found[batchKey(day, n)] === undefined);
    if (firstFree === -1) taken = probes[probes.length - 1];
    else [taken, free] = [firstFree > 0 ? probes[firstFree - 1] : taken, probes[firstFree]];
    const gap = free - taken - 1;
    const step = Math.max(1, Math.ceil(gap / 32));
    probes = Array.from({ length: Math.ceil(gap / step) }, (_, i) => taken + 1 + i * step).filter((n) => n < free);
  }
  return free;
}

async function readInCalls(storage: Store, keys: readonly string[], perCall: number): Promise<StoreItems> {
  const found: StoreItems = {};
  for (let i = 0; i < keys.length; i += perCall) Object.assign(found, await storage.read(keys.slice(i, i + perCall)));
  return found;
}
