import { silentLogger, type Logger } from '../logging/logger';
import { DocumentUpdater } from '../storage/document-updater';
import { insertItems, isETagConflict } from '../storage/insertable-storage';
import type { Store } from '../support/store';
import { batchKey, dayOf, daysBefore, entriesOf, scanDays, SCAN_LIMITS, type EntriesDocument, type ScanLimits } from './batch-documents';
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

/** How far back "forget me" looks (the report reads at most 366 days). */
const FORGET_DAYS = 400;
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
  private refusing = false;
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
      if (!this.refusing) {
        this.logger.warn(
          { event: 'feedback_refused', pending: this.pending.length },
          'feedback: too many entries waiting, new ones refused',
        );
      }
      this.refusing = true;
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
    const span = Math.min(Math.max(0, Math.floor(days)), FORGET_DAYS);
    const from = new Date(now.getTime() - span * DAY_MS).toISOString();
    const to = now.toISOString();
    const found: FeedbackEntry[] = [];
    await scanDays(
      this.storage,
      daysBefore(now, span + 1).reverse(),
      (_key, item) => found.push(...entriesOf(item).filter((e) => e.at >= from && e.at <= to)),
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
    await scanDays(this.storage, daysBefore(new Date(), FORGET_DAYS), visit, this.logger, this.limits);
    let removed = 0;
    for (const key of touched) {
      let here = 0;
      await this.updater.update<EntriesDocument>(key, (current) => {
        const entries = entriesOf(current);
        const kept = entries.filter((e) => e.user !== ref);
        here = entries.length - kept.length;
        // Emptied documents stay, so batch numbers keep no gap for readers to stop at.
        return current && here === 0 ? current : { entries: kept };
      });
      removed += here;
    }
    return removed;
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.limits.maxBatch);
      this.refusing = this.refusing && this.pending.length >= this.limits.maxPending;
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
    let n = this.cursors.get(day) ?? (await this.findFree(day, 0));
    for (let conflicts = 0; ; conflicts++) {
      if (n >= this.limits.maxBatchesPerDay) throw new Error(`feedback: the batches of ${day} are full; entries refused`);
      try {
        await insertItems(this.storage, { [batchKey(day, n)]: { entries } });
        this.remember(day, n + 1);
        return;
      } catch (error) {
        if (!isETagConflict(error) || conflicts + 1 >= this.limits.maxConflicts) throw error;
        n = await this.findFree(day, n + 1);
      }
    }
  }

  /**
   * A free batch number from `from` on whose predecessor is taken (or `from` itself), so no
   * batch is written past a gap a reader would stop at. Gallops (from, +1, +3, +7…) in one read,
   * then narrows between the last taken and the first free, up to 32 keys a read.
   */
  private async findFree(day: string, from: number): Promise<number> {
    const max = this.limits.maxBatchesPerDay;
    let taken = from - 1;
    let free = max;
    let probes = Array.from({ length: 16 }, (_, i) => from + 2 ** i - 1).filter((n) => n < max);
    while (probes.length > 0) {
      const found = await this.storage.read(probes.map((n) => batchKey(day, n)));
      const firstFree = probes.findIndex((n) => found[batchKey(day, n)] === undefined);
      if (firstFree === -1) taken = probes[probes.length - 1];
      else [taken, free] = [firstFree > 0 ? probes[firstFree - 1] : taken, probes[firstFree]];
      const gap = free - taken - 1;
      const step = Math.max(1, Math.ceil(gap / 32));
      probes = Array.from({ length: Math.ceil(gap / step) }, (_, i) => taken + 1 + i * step).filter((n) => n < free);
    }
    return free;
  }

  private remember(day: string, next: number): void {
    this.cursors.delete(day);
    this.cursors.set(day, next);
    if (this.cursors.size > CURSOR_DAYS) this.cursors.delete(this.cursors.keys().next().value!);
  }
}

function groupByDay(batch: readonly Waiting[]): Map<string, Waiting[]> {
  const days = new Map<string, Waiting[]>();
  for (const w of batch) {
    const group = days.get(w.day);
    if (group) group.push(w);
    else days.set(w.day, [w]);
  }
  return days;
}
