import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Bm25Ranker } from '../knowledge/bm25-ranker';
import { loadKnowledgeBase } from '../knowledge/content-loader';
import { crossValidate } from '../knowledge/cross-validation';
import { evaluate, parseLabelled, rate, type EvalReport, type LabelledQuestion, type LangScores } from '../knowledge/evaluation';
import { ExampleRanker } from '../knowledge/example-ranker';
import { FaqRecognizer, type RecognizerOptions } from '../knowledge/faq-recognizer';
import { HybridRanker } from '../knowledge/hybrid-ranker';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { LinearClassifier } from '../knowledge/linear-classifier';
import type { Ranker } from '../knowledge/ranker';
import type { Example } from '../knowledge/training-set';

const USAGE = `Usage: npm run --silent eval -- [options]
  --split heldout|train   the labelled file to score (default heldout); never learned from
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

const pct = (n: number, of: number) => `${(rate(n, of) * 100).toFixed(1)} %`;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

function scoreLine(name: string, s: LangScores): string {
  return (
    `${name.padEnd(4)} top-1 ${pct(s.top1, s.inScope).padStart(7)}  top-3 ${pct(s.top3, s.inScope).padStart(7)}  ` +
    `wrong answer ${pct(s.wrongAnswer, s.inScope).padStart(6)}  only suggested ${String(s.suggestedOnly).padStart(3)}  ` +
    `false answers ${pct(s.falseAnswer, s.outOfScope).padStart(6)} (${s.falseAnswer}/${s.outOfScope})  language ${pct(s.language, s.total).padStart(7)}`
  );
}

interface Timing {
  readonly startupMs: number;
  readonly medianMs: number;
  readonly p95Ms: number;
}

function textReport(title: string, report: EvalReport, timing?: Timing): string {
  const { exam, all } = report;
  const lines = [
    `${title}: ${all.total} questions (${all.inScope} in scope, ${all.outOfScope} out of scope)`,
    '',
    scoreLine('en', report.byLang.en),
    scoreLine('fr', report.byLang.fr),
    scoreLine('all', all),
    '',
    ...(exam.labelled > 0 ? [`exam verdicts ${pct(exam.correct, exam.labelled)} (${exam.correct}/${exam.labelled}), codes found where none is labelled: ${exam.spurious}`] : []),
    ...(timing ? [`startup ${timing.startupMs.toFixed(0)} ms, per question median ${timing.medianMs.toFixed(3)} ms, p95 ${timing.p95Ms.toFixed(3)} ms`] : []),
    '',
    `Confusions (expected -> got [suggested]): ${report.confusions.length}`,
    ...report.confusions.map(
      (c) => `  ${c.lang} ${String(c.expected ?? 'none')} -> ${String(c.got ?? 'none')}${c.suggested.length ? ` [${c.suggested.join(', ')}]` : ''}: ${c.text}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

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

function summary(name: string, r: EvalReport, t?: Timing): string {
  const { en, fr, all } = { ...r.byLang, all: r.all };
  return (
    `${name.padEnd(9)} top-1 en ${pct(en.top1, en.inScope).padStart(7)}  fr ${pct(fr.top1, fr.inScope).padStart(7)}  ` +
    `top-3 ${pct(all.top3, all.inScope).padStart(7)}  wrong ${pct(all.wrongAnswer, all.inScope).padStart(6)}  ` +
    `false answers ${pct(all.falseAnswer, all.outOfScope).padStart(6)}` +
    (t ? `  startup ${t.startupMs.toFixed(0).padStart(4)} ms  median ${t.medianMs.toFixed(3)} ms  p95 ${t.p95Ms.toFixed(3)} ms` : '')
  );
}

function main(args: string[]): void {
  if (args.includes('--help')) return void process.stdout.write(`${USAGE}\n`);
  const root = repoRoot();
  const split = option(args, '--split') ?? 'heldout';
  if (!['heldout', 'train'].includes(split)) throw new Error(`--split must be heldout or train\n${USAGE}`);
  const rankerName = option(args, '--ranker') ?? 'linear';
  if (!RANKERS[rankerName]) throw new Error(`--ranker must be one of ${Object.keys(RANKERS).join(', ')}`);
  const options: RecognizerOptions = {
    ranker: RANKERS[rankerName],
    answerThreshold: threshold(args, '--answer'),
    suggestThreshold: threshold(args, '--suggest'),
    suggestMargin: threshold(args, '--margin'),
  };
  const kb = loadKnowledgeBase(join(root, 'content'));
  const rows = parseLabelled(readFileSync(join(root, 'test', 'fixtures', 'matching', `${split}.jsonl`), 'utf8'));
  const cv = args.includes('--cv');
  const score = (o: RecognizerOptions) =>
    cv ? crossValidate(kb, (part: KnowledgeBase) => new FaqRecognizer(part, o)) : evaluate(new FaqRecognizer(kb, o), rows);
  const title = cv ? 'Cross-validation (5 folds) on the content examples' : `Scoring of ${split}.jsonl`;
  const json = args.includes('--json');

  if (args.includes('--compare')) {
    const results = Object.entries(RANKERS).map(([name, ranker]) => {
      const o = { ...options, ranker };
      return { name, report: score(o), timing: measure(root, o, rows) };
    });
    if (json) return void process.stdout.write(`${JSON.stringify(results.map(({ name, report, timing }) => ({ name, all: report.all, byLang: report.byLang, timing })), null, 2)}\n`);
    return void process.stdout.write(`${title}\n${results.map((r) => summary(r.name, r.report, r.timing)).join('\n')}\n`);
  }
  if (args.includes('--sweep')) {
    const lines: string[] = [];
    for (let t = 0.3; t <= 0.701; t += 0.05) lines.push(summary(`at ${t.toFixed(2)}`, score({ ...options, answerThreshold: t, suggestThreshold: Math.min(t, options.suggestThreshold ?? t) })));
    return void process.stdout.write(`${title}, answer threshold swept\n${lines.join('\n')}\n`);
  }
  const report = score(options);
  const timing = cv ? undefined : measure(root, options, rows);
  if (json) {
    const used = new FaqRecognizer(kb, options).options;
    return void process.stdout.write(`${JSON.stringify({ source: cv ? 'cross-validation' : split, ranker: rankerName, options: used, ...report, timing }, null, 2)}\n`);
  }
  process.stdout.write(textReport(title, report, timing));
}

try {
  main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
