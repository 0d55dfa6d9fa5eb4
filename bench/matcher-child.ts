import { join } from 'node:path';
import { loadKnowledgeBase } from '../src/knowledge/content-loader';
import { FaqRecognizer } from '../src/matching/faq-recognizer';
import { LinearClassifier } from '../src/matching/linear-classifier';
import { percentile } from './load';
import { REPO_ROOT } from './processes';
import { syntheticKb } from './synthetic-kb';

/** How the classifier is trained for a run: as the bot does, one epoch only, or not at all. */
export type TrainingMode = 'full' | 'one-epoch' | 'untrained';

export interface MatcherRun {
  readonly topics: number;
  readonly examples: number;
  readonly mode: TrainingMode;
  /** Building the recognizer: examples, classifier training, vocabulary, speller, lexicon. */
  readonly buildMs: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  /** Share of the questions answered with their own topic (meaningless when untrained). */
  readonly top1: number;
  readonly heapMb: number;
}

const PER_LANG = 10;
const QUESTIONS = 200;
const ROUNDS = 5;

/**
 * One matcher measurement in its own process (so its memory and a cut-off run do not touch
 * the bench): `node matcher-child.js <topics, 0 = the real content> <mode>`, one JSON line out.
 */
function main(): void {
  const topics = Number(process.argv[2]);
  const mode = (process.argv[3] ?? 'full') as TrainingMode;
  const real = loadKnowledgeBase(join(REPO_ROOT, 'content'));
  const { kb, questions } = topics === 0 ? realQuestions(real) : syntheticKb(real, topics, PER_LANG);
  const epochs = { full: undefined, 'one-epoch': 1, untrained: 0 }[mode];
  const started = performance.now();
  let examples = 0;
  const recognizer = new FaqRecognizer(kb, {
    ranker: (list) => {
      examples = list.length;
      return new LinearClassifier(list, epochs === undefined ? {} : { epochs });
    },
  });
  const buildMs = performance.now() - started;
  const sample = questions.filter((_, i) => i % Math.max(1, Math.floor(questions.length / QUESTIONS)) === 0).slice(0, QUESTIONS);
  const times: number[] = [];
  let right = 0;
  for (let round = 0; round <= ROUNDS; round += 1) {
    for (const q of sample) {
      const t = performance.now();
      const recognition = recognizer.recognize(q.text);
      // Round 0 warms the code up and counts the answers; it is not timed.
      if (round > 0) times.push(performance.now() - t);
      else if (recognition.topic === q.topic) right += 1;
    }
  }
  const sorted = Float64Array.from(times).sort();
  (globalThis as { gc?: () => void }).gc?.();
  const run: MatcherRun = {
    topics: topics || kb.topics.length,
    examples,
    mode,
    buildMs,
    medianMs: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    top1: right / sample.length,
    heapMb: process.memoryUsage().heapUsed / 1e6,
  };
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

/** The real content, asked its own example questions reworded a little (first word dropped). */
function realQuestions(real: ReturnType<typeof loadKnowledgeBase>) {
  const questions = real.topics.flatMap((t) =>
    [...t.en.questions, ...t.fr.questions].map((q) => ({ text: q.split(' ').slice(1).join(' '), topic: t.id as string })),
  );
  return { kb: real, questions };
}

main();
