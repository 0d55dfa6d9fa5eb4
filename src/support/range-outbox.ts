import { insertItems, isETagConflict } from '../storage/insertable-storage';
import type { OutboxItem } from './outbox-item';
import type { RangeStore } from './store';

interface OwedRecord {
  readonly key: string;
  readonly item: OutboxItem;
  readonly eTag?: string;
}

const DUE = 'outbox/due/';
const PARKED = 'outbox/parked/';
/** Where the document outbox kept every item; adopted item by item on first use. */
export const LEGACY_PENDING_KEY = 'outbox/pending';

const dueKey = (id: string) => `${DUE}${id}`;
const parkedKey = (target: string, id: string) => `${PARKED}${encodeURIComponent(target)}/${id}`;

/**
 * The outbox on a store that reads key ranges (LMDB): one record per delivery, so queuing a
 * ticket's delivery writes one small record instead of rewriting a document of everything
 * owed. That document grew with every ticket while a target was down or not configured yet
 * (its items wait, parked), and each new ticket paid for all of them: 17 ms of CPU at the first
 * ticket, 43 ms at the 2,000th. Parked items sit under their own prefix, so the worker's passes
 * read only what can be sent. Claims are conditional writes of each item under its eTag: of two
 * instances, one wins each item.
 */
export class RangeOutbox {
  private adopted?: Promise<void>;

  constructor(private readonly storage: RangeStore) {}

  async enqueue(item: OutboxItem): Promise<void> {
    await this.adoptLegacy();
    await this.create({ [item.parked ? parkedKey(item.target, item.id) : dueKey(item.id)]: item });
  }

  async due(now: Date): Promise<OutboxItem[]> {
    await this.adoptLegacy();
    return (await this.records(DUE))
      .map((r) => r.item)
      .filter((i) => !i.parked && Date.parse(i.nextAttemptAt) <= now.getTime())
      .sort(byDueTime);
  }

  async claimDue(now: Date, by: string, leaseMs: number, max = 10): Promise<OutboxItem[]> {
    await this.adoptLegacy();
    const free = (i: OutboxItem) =>
      Date.parse(i.nextAttemptAt) <= now.getTime() && (!i.claim || Date.parse(i.claim.until) <= now.getTime());
    const claim = { by, until: new Date(now.getTime() + leaseMs).toISOString() };
    const candidates = (await this.records(DUE)).filter((r) => free(r.item)).sort((a, b) => byDueTime(a.item, b.item));
    const won: OutboxItem[] = [];
    for (const record of candidates) {
      if (won.length >= max) break;
      const claimed = { ...record.item, claim };
      try {
        await this.storage.write({ [record.key]: { ...claimed, eTag: record.eTag } });
        won.push(claimed);
      } catch (error) {
        if (!isETagConflict(error)) throw error;
      }
    }
    return won;
  }

  async settle(delivered: readonly string[], failed: ReadonlyMap<string, Date>, parked: readonly string[] = []): Promise<void> {
    if (delivered.length > 0) await this.storage.delete(delivered.map(dueKey));
    const changed = [...failed.keys(), ...parked];
    if (changed.length === 0) return;
    const current = await this.storage.read(changed.map(dueKey));
    const writes: Record<string, OutboxItem> = {};
    const moved: string[] = [];
    for (const id of changed) {
      const item = withoutETag(current[dueKey(id)]);
      if (!item) continue;
      const next = failed.get(id);
      if (next) writes[dueKey(id)] = { ...item, attempts: item.attempts + 1, nextAttemptAt: next.toISOString(), claim: undefined };
      else {
        writes[parkedKey(item.target, id)] = { ...item, parked: true, claim: undefined };
        moved.push(dueKey(id));
      }
    }
    await this.storage.write(writes);
    if (moved.length > 0) await this.storage.delete(moved);
  }

  async unpark(target: string, now: Date): Promise<void> {
    await this.adoptLegacy();
    const waiting = await this.records(`${PARKED}${encodeURIComponent(target)}/`);
    if (waiting.length === 0) return;
    const writes = Object.fromEntries(
      waiting.map((r) => [dueKey(r.item.id), { ...r.item, parked: false, nextAttemptAt: now.toISOString() }]),
    );
    await this.storage.write(writes);
    await this.storage.delete(waiting.map((r) => r.key));
  }

  async scrub(ticketIds: readonly string[], bare: (item: OutboxItem) => unknown): Promise<void> {
    await this.adoptLegacy();
    const ids = new Set(ticketIds);
    const mine = [...(await this.records(DUE)), ...(await this.records(PARKED))].filter((r) => ids.has(r.item.ticketId));
    const writes = mine.filter((r) => JSON.stringify(r.item.payload) !== JSON.stringify(bare(r.item)));
    if (writes.length > 0) await this.storage.write(Object.fromEntries(writes.map((r) => [r.key, { ...r.item, payload: bare(r.item) }])));
  }

  /** Items the document outbox left (an older version, or the file store's import) become records, once. */
  private adoptLegacy(): Promise<void> {
    this.adopted ??= (async () => {
      const legacy = (await this.storage.read([LEGACY_PENDING_KEY]))[LEGACY_PENDING_KEY] as { items?: OutboxItem[] } | undefined;
      for (const item of legacy?.items ?? []) {
        const { claim: _claim, ...owed } = item;
        await this.create({ [owed.parked ? parkedKey(owed.target, owed.id) : dueKey(owed.id)]: owed });
      }
      if (legacy) await this.storage.delete([LEGACY_PENDING_KEY]);
    })().catch((error: unknown) => {
      this.adopted = undefined;
      throw error;
    });
    return this.adopted;
  }

  /** Insert-if-absent: the same delivery queued twice (or adopted by two instances) is kept once. */
  private async create(items: Record<string, OutboxItem>): Promise<void> {
    try {
      await insertItems(this.storage, items);
    } catch (error) {
      if (!isETagConflict(error)) throw error;
    }
  }

  private async records(prefix: string): Promise<OwedRecord[]> {
    return (await this.storage.readRange(prefix)).map((r) => ({
      ...r,
      item: withoutETag(r.item) as OutboxItem,
      eTag: r.item.eTag as string,
    }));
  }
}

const byDueTime = (a: OutboxItem, b: OutboxItem) => Date.parse(a.nextAttemptAt) - Date.parse(b.nextAttemptAt);

function withoutETag(value: unknown): OutboxItem | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { eTag: _eTag, ...item } = value as OutboxItem & { eTag?: string };
  return item;
}
