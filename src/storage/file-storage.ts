import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoreItems } from 'botbuilder';
import { lock, type LockOptions } from 'proper-lockfile';
import { removeLeftoverTemporaryFiles, replaceFile } from './atomic-file';
import { eTagConflict, type InsertableStorage } from './insertable-storage';

type Item = Record<string, unknown>;

const LOCK_OPTIONS: LockOptions = {
  // The key's file may not exist yet; the lock is a sibling directory `<file>.lock`.
  realpath: false,
  // A lock left by a killed process is taken over after this long (the holder refreshes it).
  stale: 5000,
  // Enough tries to outwait a stale lock; contention on one key is otherwise short.
  retries: { retries: 120, factor: 1.3, minTimeout: 2, maxTimeout: 100, randomize: true },
  // The default throws from a timer and kills the process; a lock only turns stale here when
  // the event loop stalls for seconds, and the write then goes on as if unlocked.
  onCompromised: () => undefined,
};

/**
 * The embedded default store: one JSON file per key in a folder, so state survives a restart
 * with no server. Each write goes to a temporary file, flushed to disk and renamed over the old
 * one (atomic-file.ts), so a crash mid-write leaves the previous version, never half a file.
 * eTags behave as in the Azure Blob store, also between processes sharing the folder: the eTag
 * check and the write happen under a lock on the key (proper-lockfile). A write with a stale
 * eTag, or with an eTag for a key that no longer exists, is refused; `*` or no eTag overwrites.
 * Reads take no lock: a rename is atomic, so they see the old or the new file.
 */
export class FileStorage implements InsertableStorage {
  private readonly pending = new Map<string, Promise<unknown>>();

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    removeLeftoverTemporaryFiles(dir);
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const item = await this.readItem(key);
        if (item !== undefined) items[key] = item;
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await this.eachLocked(changes, async (key, value, current) => {
      const expected = value?.eTag as string | undefined;
      if (expected && expected !== '*' && current?.eTag !== expected) throw eTagConflict(key);
      await this.writeItem(key, value);
    });
  }

  async insert(items: StoreItems): Promise<void> {
    await this.eachLocked(items, async (key, value, current) => {
      if (current !== undefined) throw eTagConflict(key);
      await this.writeItem(key, value);
    });
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map((key) =>
        this.locked(key, () =>
          unlink(this.fileOf(key)).catch((error: NodeJS.ErrnoException) => {
            if (error.code !== 'ENOENT') throw error;
          }),
        ),
      ),
    );
  }

  private async eachLocked(items: StoreItems, task: (key: string, value: Item, current: Item | undefined) => Promise<void>) {
    await Promise.all(
      Object.entries(items).map(([key, value]) => this.locked(key, async () => task(key, value, await this.readItem(key)))),
    );
  }

  private async writeItem(key: string, value: Item): Promise<void> {
    const stored = { ...value, eTag: randomUUID() };
    await replaceFile(this.fileOf(key), JSON.stringify({ key, item: stored }));
  }

  private async readItem(key: string): Promise<Item | undefined> {
    try {
      const parsed = JSON.parse(await readFile(this.fileOf(key), 'utf8')) as { item: Item };
      return parsed.item;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /**
   * Runs a task under the key's file lock. Tasks on one key in this process queue up first, so
   * they do not spin on the lock against each other.
   */
  private locked<T>(key: string, task: () => Promise<T>): Promise<T> {
    const file = this.fileOf(key);
    const run = async () => {
      const release = await lock(file, LOCK_OPTIONS);
      try {
        return await task();
      } finally {
        await release().catch(() => undefined);
      }
    };
    const previous = this.pending.get(key) ?? Promise.resolve();
    const next = previous.then(run, run);
    const settled = next.catch(() => undefined);
    this.pending.set(key, settled);
    void settled.then(() => {
      if (this.pending.get(key) === settled) this.pending.delete(key);
    });
    return next;
  }

  private fileOf(key: string): string {
    const safe = encodeURIComponent(key).replace(/\*/g, '%2A');
    const name = safe.length <= 150 ? safe : `${safe.slice(0, 100)}-${createHash('sha256').update(key).digest('hex')}`;
    return join(this.dir, `${name}.json`);
  }
}
