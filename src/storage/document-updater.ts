import type { Storage } from 'botbuilder';
import { insertItems, isETagConflict } from './insertable-storage';

/**
 * Turns the stored document (undefined when absent) into the next one; may throw to refuse.
 * It may run again after a conflict, so keep it pure. Returning `current` itself means "no
 * change" and writes nothing; never edit `current` in place.
 */
export type Change<T> = (current: T | undefined) => T;

export interface RetryOptions {
  /** Rounds of read-change-write before giving up with the last conflict. */
  readonly maxTries: number;
  /** Backoff base: the wait before round n is random in [0, base × 2^n], capped at 250 ms. */
  readonly baseDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { maxTries: 12, baseDelayMs: 4 };

interface Pending<T> {
  readonly change: Change<T>;
  readonly resolve: (value: T) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Read-modify-write of shared documents with optimistic concurrency: the write carries the eTag
 * that was read (or creates the key only if still absent), and a conflict re-reads and re-applies.
 * Changes to one key queued in this process while a round is in flight go together in the next
 * round, so a burst of 50 creations costs a few writes, not 50 rounds of conflicts with itself.
 */
export class DocumentUpdater {
  private readonly queues = new Map<string, Pending<object>[]>();

  constructor(
    private readonly storage: Storage,
    private readonly retry: RetryOptions = DEFAULT_RETRY,
  ) {}

  /** Applies the change and resolves with the document as that change left it. */
  update<T extends object>(key: string, change: Change<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const queued = this.queues.get(key);
      // Queued with the other changes to this key, whatever their document type.
      const entry: Pending<object> = {
        change: (current) => change(current as T | undefined),
        resolve: (value) => resolve(value as T),
        reject,
      };
      if (queued) {
        queued.push(entry);
        return;
      }
      this.queues.set(key, [entry]);
      void this.drain(key);
    });
  }

  private async drain(key: string): Promise<void> {
    for (;;) {
      const batch = this.queues.get(key)!.splice(0);
      if (batch.length === 0) {
        this.queues.delete(key);
        return;
      }
      await this.applyBatch(key, batch);
    }
  }

  private async applyBatch(key: string, batch: Pending<object>[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        const outcome = await this.round(key, batch);
        batch.forEach((entry, i) => ('error' in outcome[i] ? entry.reject(outcome[i].error) : entry.resolve(outcome[i].value as object)));
        return;
      } catch (error) {
        if (!isETagConflict(error) || attempt + 1 >= this.retry.maxTries) {
          batch.forEach((entry) => entry.reject(error));
          return;
        }
        await sleep(Math.random() * Math.min(250, this.retry.baseDelayMs * 2 ** attempt));
      }
    }
  }

  /** One read-change-write; a change that throws is left out and only its caller sees the error. */
  private async round(key: string, batch: Pending<object>[]): Promise<({ value: unknown } | { error: unknown })[]> {
    const stored = (await this.storage.read([key]))[key] as Record<string, unknown> | undefined;
    const { eTag, ...current } = stored ?? {};
    let doc: object | undefined = stored ? current : undefined;
    const outcome = batch.map((entry) => {
      try {
        doc = entry.change(doc);
        return { value: doc };
      } catch (error) {
        return { error };
      }
    });
    if (doc === undefined || (stored && doc === current)) return outcome;
    if (stored) await this.storage.write({ [key]: { ...doc, eTag } });
    else await insertItems(this.storage, { [key]: doc });
    return outcome;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
