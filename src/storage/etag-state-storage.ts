import type { Storage, StoreItems } from 'botbuilder';
import { insertItems, isETagConflict } from './insertable-storage';

interface Seen {
  /** The eTag the turn read; undefined when the key was absent or its eTag is no longer known. */
  readonly eTag?: string;
  /** Whether the eTag can be used as is (false after this object was written once). */
  readonly current: boolean;
  /** Each top-level property as read (JSON), to tell what the turn changed. */
  readonly snapshot: Readonly<Record<string, string>>;
}

const MAX_ROUNDS = 8;

/**
 * For botbuilder's conversation and user state, which saves with eTag `*` (the last writer
 * wins). This store remembers the eTag each state object was read with and writes under it; on a
 * conflict it re-reads and applies only the top-level properties this turn changed over what the
 * other writer saved. Turns of one conversation are already run one at a time (turn claims), so a
 * conflict here means one user's state changed in two chats at once, or an outage in between.
 * Objects it did not hand out (a state cleared in the turn) are written as botbuilder would.
 */
export class ETagStateStorage implements Storage {
  private readonly seen = new WeakMap<object, Seen>();

  constructor(private readonly inner: Storage) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys);
    const result: StoreItems = {};
    for (const key of keys) {
      // An absent key gets an empty object too, so its first save creates it only if still absent.
      const item = (items[key] as Record<string, unknown> | undefined) ?? {};
      this.seen.set(item, { eTag: item.eTag as string | undefined, current: true, snapshot: snapshotOf(item) });
      result[key] = item;
    }
    return result;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(Object.entries(changes).map(([key, item]) => this.writeOne(key, item as Record<string, unknown>)));
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }

  private async writeOne(key: string, item: Record<string, unknown>): Promise<void> {
    const seen = this.seen.get(item);
    if (!seen) return this.inner.write({ [key]: item });
    const { eTag: _ignored, ...state } = item;
    let base: { eTag?: string; doc: Record<string, unknown> } | undefined = seen.current ? { eTag: seen.eTag, doc: state } : undefined;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      base ??= await this.merged(key, state, seen.snapshot);
      try {
        if (base.eTag) await this.inner.write({ [key]: { ...base.doc, eTag: base.eTag } });
        else await insertItems(this.inner, { [key]: base.doc });
        this.seen.set(item, { current: false, snapshot: snapshotOf(state) });
        return;
      } catch (error) {
        if (!isETagConflict(error)) throw error;
        base = undefined;
      }
    }
    throw new Error(`ETagStateStorage: "${key}" kept changing under this turn (${MAX_ROUNDS} rounds)`);
  }

  /** The stored document with this turn's changed properties laid over it. */
  private async merged(key: string, state: Record<string, unknown>, snapshot: Readonly<Record<string, string>>) {
    const stored = (await this.inner.read([key]))[key] as Record<string, unknown> | undefined;
    const { eTag, ...doc } = stored ?? {};
    const changed = new Set([...Object.keys(state), ...Object.keys(snapshot)].filter((p) => JSON.stringify(state[p]) !== snapshot[p]));
    for (const property of changed) {
      if (property in state) doc[property] = state[property];
      else delete doc[property];
    }
    return { eTag: stored ? (eTag as string) : undefined, doc };
  }
}

function snapshotOf(item: Record<string, unknown>): Record<string, string> {
  const snapshot: Record<string, string> = {};
  for (const [property, value] of Object.entries(item)) if (property !== 'eTag') snapshot[property] = JSON.stringify(value);
  return snapshot;
}
