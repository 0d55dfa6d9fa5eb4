import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { open } from 'lmdb';
import { LmdbStorage, QUARANTINE_PREFIX, storedKey } from '../../src/storage/lmdb-storage';
import { capturedLogger } from '../helpers/log-capture';
import { startWorker } from './worker';

// The Storage contract is in storage-conformance.test.ts; here, what is particular to LMDB.
const freshPath = () => join(mkdtempSync(join(tmpdir(), 'lmdb-')), 'bot.mdb');

/** Writes raw bytes under a key, as a torn or hand-edited record would look. */
async function plant(path: string, key: string, raw: string): Promise<void> {
  const db = open<string, string>({ path, encoding: 'string', compression: false, cache: false });
  await db.put(storedKey(key), raw);
  await db.flushed;
}

describe('LMDB storage', () => {
  it('when two processes add to one counter at once, then no increment is lost', async () => {
    const path = freshPath();
    const workers = [startWorker(['increment', '40', 'lmdb', path]), startWorker(['increment', '40', 'lmdb', path])];
    // A loaded CI machine takes seconds just to start two node processes: bounds, not timings.
    await Promise.all(workers.map((w) => w.waitForLines(1, 60_000)));
    expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0]);
    expect((await new LmdbStorage(path).read(['counter'])).counter.n).toBe(80);
  }, 90_000);

  it('when the process exits right after close with writes still pending, then it exits and every write is stored', async () => {
    const path = freshPath();
    // Six runs: an exit that raced a pending write hung in five of six before close waited for them.
    for (let run = 0; run < 6; run++) {
      const worker = startWorker(['exit-after-close', '20', 'lmdb', path]);
      await worker.waitForLines(1, 60_000);
      // Bounded: a hung exit fails here instead of holding the suite.
      const exited = await Promise.race([worker.exited, new Promise((resolve) => setTimeout(() => resolve('hung'), 20_000))]);
      if (exited === 'hung') await worker.kill('SIGKILL');
      expect(exited).toBe(0);
    }
    const keys = Array.from({ length: 20 }, (_, i) => `pending/${i}`);
    expect(Object.keys(await new LmdbStorage(path).read(keys)).sort()).toEqual([...keys].sort());
  }, 200_000);

  it('when close is called again while the first close waits for writes, then both resolve once and every write is stored', async () => {
    const path = freshPath();
    const store = new LmdbStorage(path);
    const keys = Array.from({ length: 20 }, (_, i) => `pending/${i}`);
    // Not awaited: the writes are still pending when shutdown closes, and closes again past its deadline.
    const writes = keys.map((key, i) => store.write({ [key]: { i } }));
    const first = store.close();
    expect(store.close()).toBe(first);
    await Promise.all([first, ...writes]);
    expect(Object.keys(await new LmdbStorage(path).read(keys)).sort()).toEqual([...keys].sort());
  });

  it('when a record is not valid JSON, then it reads as absent, is kept under quarantine with its key logged, and a write with no eTag succeeds', async () => {
    const path = freshPath();
    const { logger: log, events } = capturedLogger();
    const store = new LmdbStorage(path, { log });
    await plant(path, 'tickets/index/queue/microsoft-support', '{"t":1,"v":{"ids":["MS-');
    expect(await store.read(['tickets/index/queue/microsoft-support'])).toEqual({});
    expect(events()).toContainEqual(
      expect.objectContaining({ event: 'store_record_quarantined', key: 'tickets/index/queue/microsoft-support' }),
    );
    await store.write({ 'tickets/index/queue/microsoft-support': { ids: ['MS-7KQ2MX'] } });
    expect((await store.read(['tickets/index/queue/microsoft-support']))['tickets/index/queue/microsoft-support'].ids).toEqual([
      'MS-7KQ2MX',
    ]);
    const aside = await store.readRange(QUARANTINE_PREFIX);
    expect(aside).toHaveLength(1);
    expect(aside[0].key.startsWith(`${QUARANTINE_PREFIX}tickets/index/queue/microsoft-support/`)).toBe(true);
    expect(aside[0].item.raw).toBe('{"t":1,"v":{"ids":["MS-');
  });

  it('when an insert meets a corrupt record, then the record is set aside in the same transaction and the insert succeeds', async () => {
    const path = freshPath();
    const store = new LmdbStorage(path);
    await plant(path, 'delivered/msteams/a:1', 'not json at all');
    await store.insert({ 'delivered/msteams/a:1': { ids: { x: 1 } } });
    expect((await store.read(['delivered/msteams/a:1']))['delivered/msteams/a:1'].ids).toEqual({ x: 1 });
    expect(await store.readRange(QUARANTINE_PREFIX)).toHaveLength(1);
  });

  it('when a key is longer than LMDB allows, then it is stored under its start and a hash, and ranges still find it by prefix', async () => {
    const store = new LmdbStorage(freshPath());
    const long = `msteams/conversations/a:${'é'.repeat(2000)}`;
    const other = `msteams/conversations/a:${'é'.repeat(1999)}e`;
    await store.write({ [long]: { n: 1 }, [other]: { n: 2 } });
    const items = await store.read([long, other]);
    expect([items[long].n, items[other].n]).toEqual([1, 2]);
    const range = await store.readRange('msteams/conversations/');
    expect(range.map((r) => r.key).sort()).toEqual([long, other].sort());
  });

  it('when a range is read, then it returns exactly the keys under the prefix in key order, across slices, from a start key', async () => {
    const store = new LmdbStorage(freshPath());
    const keys = Array.from({ length: 1203 }, (_, i) => `p/${String(i).padStart(5, '0')}`);
    await store.write(Object.fromEntries(keys.map((k, i) => [k, { i }])));
    await store.write({ p: { outside: true }, 'q/00001': { outside: true } });
    const all = await store.readRange('p/');
    expect(all.map((r) => r.key)).toEqual(keys);
    expect((await store.readRange('p/', { start: 'p/01200' })).map((r) => r.key)).toEqual(['p/01200', 'p/01201', 'p/01202']);
  });

  it('when records age, then deleteWhere removes exactly those its rule calls expired, by their write time', async () => {
    const clock = { now: 1_000_000 };
    const store = new LmdbStorage(freshPath(), { now: () => clock.now });
    await store.write({ 'a/old': { v: 1 } });
    clock.now += 10_000;
    await store.write({ 'a/new': { v: 2 }, 'b/old': { v: 3 } });
    const removed = await store.deleteWhere('a/', (_key, writtenAt) => clock.now - writtenAt > 5_000);
    expect(removed).toBe(1);
    expect(Object.keys(await store.read(['a/old', 'a/new', 'b/old'])).sort()).toEqual(['a/new', 'b/old']);
  });
  it('when a write goes through the committed-only view, then another handle sees it at once and eTags are checked as in the store', async () => {
    const path = freshPath();
    const store = new LmdbStorage(path);
    const fast = store.committedOnly();
    await fast.insert({ 'delivered/msteams/c1': { ids: {} } });
    await expect(fast.insert({ 'delivered/msteams/c1': { ids: {} } })).rejects.toThrow(/eTag conflict/);
    const seen = (await new LmdbStorage(path).read(['delivered/msteams/c1']))['delivered/msteams/c1'];
    expect(seen.ids).toEqual({});
    await fast.write({ 'delivered/msteams/c1': { ids: { a: 1 }, eTag: seen.eTag } });
    await expect(fast.write({ 'delivered/msteams/c1': { ids: { b: 2 }, eTag: seen.eTag } })).rejects.toThrow(/eTag conflict/);
    await store.settled();
    expect((await new LmdbStorage(path).read(['delivered/msteams/c1']))['delivered/msteams/c1'].ids).toEqual({ a: 1 });
  });
});
