import { BATCH_LIMITS, BatchFeedbackLog } from '../../src/feedback/batch-feedback-log';
import { BATCH_PREFIX, batchKey, oldDayKey } from '../../src/feedback/batch-documents';
import { userRef, type FeedbackEntry } from '../../src/feedback/feedback-entry';
import { CountingStorage, InsertingStorage } from '../helpers/counting-storage';
import { capturedLogger } from '../helpers/log-capture';

const now = new Date('2026-11-20T18:00:00.000Z');
const question = (i: number, at = new Date(now.getTime() - 3_600_000 + i).toISOString()): FeedbackEntry => ({
  kind: 'unanswered',
  text: `question ${i}`,
  lang: 'en',
  at,
});
const texts = (entries: readonly FeedbackEntry[]) => entries.map((e) => (e.kind === 'unanswered' ? e.text : e.kind));
const batchDocs = (store: CountingStorage) => store.keys(BATCH_PREFIX);
const counted = (n: number) => Array.from({ length: n }, (_, i) => `question ${i}`);

describe('feedback batches on a store without ranges', () => {
  it('when 500 entries are recorded at once, then each is read back once, from a few batches no more than 200 long, none written twice', async () => {
    const store = new CountingStorage();
    const log = new BatchFeedbackLog(store);
    await Promise.all(Array.from({ length: 500 }, (_, i) => log.record(question(i))));

    expect(texts(await log.recent(1, now))).toEqual(counted(500));
    const docs = await store.read(batchDocs(store));
    expect(Object.keys(docs).length).toBeLessThan(10);
    expect(Object.values(docs).every((d) => (d as { entries: unknown[] }).entries.length <= BATCH_LIMITS.maxBatch)).toBe(true);
    expect([...store.writesByKey.values()].every((writes) => writes === 1)).toBe(true);
  });

  it('when entries arrive while a batch is being written, then they wait and form the next batch, one write in flight', async () => {
    const store = new CountingStorage();
    let release = () => {};
    store.gate = new Promise<void>((resolve) => (release = resolve));
    const log = new BatchFeedbackLog(store);
    const first = log.record(question(0));
    await new Promise((resolve) => setImmediate(resolve));
    const next = Array.from({ length: 60 }, (_, i) => log.record(question(i + 1)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.writesByKey.size).toBe(0);

    release();
    await Promise.all([first, ...next]);
    const docs = await store.read(batchDocs(store));
    expect(Object.values(docs).map((d) => texts((d as { entries: FeedbackEntry[] }).entries).length)).toEqual([1, 60]);
    expect(texts(await log.recent(1, now))).toEqual(counted(61));
  });

  it('when two instances write to one store at once, then nothing is lost and neither overwrites a batch of the other', async () => {
    const store = new InsertingStorage();
    const [a, b] = [new BatchFeedbackLog(store), new BatchFeedbackLog(store)];
    const writes = Array.from({ length: 30 }, async (_, wave) => {
      await new Promise((resolve) => setImmediate(resolve));
      const log = wave % 2 === 0 ? a : b;
      await Promise.all(Array.from({ length: 10 }, (_, i) => log.record(question(wave * 10 + i))));
    });
    await Promise.all(writes);

    expect(store.conflicts).toBeGreaterThan(0);
    expect(texts(await new BatchFeedbackLog(store).recent(1, now)).sort()).toEqual(counted(300).sort());
    expect([...store.writesByKey.values()].every((count) => count === 1)).toBe(true);
  });

  it('when an instance starts on a day that has 1,000 batches, then its first batch lands right after them, found in a few reads', async () => {
    const store = new InsertingStorage();
    const day = now.toISOString().slice(0, 10);
    await store.write(Object.fromEntries(Array.from({ length: 1000 }, (_, n) => [batchKey(day, n), { entries: [question(n)] }])));
    const log = new BatchFeedbackLog(store);
    store.readCalls = 0;

    await log.record(question(1000));

    expect(store.readCalls).toBeLessThanOrEqual(4);
    expect(store.conflicts).toBe(0);
    expect(texts((await store.read([batchKey(day, 1000)]))[batchKey(day, 1000)].entries)).toEqual(['question 1000']);
    expect(await log.recent(1, now)).toHaveLength(1001);
  });

  it('when more entries wait than the cap allows, then the extra ones are refused with one warning and later ones are accepted', async () => {
    const { logger, events } = capturedLogger();
    const store = new CountingStorage();
    const log = new BatchFeedbackLog(store, logger, { ...BATCH_LIMITS, maxBatch: 10, maxPending: 50 });
    const results = await Promise.allSettled(Array.from({ length: 70 }, (_, i) => log.record(question(i))));

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(50);
    expect(results.slice(50).every((r) => r.status === 'rejected')).toBe(true);
    expect(events().filter((e) => e.event === 'feedback_refused')).toHaveLength(1);
    const docs = await store.read(batchDocs(store));
    expect(Object.values(docs).map((d) => (d as { entries: unknown[] }).entries.length)).toEqual([10, 10, 10, 10, 10]);

    await log.record(question(70));
    expect(texts(await log.recent(1, now))).toEqual([...counted(50), 'question 70']);
  });

  it('when the store fails, then the waiting records are rejected, logged once, and the log stores later entries once it is back', async () => {
    const { logger, events } = capturedLogger();
    const store = new CountingStorage();
    const log = new BatchFeedbackLog(store, logger);
    await log.record(question(0));
    store.down = true;
    const failed = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => log.record(question(i + 1))));
    expect(failed.every((r) => r.status === 'rejected')).toBe(true);
    await expect(log.record(question(6))).rejects.toThrow('store down');
    expect(events().filter((e) => e.event === 'feedback_batch_failed')).toHaveLength(1);

    store.down = false;
    await log.record(question(7));
    expect(texts(await log.recent(1, now))).toEqual(['question 0', 'question 7']);
    expect(events().map((e) => e.event)).toContain('feedback_recovered');
  });

  it('when an entry has no ISO time, then it is refused and nothing is written', async () => {
    const store = new CountingStorage();
    await expect(new BatchFeedbackLog(store).record({ ...question(0), at: '../../etc' })).rejects.toThrow(/ISO time/);
    expect(store.writesByKey.size).toBe(0);
  });
});

describe('reading the batches and the day documents of before', () => {
  const dana = userRef('msteams', '29:dana');
  const lee = userRef('msteams', '29:lee');

  it('when a day was written as one day document, then recent reads it with the batches, oldest first, within the period', async () => {
    const store = new CountingStorage();
    await store.write({
      [oldDayKey('2026-11-19')]: { entries: [question(1, '2026-11-19T20:00:00.000Z'), question(0, '2026-11-19T09:00:00.000Z')] },
    });
    const log = new BatchFeedbackLog(store);
    await log.record(question(3, '2026-11-20T08:00:00.000Z'));
    await log.record(question(2, '2026-11-19T21:00:00.000Z'));

    expect(texts(await log.recent(1, now))).toEqual(['question 1', 'question 2', 'question 3']);
    expect(texts(await log.recent(2, now))).toEqual(['question 0', 'question 1', 'question 2', 'question 3']);
  });

  it('when a batch number is missing inside a day, then the batches after it are still read', async () => {
    const store = new CountingStorage();
    const day = '2026-11-20';
    await store.write(Object.fromEntries([0, 1, 2, 4, 5].map((n) => [batchKey(day, n), { entries: [question(n)] }])));
    expect(texts(await new BatchFeedbackLog(store).recent(1, now))).toEqual([
      'question 0',
      'question 1',
      'question 2',
      'question 4',
      'question 5',
    ]);
  });

  it('when a day holds more batches than the cap, then the cap is read and the rest is logged', async () => {
    const { logger, events } = capturedLogger();
    const store = new CountingStorage();
    const day = '2026-11-20';
    await store.write(Object.fromEntries(Array.from({ length: 50 }, (_, n) => [batchKey(day, n), { entries: [question(n)] }])));
    const log = new BatchFeedbackLog(store, logger, { ...BATCH_LIMITS, chunk: 8, maxBatchesPerDay: 40 });
    expect(await log.recent(1, now)).toHaveLength(40);
    expect(events().filter((e) => e.event === 'feedback_day_capped')).toHaveLength(1);
  });

  it('when a user asks to be forgotten, then their entries leave the batches and the old day documents, the others stay, in a few reads', async () => {
    const store = new CountingStorage();
    const today = new Date();
    const hoursAgo = (h: number) => new Date(today.getTime() - h * 3_600_000).toISOString();
    const oldDay = hoursAgo(72).slice(0, 10);
    await store.write({
      [oldDayKey(oldDay)]: {
        entries: [
          { ...question(0, `${oldDay}T10:00:00.000Z`), user: dana },
          { ...question(1, `${oldDay}T11:00:00.000Z`), user: lee },
        ],
      },
    });
    const log = new BatchFeedbackLog(store);
    await Promise.all([log.record({ ...question(2, hoursAgo(2)), user: dana }), log.record({ ...question(3, hoursAgo(2)), user: lee })]);
    await log.record({ ...question(4, hoursAgo(1)), user: dana });
    store.readCalls = 0;

    expect(await log.forgetUser('29:dana', 'msteams')).toBe(3);
    expect(store.readCalls).toBeLessThanOrEqual(10);
    const left = await log.recent(5, today);
    expect(texts(left)).toEqual(['question 1', 'question 3']);
    expect(left.every((e) => e.user === lee)).toBe(true);
    expect(await log.forgetUser('29:dana', 'msteams')).toBe(0);
  });
});
