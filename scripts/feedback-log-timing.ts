import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { MemoryStorage } from 'botbuilder';
import { createFeedbackLog, type FeedbackEntry, type ReadableFeedbackLog } from '../src/feedback/feedback-log';
import type { Store } from '../src/support/store';

/**
 * Times 10,000 `record` calls issued 10 at a time (as ten busy conversations would) on
 * MemoryStorage, then one `recent(1)`, for docs/storage.md. To compare with an older log, put its
 * compiled module beside this one and name it with the class to build:
 *   npx tsc -p tsconfig.json && node dist/scripts/feedback-log-timing.js [module.js ClassName]
 */
const TOTAL = 10_000;
const AT_ONCE = 10;

type LogClass = new (storage: Store) => ReadableFeedbackLog;

function entry(i: number): FeedbackEntry {
  const at = new Date(Date.UTC(2026, 10, 20, 9) + i * 1000).toISOString();
  return i % 3 === 0
    ? { kind: 'unanswered', text: `question number ${i} about a partner link`, lang: 'en', at, user: `user-${i % 500}` }
    : { kind: 'outcome', outcome: 'answered', via: 'text', topic: 'unlink', lang: 'fr', at, user: `user-${i % 500}` };
}

/** MemoryStorage behind a counter of read and write calls. */
function countingStore(): { store: Store; calls: { reads: number; writes: number } } {
  const memory = new MemoryStorage();
  const calls = { reads: 0, writes: 0 };
  const store: Store = {
    read: (keys) => (calls.reads++, memory.read(keys)),
    write: (changes) => (calls.writes++, memory.write(changes)),
    delete: (keys) => memory.delete(keys),
  };
  return { store, calls };
}

async function measure(name: string, make: (store: Store) => ReadableFeedbackLog): Promise<void> {
  const { store, calls } = countingStore();
  const log = make(store);
  const start = performance.now();
  for (let i = 0; i < TOTAL; i += AT_ONCE) {
    await Promise.all(Array.from({ length: AT_ONCE }, (_, j) => log.record(entry(i + j))));
  }
  const recorded = performance.now() - start;
  const [reads, writes] = [calls.reads, calls.writes];
  const readStart = performance.now();
  const back = await log.recent(1, new Date(Date.UTC(2026, 10, 20, 23)));
  const read = performance.now() - readStart;
  process.stdout.write(
    `${name}: ${TOTAL} records in ${recorded.toFixed(0)} ms (${((recorded / TOTAL) * 1000).toFixed(0)} µs each), ` +
      `${writes} writes, ${reads} reads; recent(1) read ${back.length} entries in ${read.toFixed(0)} ms\n`,
  );
}

async function main([modulePath, className]: string[]): Promise<void> {
  if (modulePath && className) {
    const exported = (await import(pathToFileURL(modulePath).href)) as Record<string, LogClass | undefined>;
    const Old = exported[className];
    if (!Old) throw new Error(`${modulePath} exports no ${className}`);
    await measure(className, (store) => new Old(store));
  }
  await measure('createFeedbackLog (batches)', (store) => createFeedbackLog(store));
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
