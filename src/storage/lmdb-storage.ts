import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StoreItems } from 'botbuilder';
import { open, type Database, type RootDatabase } from 'lmdb';
import { eTagConflict, type InsertableStorage } from './insertable-storage';
import type { RangeOptions, RangeStorage, StoredRecord } from './range-storage';
import type { Logger } from '../logging/logger';

type Item = Record<string, unknown>;

/** What is stored under a key: the write time (for expiry), the item, and the original key when hashed. */
interface Envelope {
  readonly t: number;
  readonly v: Item;
  readonly k?: string;
}

// LMDB keys hold at most 1,978 bytes; a key longer than this keeps its start (so ranges still
// find it) and ends with a hash of the whole. 4 bytes per character at most: 240 × 4 < 1,978.
const LONG_KEY_BYTES = 480;
const KEPT_PREFIX_CHARS = 240;
/** Records that could not be parsed are moved under this prefix, with the time they were found. */
export const QUARANTINE_PREFIX = 'quarantine/';
// A range read yields to the event loop between slices, so a sweep never stalls a turn for long.
const SLICE = 500;
const WRITTEN_AT = /^\{"t":(\d{1,15}),/;

export interface LmdbStorageOptions {
  readonly log?: Logger;
  readonly now?: () => number;
}

/**
 * The embedded default store on LMDB (lmdb-js): one memory-mapped file under DATA_DIR that
 * several processes on one machine may open at once. Every write is one LMDB transaction in
 * which the eTag check and the write happen together; writes issued in one event-loop turn, by
 * any number of concurrent bot turns, share one transaction and one flush to disk. A write
 * resolves only once it is flushed, so a turn's HTTP response follows durability.
 *
 * Values are JSON text, so a record that cannot be parsed is detectable: it is moved under
 * `quarantine/<key>/<time>` for inspection, logged with its key, and reads as absent.
 */
export class LmdbStorage implements InsertableStorage, RangeStorage {
  private readonly db: RootDatabase<string, string>;
  private readonly now: () => number;
  private closing: Promise<void> | undefined;

  constructor(
    readonly path: string,
    private readonly options: LmdbStorageOptions = {},
  ) {
    mkdirSync(dirname(path), { recursive: true });
    // JSON text rather than lmdb's default msgpack: corrupt records are caught, and the data
    // stays readable with any LMDB tool. No value cache: other processes write here too.
    this.db = open<string, string>({ path, encoding: 'string', compression: false, cache: false });
    this.now = options.now ?? Date.now;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const envelope = this.envelopeOf(key);
      if (envelope) items[key] = envelope.v;
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await this.commit(changes, eTagMatches, true);
  }

  async insert(items: StoreItems): Promise<void> {
    await this.commit(items, isAbsent, true);
  }

  /**
   * The same store, whose writes resolve once committed (visible to every process) without
   * waiting for the flush. Only for writes that a later wait covers before anyone is told:
   * LMDB flushes transactions in order, so the turn's one `settled()` makes them all durable
   * (bot/turn-durability.ts).
   */
  committedOnly(): InsertableStorage & Pick<RangeStorage, 'readRange'> {
    return {
      read: (keys) => this.read(keys),
      write: (changes) => this.commit(changes, eTagMatches, false),
      insert: (items) => this.commit(items, isAbsent, false),
      delete: (keys) => this.delete(keys),
      readRange: (prefix, options) => this.readRange(prefix, options),
    };
  }

  /** Writes the items whose keys are absent and leaves the others; resolves with how many were added. */
  async insertMissing(items: StoreItems): Promise<number> {
    const t = this.now();
    const added = await this.db.transaction(() => {
      let count = 0;
      for (const [key, value] of Object.entries(items)) {
        if (this.envelopeOf(key, true)) continue;
        this.db.putSync(storedKey(key), JSON.stringify(this.envelope(key, value, t)));
        count++;
      }
      return count;
    });
    await this.db.flushed;
    return added;
  }

  async delete(keys: string[]): Promise<void> {
    await this.db.transaction(() => {
      for (const key of keys) this.db.removeSync(storedKey(key));
    });
    await this.db.flushed;
  }

  async readRange(prefix: string, options: RangeOptions = {}): Promise<StoredRecord[]> {
    const records: StoredRecord[] = [];
    const limit = options.limit ?? Infinity;
    for await (const entry of this.entries(prefix, options.start)) {
      const envelope = this.parse(entry.key, entry.value);
      if (envelope) records.push({ key: envelope.k ?? entry.key, item: envelope.v, writtenAt: envelope.t });
      if (records.length >= limit) break;
    }
    return records;
  }

  async deleteWhere(prefix: string, expired: (key: string, writtenAt: number) => boolean): Promise<number> {
    const doomed: string[] = [];
    for await (const entry of this.entries(prefix)) {
      // The write time leads the JSON text, so a sweep need not parse whole records.
      const t = WRITTEN_AT.exec(entry.value);
      if (t && expired(entry.key, Number(t[1]))) doomed.push(entry.key);
    }
    for (let i = 0; i < doomed.length; i += SLICE) {
      const slice = doomed.slice(i, i + SLICE);
      await this.db.transaction(() => slice.forEach((key) => this.db.removeSync(key)));
    }
    if (doomed.length > 0) await this.db.flushed;
    return doomed.length;
  }

  /**
   * Size of the data file in use (LMDB reuses freed pages), how many transactions it has committed,
   * and the last page the file reaches (it grows only once no free page is left).
   */
  stats(): { entries: number; pages: number; pageSize: number; transactions: number; lastPage: number } {
    const s = this.db.getStats() as {
      lastTxnId: number;
      lastPageNumber: number;
      entryCount: number;
      treeBranchPageCount: number;
      treeLeafPageCount: number;
      overflowPages: number;
      pageSize: number;
    };
    const pages = s.treeBranchPageCount + s.treeLeafPageCount + s.overflowPages;
    return { entries: s.entryCount, pages, pageSize: s.pageSize, transactions: s.lastTxnId, lastPage: s.lastPageNumber };
  }

  /** Resolves once every write issued so far (quarantine moves included) is on disk. */
  async settled(): Promise<void> {
    await this.db.committed;
    await this.db.flushed;
  }

  /**
   * Waits for the writes issued so far, then closes. Never exit the process with a write pending:
   * lmdb-js's write thread waits for the main thread to run the transaction's callback, and
   * `process.exit` waits for that thread, so the process would hang for good (measured: 5 exits
   * in 6). A closed store refuses the writes that would have been pending instead.
   */
  close(): Promise<void> {
    // Once: shutdown may call it again past its deadline while the first call still waits.
    this.closing ??= this.settled().then(() => this.db.close());
    return this.closing;
  }

  /** Checks every key in one transaction and writes all or none; then waits for the flush if asked. */
  private async commit(items: StoreItems, allowed: WriteRule, flush: boolean): Promise<void> {
    const t = this.now();
    const refused = await this.db.transaction(() => {
      const entries = Object.entries(items);
      for (const [key, value] of entries) {
        if (!allowed(key, value, this.envelopeOf(key, true))) return key;
      }
      for (const [key, value] of entries) {
        this.db.putSync(storedKey(key), JSON.stringify(this.envelope(key, value, t)));
      }
      return undefined;
    });
    if (refused !== undefined) throw eTagConflict(refused);
    if (flush) await this.db.flushed;
  }

  /** `t` first: the sweep reads it from the start of the text. */
  private envelope(key: string, value: Item, t: number): Envelope {
    const stored = storedKey(key);
    return { t, v: { ...value, eTag: randomUUID() }, ...(stored === key ? {} : { k: key }) };
  }

  /** `inTransaction`: called inside a write transaction, which then also moves a bad record aside. */
  private envelopeOf(key: string, inTransaction = false): Envelope | undefined {
    const stored = storedKey(key);
    const raw = this.db.get(stored);
    return raw === undefined ? undefined : this.parse(stored, raw, inTransaction);
  }

  private parse(stored: string, raw: string, inTransaction = false): Envelope | undefined {
    try {
      const envelope = JSON.parse(raw) as Envelope;
      if (typeof envelope?.t === 'number' && envelope.v && typeof envelope.v === 'object') return envelope;
    } catch {
      // fall through to the quarantine
    }
    this.quarantine(stored, raw, inTransaction);
    return undefined;
  }

  /** Moves an unreadable record aside (only if it is still the same bytes) and logs its key. */
  private quarantine(stored: string, raw: string, inTransaction: boolean): void {
    const aside = `${QUARANTINE_PREFIX}${stored.slice(0, KEPT_PREFIX_CHARS)}/${new Date(this.now()).toISOString()}`;
    this.options.log?.warn({ event: 'store_record_quarantined', key: stored, movedTo: aside, bytes: raw.length });
    const move = () => {
      if (this.db.get(stored) !== raw) return;
      // Kept as an envelope of its own, so the sweep can age it out like any record.
      this.db.putSync(aside, JSON.stringify({ t: this.now(), v: { raw, key: stored } }));
      this.db.removeSync(stored);
    };
    if (inTransaction) return move();
    void this.db
      .transaction(move)
      .catch((error: unknown) => this.options.log?.warn({ event: 'store_quarantine_failed', key: stored, err: error }));
  }

  /** Entries under a prefix, read in slices with a pause between them. */
  private async *entries(prefix: string, from?: string): AsyncGenerator<{ key: string; value: string }> {
    const end = `${prefix}\uffff`;
    let start = from !== undefined && from > prefix ? from : prefix;
    let after: string | undefined;
    for (;;) {
      const raw = [...(this.db as Database<string, string>).getRange({ start, end, limit: SLICE + 1, snapshot: false })];
      const slice = raw.filter((e) => e.key !== after);
      for (const entry of slice) yield entry;
      if (raw.length <= SLICE || slice.length === 0) return;
      after = start = slice[slice.length - 1].key;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

type WriteRule = (key: string, value: Item, current: Envelope | undefined) => boolean;

/** A write with no eTag or `*` overwrites; otherwise it must carry the stored item's eTag. */
const eTagMatches: WriteRule = (_key, value, current) => {
  const expected = value?.eTag as string | undefined;
  return !expected || expected === '*' || current?.v.eTag === expected;
};
const isAbsent: WriteRule = (_key, _value, current) => current === undefined;

/** The LMDB key for a storage key: itself, or its start and a hash when it is too long. */
export function storedKey(key: string): string {
  if (key.length * 4 <= LONG_KEY_BYTES || Buffer.byteLength(key) <= LONG_KEY_BYTES) return key;
  return `${key.slice(0, KEPT_PREFIX_CHARS)}#${createHash('sha256').update(key).digest('hex')}`;
}
