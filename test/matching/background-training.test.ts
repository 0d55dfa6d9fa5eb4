import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledgeBase } from '../../src/knowledge/content-loader';
import { trainInBackground } from '../../src/matching/background-training';
import { FaqRecognizer } from '../../src/matching/faq-recognizer';
import { LinearClassifier } from '../../src/matching/linear-classifier';
import { trainingExamples } from '../../src/matching/training-set';

const CONTENT = join(__dirname, '..', '..', 'content');
// The worker runs the TypeScript source through the same on-the-fly transpiler as other process tests.
const WORKER = join(__dirname, '..', 'fixtures', 'require-ts.js');
const SOURCE = join(__dirname, '..', '..', 'src', 'matching', 'training-worker.ts');

function trainInWorker(contentDir: string) {
  return trainInBackground(contentDir, WORKER, { module: SOURCE });
}

describe('training the classifier in a worker thread', () => {
  const kb = loadKnowledgeBase(CONTENT);
  const examples = trainingExamples(kb);
  const here = new LinearClassifier(examples);

  it('when the worker trains on the content, then its weights are bit for bit those trained here, and the bot answers the same', async () => {
    const trained = await trainInWorker(CONTENT);
    expect(trained).toBeDefined();
    const local = here.trained();
    expect(trained!.labels).toEqual(local.labels);
    expect(Buffer.from(trained!.weights.buffer).equals(Buffer.from(local.weights.buffer))).toBe(true);
    expect(Buffer.from(trained!.bias.buffer).equals(Buffer.from(local.bias.buffer))).toBe(true);

    const fromWorker = new FaqRecognizer(kb, { ranker: (e) => new LinearClassifier(e, {}, trained) });
    const fromHere = new FaqRecognizer(kb);
    for (const question of [
      'How do I unlink my MCID from my old company?',
      'Est-ce que l’AZ-900 donne des crédits ?',
      'what is the weather',
    ]) {
      expect(fromWorker.recognize(question)).toEqual(fromHere.recognize(question));
    }
  }, 60_000);

  it('when the content is broken, then no weights come back and the main thread is left to report it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-'));
    writeFileSync(join(dir, 'exams.json'), '{ not json');
    await expect(trainInWorker(dir)).resolves.toBeUndefined();
  }, 60_000);

  it('when the compiled worker is not there (sources run as they are), then training is left to the main thread', async () => {
    await expect(trainInBackground(CONTENT, join(tmpdir(), 'no-such-worker.js'))).resolves.toBeUndefined();
  });

  it('when weights were trained on other examples, then the classifier ignores them and trains itself', () => {
    const other = new LinearClassifier(examples.filter((e) => e.label !== 'none')).trained();
    const classifier = new LinearClassifier(examples, {}, other);
    expect(Buffer.from(classifier.trained().weights.buffer).equals(Buffer.from(here.trained().weights.buffer))).toBe(true);
  });
});
