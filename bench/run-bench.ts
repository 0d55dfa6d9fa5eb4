import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { coldStart } from './cold-start';
import { load, probe, type LoadOptions } from './load';
import { matcherScaling } from './matcher-scaling';
import { REPO_ROOT, startChild, type BenchChild } from './processes';
import { writeResults, renderResults } from './report';
import type { BenchResults, LoadRow, MemoryRow, Target } from './results';
import { BOT_SCENARIOS, ECHO_SCENARIOS, type Scenario } from './scenarios';
import { profileStartup, profileUnderLoad } from './profile-run';
import { compareStores } from './store-rounds';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
// --quick: a shorter run (about 2 minutes) for checking a change; the full run is for the docs.
const quick = flag('quick');
const settings = {
  connections: option('connections', 10),
  duration: option('duration', quick ? 4 : 8),
  warmup: option('warmup', quick ? 1 : 2),
};
const CONVERSATIONS = option('conversations', quick ? 2_000 : 10_000);
const COLD_RUNS = option('cold-runs', quick ? 2 : 5);
const MEMORY_RUNS = option('memory-runs', quick ? 1 : 3);
const STORE_ROUNDS = option('store-rounds', quick ? 1 : 3);
// The store rounds measure each process again with this many connections: enough to keep the
// LMDB bot's main thread busy while turns wait for flushes (0 leaves it out).
const SATURATION = option('saturation-connections', 32);
const log = (line: string) => process.stdout.write(`${line}\n`);

// Caps off and anonymous auth, whatever the shell or a .env says: every request is a new user
// anyway, so the per-user caps would not bind, and the bench measures the turn, not the caps.
const BOT_ENV = {
  STORAGE: 'lmdb',
  RATE_LIMIT_PER_MINUTE: '0',
  TICKETS_PER_HOUR: '1000000',
  LOG_LEVEL: 'info',
  MicrosoftAppId: '',
  MicrosoftAppPassword: '',
  PORT: '0',
  HOST: '127.0.0.1',
};

async function measureLoad(child: BenchChild, target: Target, scenario: Scenario, rows: LoadRow[]): Promise<void> {
  await probe(child.url, scenario);
  const options: LoadOptions = { connections: settings.connections, duration: settings.duration };
  await load(child.url, scenario, { ...options, duration: settings.warmup });
  const result = await load(child.url, scenario, options);
  rows.push({ target, scenario: scenario.name, label: scenario.label, kind: scenario.kind, result });
  log(
    `  ${target} ${scenario.name}: ${Math.round(result.rps)} req/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ${result.failures} failed`,
  );
}

/** RSS after the same load moves by tens of MB between processes: each run gets a fresh one. */
async function measureMemory(start: () => Promise<BenchChild>, target: Target, scenario: Scenario): Promise<MemoryRow> {
  const runs: Omit<MemoryRow, 'rssAfterRuns'>[] = [];
  for (let i = 0; i < MEMORY_RUNS; i += 1) {
    const child = await start();
    const idle = await child.memory();
    const started = performance.now();
    const result = await load(child.url, scenario, { connections: settings.connections, duration: 0, amount: CONVERSATIONS });
    if (result.failures > 0) throw new Error(`${target}: ${result.failures} of ${CONVERSATIONS} conversations failed`);
    const run = { target, idle, after: await child.memory(), conversations: CONVERSATIONS, seconds: (performance.now() - started) / 1000 };
    await child.stop();
    log(
      `  ${target}: RSS ${Math.round(idle.rss / 1e6)} MB idle, ${Math.round(run.after.rss / 1e6)} MB after ${CONVERSATIONS} conversations (${run.seconds.toFixed(1)} s)`,
    );
    runs.push(run);
  }
  const median = [...runs].sort((a, b) => a.after.rss - b.after.rss)[Math.floor(runs.length / 2)];
  return { ...median, rssAfterRuns: runs.map((r) => r.after.rss) };
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadBefore = loadavg()[0];
  const runDir = mkdtempSync(join(tmpdir(), 'bench-run-'));
  const script = (name: string) => join(REPO_ROOT, 'dist', 'bench', `${name}.js`);
  const [faqEn] = BOT_SCENARIOS;
  const [echoMessage, echoInvoke] = ECHO_SCENARIOS;
  const children: BenchChild[] = [];
  try {
    log('Cold start…');
    const cold = { bot: [] as number[], echo: [] as number[] };
    for (let i = 0; i < COLD_RUNS; i += 1) {
      cold.bot.push(await coldStart(join(REPO_ROOT, 'dist', 'src', 'index.js'), faqEn, BOT_ENV));
      cold.echo.push(await coldStart(script('echo-bot'), echoMessage, {}));
    }
    log(`  bot ${cold.bot.map(Math.round).join(', ')} ms; echo ${cold.echo.map(Math.round).join(', ')} ms`);

    const start = async (target: Target) => {
      const dataDir = mkdtempSync(join(runDir, `${target}-`));
      const env = { ...BOT_ENV, DATA_DIR: dataDir, BENCH_STORE: target === 'bot-memory' ? 'memory' : '' };
      const child = await startChild({ name: target, script: script(target === 'echo' ? 'echo-bot' : 'bot-entry'), env, logDir: runDir });
      children.push(child);
      return child;
    };
    const echo = await start('echo');
    const botLmdb = await start('bot-lmdb');
    const botMemory = await start('bot-memory');

    if (flag('profile')) {
      await profileStartup(faqEn, BOT_ENV, log);
      await profileUnderLoad(
        [
          [echo, echoMessage],
          [botLmdb, faqEn],
          [botMemory, faqEn],
        ],
        settings,
        log,
      );
      return;
    }

    log(`Memory: ${CONVERSATIONS} conversations each, ${MEMORY_RUNS} fresh processes per row…`);
    const memory = [
      await measureMemory(() => start('echo'), 'echo', echoMessage),
      await measureMemory(() => start('bot-lmdb'), 'bot-lmdb', faqEn),
      await measureMemory(() => start('bot-memory'), 'bot-memory', faqEn),
    ];

    log('Throughput and latency…');
    // A process's first seconds of traffic are slower for everyone (the JIT, the heap growing):
    // each one serves every scenario it will be measured on once, unmeasured, before any row.
    const warm = { connections: settings.connections, duration: settings.warmup };
    for (const scenario of ECHO_SCENARIOS) await load(echo.url, scenario, warm);
    for (const scenario of BOT_SCENARIOS) for (const bot of [botLmdb, botMemory]) await load(bot.url, scenario, warm);
    const rows: LoadRow[] = [];
    // The echo bot runs first and last, so a change in the machine's load shows in its two rows.
    await measureLoad(echo, 'echo', echoMessage, rows);
    await measureLoad(echo, 'echo', echoInvoke, rows);
    // The two stores alternate scenario by scenario, so a change in the machine's load (it is
    // shared) falls on both rather than on one.
    for (const scenario of BOT_SCENARIOS) {
      await measureLoad(botLmdb, 'bot-lmdb', scenario, rows);
      await measureLoad(botMemory, 'bot-memory', scenario, rows);
    }
    await measureLoad(echo, 'echo', echoMessage, rows);
    await measureLoad(echo, 'echo', echoInvoke, rows);
    await Promise.all(children.splice(0).map((c) => c.stop()));

    log(`The two stores, ${STORE_ROUNDS} rounds of fresh processes per FAQ request…`);
    const faqScenarios = BOT_SCENARIOS.filter((s) => s.name.startsWith('faq-'));
    const stores = await compareStores(start, faqScenarios, { ...settings, saturation: SATURATION }, STORE_ROUNDS, log);

    log('Matcher alone…');
    const matcher = flag('skip-matcher') || quick ? [] : await matcherScaling(log);

    const cpu = cpus();
    const results: BenchResults = {
      date: new Date().toISOString().slice(0, 16).replace('T', ' '),
      machine: {
        cpu: cpu[0]?.model.trim() ?? 'unknown',
        cores: cpu.length,
        memoryGb: totalmem() / 2 ** 30,
        os: `${type()} ${release()}`,
        node: process.version,
        loadBefore,
        loadAfter: loadavg()[0],
      },
      settings: { ...settings, saturation: SATURATION },
      coldStart: cold,
      memory,
      load: rows,
      stores,
      matcher,
      totalSeconds: (performance.now() - started) / 1000,
    };
    writeFileSync(join(REPO_ROOT, 'dist', 'bench', 'last-results.json'), JSON.stringify(results, null, 2));
    log(`\n${renderResults(results)}`);
    if (!flag('no-write') && !quick) {
      writeResults(join(REPO_ROOT, 'docs', 'benchmarks.md'), results);
      log('\nWritten to docs/benchmarks.md (raw numbers: dist/bench/last-results.json).');
    }
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    rmSync(runDir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
