import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Bm25Ranker } from '../matching/bm25-ranker';
import { loadKnowledgeBase } from '../knowledge/content-loader';
import { shortcutOf } from '../dialogs/text-commands';
import { crossValidate } from '../matching/cross-validation';
import { evaluate, parseLabelled, type EvalReport, type LabelledQuestion } from '../matching/evaluation';
import { ExampleRanker } from '../matching/example-ranker';
import { FaqRecognizer, type RecognizerOptions } from '../matching/faq-recognizer';
import { HybridRanker } from '../matching/hybrid-ranker';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { LinearClassifier } from '../matching/linear-classifier';
import type { Ranker } from '../matching/ranker';
import type { Example } from '../matching/training-set';
import { summary, textReport, type Timing } from './eval-report';

const USAGE = `Usage: npm run --silent eval -- [options]
  --split NAME            the labelled file to score: heldout, families (heldout-families.jsonl), fresh
                          (heldout-fresh.jsonl; both scored per family too) or train; by default the
                          three held-out files, each apart
  --cv                    5-fold cross-validation on the content's own examples instead (for tuning)
  --ranker NAME           ${'linear (default), hybrid, examples or bm25'}
  --compare               every ranker on the same questions, one line each
  --sweep                 top-1 and false answers for a range of answer thresholds
  --answer N --suggest N --margin N   override the thresholds
  --json                  machine-readable output`;

/** The approaches compared in docs/matching.md, all run through the same recognizer pipeline. */
const RANKERS: Record<string, (examples: readonly Example[]) => Ranker> = {
  linear: (e) => new LinearClassifier(e),
  hybrid: (e) => new HybridRanker(e),
  examples: (e) => new ExampleRanker(e),
  bm25: (e) => new Bm25Ranker(e),
};

/** The repository root, found from this file so the command reads nothing outside the repo. */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'content'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('eval: cannot find the repository root (package.json next to content/)');
    dir = up;
  }
  return dir;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function threshold(args: string[], name: string): number | undefined {
  const raw = option(args, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new Error(`${name} must be a number between 0 and 1`);
  return n;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** Startup (loading the content and training) and the time to match one question, warm. */
function measure(root: string, options: RecognizerOptions, rows: readonly LabelledQuestion[]): Timing {
  const started = performance.now();
  const recognizer = new FaqRecognizer(loadKnowledgeBase(join(root, 'content')), options);
  const startupMs = performance.now() - started;
  const times: number[] = [];
  for (let round = 0; round < 6; round += 1) {
    for (const row of rows) {
      const t0 = performance.now();
      recognizer.recognize(row.text);
      if (round > 0) times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  return { startupMs, medianMs: quantile(times, 0.5), p95Ms: quantile(times, 0.95) };
}

/** The labelled files under test/fixtures/matching/; held-out ones are only ever scored. */
const SPLITS: Record<string, string> = {
  heldout: 'heldout.jsonl',
  families: 'heldout-families.jsonl',
  fresh: 'heldout-fresh.jsonl',
  train: 'train.jsonl',
};

function main(args: string[]): void {
  if (args.includes('--help')) return void process.stdout.write(`${USAGE}\n`);
  const root = repoRoot();
  const chosen = option(args, '--split');
  if (chosen !== undefined && !SPLITS[chosen]) throw new Error(`--split must be one of ${Object.keys(SPLITS).join(', ')}\n${USAGE}`);
  const rankerName = option(args, '--ranker') ?? 'linear';
  if (!RANKERS[rankerName]) throw new Error(`--ranker must be one of ${Object.keys(RANKERS).join(', ')}`);
  const options: RecognizerOptions = {
    ranker: RANKERS[rankerName],
    answerThreshold: threshold(args, '--answer'),
    suggestThreshold: threshold(args, '--suggest'),
    suggestMargin: threshold(args, '--margin'),
    // The bot answers its typed commands before matching: scored as it answers them.
    shortcut: shortcutOf,
  };
  const kb = loadKnowledgeBase(join(root, 'content'));
  const cv = args.includes('--cv');
  const json = args.includes('--json');
  // Cross-validation scores the content's own examples, whatever the split.
  const splits = cv ? ['heldout'] : chosen ? [chosen] : ['heldout', 'families', 'fresh'];
  const outputs = splits.map((split) => {
    const rows = parseLabelled(readFileSync(join(root, 'test', 'fixtures', 'matching', SPLITS[split]), 'utf8'));
    const title = cv ? 'Cross-validation (5 folds) on the content examples' : `Scoring of ${SPLITS[split]}`;
    return { split, ...run(args, { root, kb, rows, cv, options, rankerName, title, split, json }) };
  });
  if (json) {
    const value = outputs.length === 1 ? outputs[0].value : Object.fromEntries(outputs.map((o) => [o.split, o.value]));
    return void process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }
  process.stdout.write(outputs.map((o) => o.text).join('\n'));
}

interface Run {
  readonly root: string;
  readonly kb: KnowledgeBase;
  readonly rows: readonly LabelledQuestion[];
  readonly cv: boolean;
  readonly options: RecognizerOptions;
  readonly rankerName: string;
  readonly title: string;
  readonly split: string;
  readonly json: boolean;
}

/** One split's report: the default scoring, `--compare` or `--sweep`, as text and as JSON. */
function run(args: string[], { root, kb, rows, cv, options, rankerName, title, split, json }: Run): { text: string; value: unknown } {
  const score = (o: RecognizerOptions): EvalReport =>
    cv ? crossValidate(kb, (part: KnowledgeBase) => new FaqRecognizer(part, o)) : evaluate(new FaqRecognizer(kb, o), rows);
  if (args.includes('--compare')) {
    const results = Object.entries(RANKERS).map(([name, ranker]) => {
      const o = { ...options, ranker };
      return { name, report: score(o), timing: measure(root, o, rows) };
    });
    return {
      text: `${title}\n${results.map((r) => summary(r.name, r.report, r.timing)).join('\n')}\n`,
      value: results.map(({ name, report, timing }) => ({ name, all: report.all, byLang: report.byLang, timing })),
    };
  }
  if (args.includes('--sweep')) {
    const lines: string[] = [];
    for (let t = 0.3; t <= 0.701; t += 0.05)
      lines.push(
        summary(
          `at ${t.toFixed(2)}`,
          score({ ...options, answerThreshold: t, suggestThreshold: Math.min(t, options.suggestThreshold ?? t) }),
        ),
      );
    return { text: `${title}, answer threshold swept\n${lines.join('\n')}\n`, value: lines };
  }
  const report = score(options);
  const timing = cv || json ? undefined : measure(root, options, rows);
  const used = new FaqRecognizer(kb, options).options;
  return {
    text: textReport(title, report, timing),
    value: { source: cv ? 'cross-validation' : split, ranker: rankerName, options: used, ...report, timing },
  };
}

try {
  main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
