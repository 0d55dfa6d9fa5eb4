import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { percentile } from './load';
import { TARGET_NAMES, type BenchResults, type LoadRow } from './results';
import type { StoreRun } from './store-rounds';

const START = '<!-- bench:start (written by npm run bench; edits inside are overwritten) -->';
const END = '<!-- bench:end -->';

const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
const n1 = (x: number) => x.toFixed(1);
const n2 = (x: number) => x.toFixed(2);
const mb = (bytes: number) => `${n0(bytes / 1e6)} MB`;
const median = (xs: readonly number[]) => percentile(Float64Array.from(xs).sort(), 50);

/** The echo bot's figures for a kind of request: the mean of its runs in this bench. */
export function echoReference(rows: readonly LoadRow[], kind: 'message' | 'invoke'): { rps: number; p50: number; p99: number } {
  const echo = rows.filter((r) => r.target === 'echo' && r.kind === kind);
  const mean = (f: (r: LoadRow) => number) => echo.reduce((sum, r) => sum + f(r), 0) / echo.length;
  return { rps: mean((r) => r.result.rps), p50: mean((r) => r.result.p50), p99: mean((r) => r.result.p99) };
}

function loadTable(results: BenchResults): string[] {
  const lines = [
    '| Request | Served by | req/s | p50 ms | p99 ms | req/s ÷ echo | p99 ÷ echo | failed |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of results.load) {
    const echo = echoReference(results.load, row.kind);
    const { rps, p50, p99, failures } = row.result;
    const ratios = row.target === 'echo' ? ['', ''] : [n2(rps / echo.rps), n2(p99 / echo.p99)];
    lines.push(
      `| ${row.label} | ${TARGET_NAMES[row.target]} | ${n0(rps)} | ${n1(p50)} | ${n1(p99)} | ${ratios.join(' | ')} | ${failures} |`,
    );
  }
  return lines;
}

type Side = 'lmdb' | 'memory';
interface Pair {
  readonly scenario: string;
  readonly label: string;
  readonly lmdb: StoreRun;
  readonly memory: StoreRun;
}
/** A column of the paired tables: the median over the rounds of one figure, for each store. */
interface PairColumn {
  readonly title: string;
  readonly cell: (runs: readonly StoreRun[]) => string;
}

/** One row per FAQ request: each store's req/s per round, the paired ratios and their median, then `columns`. */
function pairTable(pairs: readonly Pair[], columns: readonly PairColumn[]): string[] {
  const lines = [
    `| Request | LMDB req/s, each round | memory req/s, each round | LMDB ÷ memory, each round | median | ${columns.map((c) => `${c.title}, LMDB / memory`).join(' | ')} |`,
    `|---|---|---|---|---:|${columns.map(() => '---|').join('')}`,
  ];
  for (const scenario of new Set(pairs.map((p) => p.scenario))) {
    const rows = pairs.filter((p) => p.scenario === scenario);
    const runs = (side: Side) => rows.map((r) => r[side]);
    const each = (side: Side) =>
      runs(side)
        .map((r) => n0(r.result.rps))
        .join(', ');
    const ratios = rows.map((r) => r.lmdb.result.rps / r.memory.result.rps);
    const cells = columns.map((c) => `${c.cell(runs('lmdb'))} / ${c.cell(runs('memory'))}`);
    lines.push(
      `| ${rows[0].label} | ${each('lmdb')} | ${each('memory')} | ${ratios.map(n2).join(', ')} | **${n2(median(ratios))}** | ${cells.join(' | ')} |`,
    );
  }
  return lines;
}

const medianOf = (runs: readonly StoreRun[], f: (run: StoreRun) => number) => median(runs.map(f));
const CPU: PairColumn = {
  title: 'main-thread CPU ms / request',
  cell: (runs) => medianOf(runs, (r) => r.cpuPerRequest?.mainThread ?? NaN).toFixed(3),
};
const BUSY: PairColumn = { title: 'main thread busy', cell: (runs) => `${n0(medianOf(runs, (r) => r.mainThreadBusy ?? NaN) * 100)} %` };
const P99: PairColumn = { title: 'p99 ms', cell: (runs) => n1(medianOf(runs, (r) => r.result.p99)) };

/** The store rounds at the bench's connections, then (when measured) the same processes kept busy. */
function storeTables(results: BenchResults): string[] {
  const saturated = results.stores.flatMap((r) => (r.saturated ? [{ scenario: r.scenario, label: r.label, ...r.saturated }] : []));
  const lines = [...pairTable(results.stores, [CPU, BUSY]), ''];
  if (saturated.length === 0) return lines;
  return [
    ...lines,
    `At ${results.settings.saturation} connections, the same processes right after:`,
    '',
    ...pairTable(saturated, [BUSY, P99]),
    '',
  ];
}

function matcherTable(results: BenchResults): string[] {
  const lines = [
    '| Knowledge base | examples | build as run (s) | build with all 40 epochs (s) | median ms / question | p95 ms | top-1 (sanity) | heap MB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const { label, run, estimatedTrainingMs } of results.matcher) {
    const full = estimatedTrainingMs === undefined ? n1(run.buildMs / 1000) : `≈ ${n0(estimatedTrainingMs / 1000)} (est.)`;
    const top1 = run.mode === 'untrained' ? '–' : `${n0(run.top1 * 100)} %`;
    lines.push(
      `| ${label} | ${n0(run.examples)} | ${n1(run.buildMs / 1000)} | ${full} | ${run.medianMs.toFixed(3)} | ${run.p95Ms.toFixed(3)} | ${top1} | ${n0(run.heapMb)} |`,
    );
  }
  return lines;
}

/** The generated part of docs/benchmarks.md: the machine, the settings and every table. */
export function renderResults(results: BenchResults): string {
  const { machine: m, settings: s } = results;
  const lines = [
    START,
    `Run of ${results.date}, ${n0(results.totalSeconds)} s. Machine: ${m.cpu}, ${m.cores} cores, ${n0(m.memoryGb)} GiB, ${m.os}, Node ${m.node}.`,
    `1-minute load average ${n2(m.loadBefore)} at the start, ${n2(m.loadAfter)} at the end (the load generator and both bots share the cores).`,
    '',
    `### Throughput and latency (autocannon, ${s.connections} connections, ${s.warmup} s warm-up then ${s.duration} s per row, expectReplies)`,
    '',
    ...loadTable(results),
    '',
    `### The two stores, fresh processes (${s.warmup} s warm-up then ${s.duration} s per run, ${s.connections} connections; rounds alternate which store goes first)`,
    '',
    ...storeTables(results),
    '### Cold start (process start to the first answered FAQ question, median of the runs)',
    '',
    '| | median ms | runs (ms) |',
    '|---|---:|---|',
    `| bot (\`node dist/src/index.js\`, LMDB store) | ${n0(median(results.coldStart.bot))} | ${results.coldStart.bot.map(n0).join(', ')} |`,
    `| echo bot | ${n0(median(results.coldStart.echo))} | ${results.coldStart.echo.map(n0).join(', ')} |`,
    '',
    `### Memory (after full GCs; one FAQ question in each of ${n0(results.memory[0]?.conversations ?? 0)} new conversations; median of fresh processes)`,
    '',
    "| Process | RSS idle | RSS after | RSS after, each run | V8 heap after (held / used) | RSS after − echo's | the conversations took |",
    '|---|---:|---:|---|---:|---:|---:|',
    ...results.memory.map((r) => {
      const echo = results.memory.find((e) => e.target === 'echo');
      const delta = echo && r.target !== 'echo' ? mb(r.after.rss - echo.after.rss) : '';
      const runs = r.rssAfterRuns.map((rss) => mb(rss)).join(', ');
      return `| ${TARGET_NAMES[r.target]} | ${mb(r.idle.rss)} | ${mb(r.after.rss)} | ${runs} | ${mb(r.after.heapTotal)} / ${mb(r.after.heapUsed)} | ${delta} | ${n1(r.seconds)} s |`;
    }),
    '',
    '### Matcher alone (recognize() on one question, in its own process)',
    '',
    ...matcherTable(results),
    END,
  ];
  return lines.join('\n');
}

/** Replaces the generated part of the file, keeping what people wrote around it. */
export function writeResults(file: string, results: BenchResults): void {
  const generated = renderResults(results);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  const from = current.indexOf(START);
  const to = current.indexOf(END);
  const next =
    from >= 0 && to > from ? current.slice(0, from) + generated + current.slice(to + END.length) : `${current.trimEnd()}\n\n${generated}\n`;
  writeFileSync(file, next);
}
