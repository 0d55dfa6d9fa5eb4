import { BatchFeedbackLog } from '../../src/feedback/batch-feedback-log';
import { batchKey } from '../../src/feedback/batch-documents';
import { createFeedbackLog } from '../../src/feedback/feedback-log';
import { userRef, type FeedbackEntry } from '../../src/feedback/feedback-entry';
import { AzureBlobsStorage } from '../../src/storage/azure-blobs-storage';
import { startAzurite, type Azurite } from '../helpers/azurite';

let azurite: Azurite;

beforeAll(async () => {
  azurite = await startAzurite();
}, 30_000);
afterAll(() => azurite.stop());

// Within the current hour, so every entry falls on one day whatever the time of the run.
const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
const question = (i: number, user: string): FeedbackEntry => ({
  kind: 'unanswered',
  text: `question ${i}`,
  lang: i % 2 === 0 ? 'en' : 'fr',
  at: new Date(hour.getTime() + i).toISOString(),
  user,
});

describe('feedback batches on Azure Blob Storage (Azurite)', () => {
  it('when two instances record at once, then a third reads every entry once, from batch blobs written once, and forgets a user', async () => {
    const container = `feedback-${process.pid}`;
    const open = () => new AzureBlobsStorage(azurite.connectionString, container);
    const [a, b] = [createFeedbackLog(open()), createFeedbackLog(open())];
    expect(a).toBeInstanceOf(BatchFeedbackLog);
    const dana = userRef('msteams', '29:dana');
    const lee = userRef('msteams', '29:lee');
    const waves = Array.from({ length: 8 }, (_, wave) =>
      Promise.all(Array.from({ length: 15 }, (_, i) => (wave % 2 ? a : b).record(question(wave * 15 + i, i % 3 ? lee : dana)))),
    );
    await Promise.all(waves);

    const reader = createFeedbackLog(open());
    const read = await reader.recent(1, new Date());
    expect(read.map((e) => (e.kind === 'unanswered' ? e.text : '')).sort()).toEqual(
      Array.from({ length: 120 }, (_, i) => `question ${i}`).sort(),
    );
    const day = hour.toISOString().slice(0, 10);
    const blobs = await open().read(Array.from({ length: 120 }, (_, n) => batchKey(day, n)));
    expect(Object.keys(blobs).length).toBeLessThan(120);

    expect(await reader.forgetUser('29:dana', 'msteams')).toBe(40);
    expect((await a.recent(1, new Date())).every((e) => e.user === lee)).toBe(true);
  }, 60_000);
});
