import { silentLogger, type Logger } from '../logging/logger';
import { DocumentUpdater } from '../storage/document-updater';
import { insertItems, isETagConflict } from '../storage/insertable-storage';
import type { Store } from '../support/store';
import {
  batchKey,
  dayOf,
  daysBefore,
  entriesOf,
  findFreeBatch,
  scanDays,
  SCAN_LIMITS,
  type EntriesDocument,
  type ScanLimits,
} from './batch-documents';
import { DAY_MS, userRef, type FeedbackEntry, type ReadableFeedbackLog } from './feedback-entry';

export interface BatchLimits extends ScanLimits {
  /** Entries per batch document at most. */
  readonly maxBatch: number;
  /** Entries waiting for a write at most; past it `record` refuses rather than grow memory. */
  readonly maxPending: number;
  /** Conflicts (other instances taking the number) one batch rides out before it fails. */
  readonly maxConflicts: number;
}

export const BATCH_LIMITS: BatchLimits = { ...SCAN_LIMITS, maxBatch: 200, maxPending: 5_000, maxConflicts: 20 };

/** How far back "forget me" and `recent` look: the default retention (the report reads at most 366 days). */
const MAX_DAYS = 400;
const REFUSAL_LOG_MS = 60_000;
/** Days whose next batch number is remembered (today, and yesterday's stragglers). */
const CURSOR_DAYS = 4;

interface Waiting {
  readonly entry: FeedbackEntry;
  readonly day: string;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The feedback log on stores that cannot read a key range (Azure Blob through botbuilder,
 * MemoryStorage). Entries are grouped into batch documents, each created once with
 * insert-if-absent and never rewritten by `record`: no document grows all day, no eTag conflict
 * on the hot path. Group commit without a timer: while one batch is being written, entries that
 * arrive wait and form the next one, so a quiet bot writes one entry per batch and a busy one a
 * few writes for many entries. Only "forget me" rewrites a batch, under its eTag.
 */
export class BatchFeedbackLog implements ReadableFeedbackLog {
  private readonly pending: Waiting[] = [];
  private writing = false;
  private refused = 0;
  private refusalLoggedAt = -Infinity;
  private failing = false;
  /** The next batch number to try, per day: where this instance's last batch landed, plus one. */
  private readonly cursors = new Map<string, number>();
  private readonly updater: DocumentUpdater;

  constructor(
    private readonly storage: Store,
    private readonly logger: Logger = silentLogger,
    private readonly limits: BatchLimits = BATCH_LIMITS,
  ) {
    this.updater = new DocumentUpdater(storage);
  }

  /** Resolves once the batch holding the entry is stored; rejects if that write failed or the log is full. */
  record(entry: FeedbackEntry): Promise<void> {
    const day = dayOf(entry.at);
    if (!day) return Promise.reject(new Error('feedback: an entry without an ISO time was refused'));
    if (this.pending.length >= this.limits.maxPending) {
      this.refused++;
      // Once a minute at most, with the count since: a store that cannot keep up must not flood the log.
      if (Date.now() - this.refusalLoggedAt >= REFUSAL_LOG_MS) {
        this.logger.warn(
          { event: 'feedback_refused', refused: this.refused, pending: this.pending.length },
          'feedback: entries refused, too many waiting',
        );
        this.refusalLoggedAt = Date.now();
        this.refused = 0;
      }
      return Promise.reject(new Error('feedback: too many entries waiting for the store'));
    }
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ entry, day, resolve, reject });
      if (this.writing) return;
      this.writing = true;
      // A microtask, not a timer: the records of one synchronous burst still share the first batch.
      queueMicrotask(() => void this.drain());
    });
  }

  async recent(days: number, now: Date): Promise<FeedbackEntry[]> {
    const span = Math.min(Math.max(0, Math.floor(days)), MAX_DAYS);
    const from = new Date(now.getTime() - span * DAY_MS).toISOString();
    const to = now.toISOString();
    const found: FeedbackEntry[] = [];
    await scanDays(
      this.storage,
      daysBefore(now, span + 1).reverse(),
      (_key, item) => {
        // A loop, not push(...): an old day document may hold more entries than a call takes arguments.
        for (const e of entriesOf(item)) if (e.at >= from && e.at <= to) found.push(e);
      },
      this.logger,
      this.limits,
    );
    // Batches of several instances interleave; the array sort is stable, so equal times keep their order.
    return found.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }

  async forgetUser(userId: string, channelId: string): Promise<number> {
    const ref = userRef(channelId, userId);
    const touched: string[] = [];
    const visit = (key: string, item: unknown) => {
      if (entriesOf(item).some((e) => e.user === ref)) touched.push(key);
    };
    await scanDays(this.storage, daysBefore(new Date(), MAX_DAYS), visit, this.logger, this.limits);
    let removed = 0;
    for (const key of touched) removed += await this.removeFrom(key, ref);
    return removed;
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.limits.maxBatch);
      // Around midnight a batch holds two days: one document each, written one after the other.
      for (const [day, group] of groupByDay(batch)) {
        try {
          await this.writeBatch(
            day,
            group.map((w) => w.entry),
          );
          if (this.failing) this.logger.info({ event: 'feedback_recovered' }, 'feedback: batches are stored again');
          this.failing = false;
          group.forEach((w) => w.resolve());
        } catch (error) {
          if (!this.failing)
            this.logger.warn({ event: 'feedback_batch_failed', err: error, entries: group.length }, 'feedback: a batch was not stored');
          this.failing = true;
          group.forEach((w) => w.reject(error));
        }
      }
    }
    this.writing = false;
  }

  private async writeBatch(day: string, entries: FeedbackEntry[]): Promise<void> {
    let n = this.cursors.get(day) ?? (await findFreeBatch(this.storage, day, 0, this.limits.maxBatchesPerDay));
    for (let conflicts = 0; ; conflicts++) {
      if (n >= this.limits.maxBatchesPerDay) throw new Error(`feedback: the batches of ${day} are full; entries refused`);
      try {
        await insertItems(this.storage, { [batchKey(day, n)]: { entries } });
        this.remember(day, n + 1);
        return;
      } catch (error) {
        if (!isETagConflict(error) || conflicts + 1 >= this.limits.maxConflicts) throw error;
        n = await findFreeBatch(this.storage, day, n + 1, this.limits.maxBatchesPerDay);
      }
    }
  }

  /** Rewrites one document without the user's entries, under its eTag; resolves with how many went. */
  private async removeFrom(key: string, ref: string): Promise<number> {
    let removed = 0;
    try {
      await this.updater.update<EntriesDocument>(key, (current) => {
        if (!current) throw new Gone();
        const entries = entriesOf(current);
        const kept = entries.filter((e) => e.user !== ref);
        removed = entries.length - kept.length;
        // Emptied documents stay, so batch numbers keep no gap for readers to stop at.
        return removed === 0 ? current : { entries: kept };
      });
    } catch (error) {
      if (error instanceof Gone) return 0;
      throw error;
    }
    return removed;
  }

  private remember(day: string, next: number): void {
    this.cursors.delete(day);
    this.cursors.set(day, next);
    if (this.cursors.size > CURSOR_DAYS) this.cursors.delete(this.cursors.keys().next().value!);
  }
}

/** The document went away (expired) between the scan and the rewrite: nothing to remove, nothing to create. */
class Gone extends Error {}

function groupByDay(batch: readonly Waiting[]): Map<string, Waiting[]> {
  const days = new Map<string, Waiting[]>();
  for (const w of batch) {
    const group = days.get(w.day);
    if (group) group.push(w);
    else days.set(w.day, [w]);
  }
  return days;
}
