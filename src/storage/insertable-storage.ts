import type { Storage, StoreItems } from 'botbuilder';

/**
 * botbuilder's `Storage` can update a key under an eTag but not create one only if it is absent:
 * a write without an eTag overwrites. Two instances creating the same shared document (an index)
 * would then lose one's entries. Both production stores can do it (a lock per file; Azure's
 * `If-None-Match: *`), so they expose it as `insert`.
 */
export interface InsertableStorage extends Storage {
  /** Writes each item only if its key does not exist; otherwise fails with an eTag conflict. */
  insert(items: StoreItems): Promise<void>;
}

export function isInsertable(storage: Storage): storage is InsertableStorage {
  return typeof (storage as Partial<InsertableStorage>).insert === 'function';
}

/** The message botbuilder's own stores use, so callers recognise a conflict the same way everywhere. */
export function eTagConflict(key: string): Error {
  return new Error(`Storage: error writing "${key}" due to eTag conflict.`);
}

export function isETagConflict(error: unknown): boolean {
  return error instanceof Error && /eTag conflict/i.test(error.message);
}

/**
 * Inserts through the store when it can. Other stores (MemoryStorage in unit tests) get a
 * check-then-write, which is only safe with a single writer.
 */
export async function insertItems(storage: Storage, items: StoreItems): Promise<void> {
  if (isInsertable(storage)) return storage.insert(items);
  const existing = await storage.read(Object.keys(items));
  const taken = Object.keys(existing)[0];
  if (taken !== undefined) throw eTagConflict(taken);
  await storage.write(items);
}
