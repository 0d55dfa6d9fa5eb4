/**
 * The key-value store support/ and feedback/ keep their documents in, declared here so the
 * domain names no host SDK type. botbuilder's `Storage` implementations (MemoryStorage in tests)
 * and the stores in storage/ (LMDB, Azure Blob) satisfy it as they are, with no adapter.
 */

/** Documents by key. A document read back carries the `eTag` a later write must present. */
export type StoreItems = Record<string, unknown>;

export interface StoredRecord {
  readonly key: string;
  readonly item: Record<string, unknown>;
  /** When the record was last written (epoch ms). */
  readonly writtenAt: number;
}

export interface Store {
  /** The documents found among `keys`; absent keys are left out. */
  read(keys: string[]): Promise<StoreItems>;
  /** Writes each document; one whose `eTag` is stale fails with an eTag conflict. */
  write(changes: StoreItems): Promise<void>;
  delete(keys: string[]): Promise<void>;
  /**
   * Creates each key only if it is absent, else fails with an eTag conflict. Stores that cannot
   * (MemoryStorage) get a check-then-write from `insertItems` (storage/insertable-storage.ts).
   */
  insert?(items: StoreItems): Promise<void>;
  /** Ordered stores only (LMDB): the records whose keys start with `prefix`, in key order. */
  readRange?(prefix: string, options?: { readonly start?: string; readonly limit?: number }): Promise<StoredRecord[]>;
}

/** A store that reads key ranges: tickets and feedback then need no shared index document. */
export type RangeStore = Store & Required<Pick<Store, 'readRange'>>;

export function canReadRange(store: Store): store is RangeStore {
  return typeof store.readRange === 'function';
}
