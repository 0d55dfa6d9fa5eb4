import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { open } from 'lmdb';
import { BatchFeedbackLog } from '../../src/feedback/batch-feedback-log';
import { createFeedbackLog, EventFeedbackLog, FEEDBACK_PREFIX, userRef, type FeedbackEntry } from '../../src/feedback/feedback-log';
import { buildReport } from '../../src/feedback/feedback-report';
import { LmdbStorage, QUARANTINE_PREFIX } from '../../src/storage/lmdb-storage';

const lmdb = () => new LmdbStorage(join(mkdtempSync(join(tmpdir(), 'feedback-')), 'bot.mdb'));
const dana = userRef('msteams', '29:dana');
const lee = userRef('msteams', '29:lee');
const at = (hour: number) => `2026-11-20T${String(hour).padStart(2, '0')}:00:00.000Z`;

const entries: FeedbackEntry[] = [
  { kind: 'unanswered', text: 'How much is AZ-104?', lang: 'en', at: at(9), user: dana, session: 's1' },
  { kind: 'helpful', topic: 'unlink', helpful: false, lang: 'fr', at: at(10), user: lee, session: 's2' },
  { kind: 'unanswered', text: 'Combien coûte AZ-104 ?', lang: 'fr', at: at(11), user: dana, session: 's1' },
];

describe('feedback log', () => {
  it('when the store reads by range, then each event is its own record, and a period reads back in time order', async () => {
    const store = lmdb();
    const log = createFeedbackLog(store);
    expect(log).toBeInstanceOf(EventFeedbackLog);
    await Promise.all([...entries].reverse().map((e) => log.record(e)));
    const records = await store.readRange(FEEDBACK_PREFIX);
    expect(records).toHaveLength(3);
    expect(records.every((r) => r.item.at && r.item.lang && r.item.kind && r.item.user && r.item.session)).toBe(true);
    expect(await log.recent(1, new Date('2026-11-20T12:00:00Z'))).toEqual(entries);
    expect(await log.recent(1, new Date('2026-11-20T10:30:00Z'))).toEqual(entries.slice(0, 2));
    expect(await log.recent(1, new Date('2026-11-22T12:00:00Z'))).toEqual([]);
  });

  it.each([
    ['one record per event (LMDB)', () => createFeedbackLog(lmdb())],
    ['batches written once (stores without ranges)', () => createFeedbackLog(new MemoryStorage())],
  ])('when a user asks to be forgotten, then their records go and the others stay: %s', async (_name, make) => {
    const log = make();
    const now = new Date();
    const today = (e: FeedbackEntry, i: number) => ({ ...e, at: new Date(now.getTime() - (3 - i) * 1000).toISOString() });
    for (const [i, e] of entries.entries()) await log.record(today(e, i));
    expect(await log.forgetUser('29:dana', 'msteams')).toBe(2);
    const left = await log.recent(1, now);
    expect(left.map((e) => e.user)).toEqual([lee]);
    expect(await log.forgetUser('29:dana', 'msteams')).toBe(0);
  });

  it('when the store cannot read a range, then the log writes batches', () => {
    expect(createFeedbackLog(new MemoryStorage())).toBeInstanceOf(BatchFeedbackLog);
  });

  it('when one feedback record is corrupt, then it is set aside and the report and new feedback go on', async () => {
    const store = lmdb();
    const log = createFeedbackLog(store);
    for (const e of entries) await log.record(e);
    const [victim] = await store.readRange(FEEDBACK_PREFIX);
    const raw = open<string, string>({ path: store.path, encoding: 'string', compression: false, cache: false });
    await raw.put(victim.key, '{"t":1,"v":{"kind":"unans');
    await raw.flushed;
    const report = buildReport(await log.recent(2, new Date('2026-11-20T23:00:00Z')));
    expect(report.unanswered.map((q) => q.text)).toEqual(['Combien coûte AZ-104 ?']);
    await log.record({ ...entries[0], at: at(12) });
    expect(await log.recent(2, new Date('2026-11-20T23:00:00Z'))).toHaveLength(3);
    expect(await store.readRange(QUARANTINE_PREFIX)).toHaveLength(1);
  });
});
