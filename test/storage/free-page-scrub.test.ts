import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FreePageScrubber } from '../../src/storage/free-page-scrub';
import { LmdbStorage } from '../../src/storage/lmdb-storage';
import { capturedLogger } from '../helpers/log-capture';

const NAME = 'Zéphyrine Quatremains';
const fileHas = (path: string, text: string) => readFileSync(path).includes(Buffer.from(text));

/** A store with some history, one ticket holding a name, then that ticket erased. */
async function erasedTicket(): Promise<{ path: string; store: LmdbStorage }> {
  const path = join(mkdtempSync(join(tmpdir(), 'scrub-')), 'bot.mdb');
  const store = new LmdbStorage(path);
  for (let i = 0; i < 300; i++) await store.write({ [`tickets/CS-${i}`]: { n: i, note: 'n'.repeat(200 + (i % 400)) } });
  await store.write({ 'tickets/CS-ZQ': { user: { name: NAME }, description: `Ticket of ${NAME}` } });
  for (let i = 0; i < 20; i++) await store.write({ [`tickets/CS-${i}`]: { n: i, note: 'changed' } });
  await store.write({ 'tickets/CS-ZQ': { user: { name: '[erased]' }, description: '[erased]' } });
  return { path, store };
}

describe('free pages overwritten after an erasure', () => {
  it('when a record holding a name is rewritten, then the old bytes stay in the data file until a pass overwrites the free pages', async () => {
    const { path, store } = await erasedTicket();
    expect(fileHas(path, NAME)).toBe(true); // what LMDB leaves behind: the reason for the pass

    const log = capturedLogger();
    const scrubber = new FreePageScrubber(store, log.logger);
    scrubber.request();
    await scrubber.idle();

    expect(fileHas(path, NAME)).toBe(false);
    const overwritten = log.events().find((e) => e.event === 'free_pages_overwritten');
    expect(overwritten?.pages).toBeGreaterThan(0);
    await store.close();
  });

  it('when a pass is done, then every live record reads as before and no filler is left', async () => {
    const { store } = await erasedTicket();
    const keys = ['tickets/CS-0', 'tickets/CS-19', 'tickets/CS-20', 'tickets/CS-299', 'tickets/CS-ZQ'];
    const before = await store.read(keys);

    const log = capturedLogger();
    const scrubber = new FreePageScrubber(store, log.logger);
    scrubber.request();
    scrubber.request(); // asked again before the pass started: one pass, not two
    await scrubber.idle();
    expect(log.events().filter((e) => e.event === 'free_pages_overwritten')).toHaveLength(1);

    const after = await store.read(keys);
    for (const key of keys) expect({ ...after[key], eTag: undefined }).toEqual({ ...before[key], eTag: undefined });
    expect(await store.readRange('scrub/')).toEqual([]);
    await store.close();
  });
});
