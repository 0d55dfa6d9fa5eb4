import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Storage, StoreItems } from 'botbuilder';
import writeFileAtomic from 'write-file-atomic';

/**
 * The embedded default store: one JSON file per key in a folder, so state survives a restart
 * with no server. Each write goes to a temporary file renamed over the old one
 * (write-file-atomic), so a crash mid-write leaves the previous version, never half a file.
 * eTags behave as in botbuilder's cloud stores: a write carrying a stale eTag is refused.
 */
export class FileStorage implements Storage {
  private readonly pending = new Map<string, Promise<unknown>>();

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
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
    await Promise.all(Object.entries(changes).map(([key, value]) => this.serialized(key, () => this.writeItem(key, value))));
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map((key) =>
        this.serialized(key, async () => {
          await unlink(this.fileOf(key)).catch((error: NodeJS.ErrnoException) => {
            if (error.code !== 'ENOENT') throw error;
          });
        }),
      ),
    );
  }

  private async writeItem(key: string, value: Record<string, unknown>): Promise<void> {
    const current = await this.readItem(key);
    const expected = value?.eTag as string | undefined;
    if (current && expected && expected !== '*' && current.eTag !== expected) {
      throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
    }
    const stored = { ...value, eTag: randomUUID() };
    await writeFileAtomic(this.fileOf(key), JSON.stringify({ key, item: stored }));
  }

  private async readItem(key: string): Promise<Record<string, unknown> | undefined> {
    try {
      const parsed = JSON.parse(await readFile(this.fileOf(key), 'utf8')) as { item: Record<string, unknown> };
      return parsed.item;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Writes to one key run one after another, so the eTag check and the write are not interleaved. */
  private serialized<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.pending.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
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
