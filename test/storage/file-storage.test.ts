import { mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStorage } from '../../src/storage/file-storage';
import { startWorker } from './worker';

// What the Storage contract asks of every store is in storage-conformance.test.ts; here, what is particular to files.
const freshDir = () => mkdtempSync(join(tmpdir(), 'store-'));
const fileOf = (dir: string, key: string) => join(dir, `${encodeURIComponent(key)}.json`);

describe('file storage', () => {
  it('when two processes add to one counter at once, then no increment is lost', async () => {
    const dir = freshDir();
    const workers = [startWorker(['increment', '40', 'file', dir]), startWorker(['increment', '40', 'file', dir])];
    await Promise.all(workers.map((w) => w.waitForLines(1)));
    expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0]);
    expect((await new FileStorage(dir).read(['counter'])).counter.n).toBe(80);
  }, 30_000);

  it('when a killed process left its lock on a key, then the next writer takes it over once it is stale', async () => {
    const dir = freshDir();
    const store = new FileStorage(dir);
    await store.write({ k: { v: 1 } });
    const lock = `${fileOf(dir, 'k')}.lock`;
    mkdirSync(lock);
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, longAgo, longAgo);
    await store.write({ k: { v: 2 } });
    expect((await store.read(['k'])).k.v).toBe(2);
  });

  it('when a crash left a half-written temporary file, then the key still reads its last complete version', async () => {
    const dir = freshDir();
    const store = new FileStorage(dir);
    await store.write({ k: { v: 1 } });
    writeFileSync(`${fileOf(dir, 'k')}.tmp-5f3a9c0e12ab`, '{"key":"k","item":{"v":');
    expect((await new FileStorage(dir).read(['k'])).k.v).toBe(1);
  });

  it('when keys hold path characters, then every file stays inside the folder', async () => {
    const dir = freshDir();
    await new FileStorage(dir).write({ '../../escape': { v: 1 }, 'a/b/c': { v: 2 } });
    expect(readdirSync(dir).sort()).toEqual(['..%2F..%2Fescape.json', 'a%2Fb%2Fc.json']);
  });
});
