import { load, probe, type LoadOptions, type LoadResult } from './load';
import type { BenchChild } from './processes';
import type { Scenario } from './scenarios';
import { sampleCpu } from './thread-cpu';

export interface StoreRun {
  readonly result: LoadResult;
  /** CPU ms per answered request, of the whole process and of its main thread (Linux only). */
  readonly cpuPerRequest?: { readonly process: number; readonly mainThread: number };
  /** Share of the measured seconds the main thread was running (Linux only). */
  readonly mainThreadBusy?: number;
}

export interface StoreRound {
  readonly scenario: string;
  readonly label: string;
  readonly lmdb: StoreRun;
  readonly memory: StoreRun;
  /** The same two processes again, with enough connections to keep each one's main thread busy. */
  readonly saturated?: { readonly lmdb: StoreRun; readonly memory: StoreRun };
}

export interface StoreSettings extends LoadOptions {
  readonly warmup: number;
  /** Connections for the second measurement of each process; 0 leaves it out. */
  readonly saturation: number;
}

interface FreshRuns {
  readonly base: StoreRun;
  readonly saturated?: StoreRun;
}

const summary = (lmdb: StoreRun, memory: StoreRun) =>
  `LMDB ${Math.round(lmdb.result.rps)} req/s, memory ${Math.round(memory.result.rps)} req/s ` +
  `(${(lmdb.result.rps / memory.result.rps).toFixed(2)} ×), failed ${lmdb.result.failures} / ${memory.result.failures}`;

type Start = (target: 'bot-lmdb' | 'bot-memory') => Promise<BenchChild>;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One measured load, with the CPU the process spent on it. */
async function measure(child: BenchChild, scenario: Scenario, options: LoadOptions): Promise<StoreRun> {
  const before = sampleCpu(child.pid);
  const result = await load(child.url, scenario, options);
  const after = sampleCpu(child.pid);
  if (!before || !after || result.requests === 0) return { result };
  const seconds = result.requests / result.rps;
  return {
    result,
    cpuPerRequest: {
      process: (after.process - before.process) / result.requests,
      mainThread: (after.mainThread - before.mainThread) / result.requests,
    },
    mainThreadBusy: (after.mainThread - before.mainThread) / (seconds * 1000),
  };
}

/** One fresh process, one scenario: warmed up, measured at the bench's connections, then at saturation, stopped. */
async function measureFresh(child: BenchChild, scenario: Scenario, settings: StoreSettings): Promise<FreshRuns> {
  try {
    // The classifier trains in a worker for the first second or so: not what is measured.
    await pause(2_000);
    await probe(child.url, scenario);
    await load(child.url, scenario, { ...settings, duration: settings.warmup });
    const base = await measure(child, scenario, settings);
    if (settings.saturation <= settings.connections) return { base };
    return { base, saturated: await measure(child, scenario, { ...settings, connections: settings.saturation }) };
  } finally {
    await child.stop();
  }
}

/**
 * The default store against the memory store, each run in a fresh process, round after round,
 * the order swapped every round. One long-lived process per store drifted: the memory store
 * keeps every conversation of the whole bench, and the same row moved by up to 30 % between two
 * full runs. The paired ratio of each round and their median are what `docs/benchmarks.md`
 * quotes for the ≥ 0.9 × target; the main thread's CPU per request tells the bot's own work
 * apart from its waits for the disk.
 *
 * Each process is then measured again with more connections. At the bench's 10 connections the
 * memory-store bot's main thread is busy nearly all the time, but the LMDB bot's is not: each
 * of its ten turns waits for a flush, so that row measures ten turns' latency more than what
 * the process can serve. With enough turns in flight the flushes overlap other turns' work,
 * and the second row is each process's capacity.
 */
export async function compareStores(
  start: Start,
  scenarios: readonly Scenario[],
  settings: StoreSettings,
  rounds: number,
  log: (line: string) => void,
): Promise<StoreRound[]> {
  const all: StoreRound[] = [];
  for (const scenario of scenarios) {
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? (['bot-lmdb', 'bot-memory'] as const) : (['bot-memory', 'bot-lmdb'] as const);
      const runs: Partial<Record<'bot-lmdb' | 'bot-memory', FreshRuns>> = {};
      for (const target of order) runs[target] = await measureFresh(await start(target), scenario, settings);
      const { 'bot-lmdb': lmdb, 'bot-memory': memory } = runs as Record<'bot-lmdb' | 'bot-memory', FreshRuns>;
      const saturated = lmdb.saturated && memory.saturated ? { lmdb: lmdb.saturated, memory: memory.saturated } : undefined;
      all.push({ scenario: scenario.name, label: scenario.label, lmdb: lmdb.base, memory: memory.base, saturated });
      const more = saturated ? `; saturated ${summary(saturated.lmdb, saturated.memory)}` : '';
      log(`  ${scenario.name}, round ${round + 1}: ${summary(lmdb.base, memory.base)}${more}`);
    }
  }
  return all;
}
