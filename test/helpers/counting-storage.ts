import { MemoryStorage, type StoreItems } from 'botbuilder';
import { eTagConflict } from '../../src/storage/insertable-storage';

/** botbuilder's MemoryStorage that counts its calls and the writes to each key, and can be made to fail. */
export class CountingStorage extends MemoryStorage {
  readonly writesByKey = new Map<string, number>();
  readCalls = 0;
  /** While set, every call fails as a store that is down would. */
  down = false;
  /** While set, writes wait for it: a slow store, to see what queues up behind a write. */
  gate?: Promise<void>;

  async read(keys: string[]): Promise<StoreItems> {
    this.readCalls++;
    if (this.down) throw new Error('store down');
    return super.read(keys);
  }

  async write(changes: StoreItems): Promise<void> {
    await this.gate;
    if (this.down) throw new Error('store down');
    this.count(Object.keys(changes));
    return super.write(changes);
  }

  /** What is stored under the prefix, as the JSON MemoryStorage keeps. */
  keys(prefix: string): string[] {
    return Object.keys(this.memory).filter((k) => k.startsWith(prefix));
  }

  protected count(keys: string[]): void {
    for (const key of keys) this.writesByKey.set(key, (this.writesByKey.get(key) ?? 0) + 1);
  }
}

/**
 * A CountingStorage that creates a key only if absent, in one step, as the production stores do
 * (an LMDB transaction, Azure's If-None-Match): what several instances on one store rely on.
 */
export class InsertingStorage extends CountingStorage {
  conflicts = 0;

  async insert(items: StoreItems): Promise<void> {
    if (this.down) throw new Error('store down');
    const taken = Object.keys(items).find((key) => key in this.memory);
    if (taken !== undefined) {
      this.conflicts++;
      throw eTagConflict(taken);
    }
    this.count(Object.keys(items));
    // MemoryStorage's own write, not the counting one: the insert is counted once, above.
    return MemoryStorage.prototype.write.call(this, items);
  }
}
