import type { Storage } from 'botbuilder';

/** One stored item with its key and when it was last written (epoch ms). */
export interface StoredRecord {
  readonly key: string;
  readonly item: Record<string, unknown>;
  readonly writtenAt: number;
}

/**
 * What an ordered store adds to botbuilder's `Storage`: reading every key under a prefix, in
 * key order, and deleting by age. LMDB can; Azure Blob Storage through botbuilder cannot, so
 * callers keep a document-based path for stores without it.
 */
export interface RangeStorage extends Storage {
  /** The records whose keys start with `prefix`, in key order (from `start` when given). */
  readRange(prefix: string, options?: RangeOptions): Promise<StoredRecord[]>;
  /** Deletes the records under `prefix` for which `expired(key, writtenAt)` is true; resolves with how many. */
  deleteWhere(prefix: string, expired: (key: string, writtenAt: number) => boolean): Promise<number>;
}

export interface RangeOptions {
  /** First key to read (inclusive); keys before it are skipped. */
  readonly start?: string;
  readonly limit?: number;
}

export function isRangeStorage(storage: Storage): storage is RangeStorage {
  const candidate = storage as Partial<RangeStorage>;
  return typeof candidate.readRange === 'function' && typeof candidate.deleteWhere === 'function';
}
