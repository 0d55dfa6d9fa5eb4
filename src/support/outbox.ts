import { DEFAULT_RETRY, DocumentUpdater, type RetryOptions } from '../storage/document-updater';
import { LEGACY_PENDING_KEY, RangeOutbox } from './range-outbox';
import { canReadRange, type Store } from './store';
import type { OutboxItem } from './outbox-item';

export type { OutboxItem } from './outbox-item';

interface PendingDocument {
  readonly items: readonly OutboxItem[];
}

const PENDING_KEY = LEGACY_PENDING_KEY;

/**
 * Durable queue of deliveries. On a store that reads ranges (LMDB) each delivery is a record of
 * its own (RangeOutbox). Elsewhere (Azure Blob through botbuilder) pending items live in one
 * storage document changed under its eTag (retried on conflict), so a restart loses nothing and
 * several instances share it.
 * Delivered items are removed, so the document only holds what is still owed. A sender first
 * claims the due items (a lease written under the eTag: of two instances, one wins each item),
 * so each is sent by one instance; a claim lapses after its lease, so a crashed sender's items
 * are taken again. Only a crash between sending and settling sends twice, hence the id.
 */
export class Outbox {
  private readonly updater: DocumentUpdater;
  private readonly records?: RangeOutbox;

  constructor(
    private readonly storage: Store,
    retry: RetryOptions = DEFAULT_RETRY,
  ) {
    this.updater = new DocumentUpdater(storage, retry);
    this.records = canReadRange(storage) ? new RangeOutbox(storage) : undefined;
  }

  /** Adds the item; enqueuing the same id again changes nothing. */
  async enqueue(item: OutboxItem): Promise<void> {
    if (this.records) return this.records.enqueue(item);
    await this.change((items) => (items.some((i) => i.id === item.id) ? items : [...items, item]));
  }

  /** Items whose next attempt is at or before `now`, earliest first. */
  async due(now: Date): Promise<OutboxItem[]> {
    if (this.records) return this.records.due(now);
    const stored = (await this.storage.read([PENDING_KEY]))[PENDING_KEY] as PendingDocument | undefined;
    return (stored?.items ?? [])
      .filter((i) => !i.parked && Date.parse(i.nextAttemptAt) <= now.getTime())
      .sort((a, b) => Date.parse(a.nextAttemptAt) - Date.parse(b.nextAttemptAt));
  }

  /** Claims up to `max` items due at `now` that nobody holds, for `leaseMs`; resolves to those won. */
  async claimDue(now: Date, by: string, leaseMs: number, max = 10): Promise<OutboxItem[]> {
    if (this.records) return this.records.claimDue(now, by, leaseMs, max);
    const free = (i: OutboxItem) =>
      !i.parked && Date.parse(i.nextAttemptAt) <= now.getTime() && (!i.claim || Date.parse(i.claim.until) <= now.getTime());
    const claim = { by, until: new Date(now.getTime() + leaseMs).toISOString() };
    let won: OutboxItem[] = [];
    // The change may run again after a conflict: what it won is what the last run claimed.
    await this.change((items) => {
      won = items
        .filter(free)
        .sort((a, b) => Date.parse(a.nextAttemptAt) - Date.parse(b.nextAttemptAt))
        .slice(0, max)
        .map((i) => ({ ...i, claim }));
      if (won.length === 0) return items;
      const ids = new Set(won.map((i) => i.id));
      return items.map((i) => (ids.has(i.id) ? { ...i, claim } : i));
    });
    return won;
  }

  /**
   * The outcome of a whole pass in one write: delivered items leave, failed ones are put off,
   * parked ones wait for `unpark`.
   */
  async settle(delivered: readonly string[], failed: ReadonlyMap<string, Date>, parked: readonly string[] = []): Promise<void> {
    if (delivered.length === 0 && failed.size === 0 && parked.length === 0) return;
    if (this.records) return this.records.settle(delivered, failed, parked);
    const gone = new Set(delivered);
    const waiting = new Set(parked);
    await this.change((items) =>
      items
        .filter((i) => !gone.has(i.id))
        .map((i) => {
          if (waiting.has(i.id)) return { ...i, parked: true, claim: undefined };
          const next = failed.get(i.id);
          return next ? { ...i, attempts: i.attempts + 1, nextAttemptAt: next.toISOString(), claim: undefined } : i;
        }),
    );
  }

  /** Makes the parked items of `target` due again: what they waited for is now configured. */
  async unpark(target: string, now: Date): Promise<void> {
    if (this.records) return this.records.unpark(target, now);
    await this.change((items) =>
      items.some((i) => i.parked && i.target === target)
        ? items.map((i) => (i.parked && i.target === target ? { ...i, parked: false, nextAttemptAt: now.toISOString() } : i))
        : items,
    );
  }

  /**
   * Erasure: items of these tickets keep only the ticket id as payload. Senders build what they
   * send from the stored ticket at send time, so an erased ticket goes out erased; this also
   * clears copies queued by older versions, which stored the whole ticket.
   */
  async scrub(ticketIds: readonly string[]): Promise<void> {
    const ids = new Set(ticketIds);
    const bare = (i: OutboxItem) => {
      const event = (i.payload as { event?: unknown } | null)?.event;
      return { ticketId: i.ticketId, ...(typeof event === 'string' ? { event } : {}) };
    };
    if (this.records) return this.records.scrub(ticketIds, bare);
    const holdsMore = (i: OutboxItem) => ids.has(i.ticketId) && JSON.stringify(i.payload) !== JSON.stringify(bare(i));
    await this.change((items) => (items.some(holdsMore) ? items.map((i) => (holdsMore(i) ? { ...i, payload: bare(i) } : i)) : items));
  }

  /** A change that returns the same array writes nothing. */
  private async change(edit: (items: readonly OutboxItem[]) => readonly OutboxItem[]): Promise<void> {
    await this.updater.update<PendingDocument>(PENDING_KEY, (doc) => {
      const items = doc?.items ?? [];
      const next = edit(items);
      return next === items && doc ? doc : { items: next };
    });
  }
}
