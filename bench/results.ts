import type { ChildMemory } from './child-ipc';
import type { LoadResult } from './load';
import type { MatcherRow } from './matcher-scaling';
import type { StoreRound } from './store-rounds';

export type Target = 'echo' | 'bot-lmdb' | 'bot-memory';

export interface LoadRow {
  readonly target: Target;
  readonly scenario: string;
  readonly label: string;
  readonly kind: 'message' | 'invoke';
  readonly result: LoadResult;
}

/** One process's memory, as the median of several runs, each on a fresh process (by RSS after). */
export interface MemoryRow {
  readonly target: Target;
  readonly idle: ChildMemory;
  readonly after: ChildMemory;
  readonly conversations: number;
  readonly seconds: number;
  /** RSS after the load in every run, in run order. */
  readonly rssAfterRuns: readonly number[];
}

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly os: string;
  readonly node: string;
  /** 1-minute load average when the run started and ended: other work on the machine shows here. */
  readonly loadBefore: number;
  readonly loadAfter: number;
}

export interface BenchResults {
  readonly date: string;
  readonly machine: Machine;
  readonly settings: {
    readonly connections: number;
    readonly duration: number;
    readonly warmup: number;
    /** Connections of the store rounds' second measurement (absent in runs before it existed). */
    readonly saturation?: number;
  };
  readonly coldStart: { readonly bot: readonly number[]; readonly echo: readonly number[] };
  readonly memory: readonly MemoryRow[];
  readonly load: readonly LoadRow[];
  /** The default store against the memory store in fresh processes, paired by round. */
  readonly stores: readonly StoreRound[];
  readonly matcher: readonly MatcherRow[];
  readonly totalSeconds: number;
}

export const TARGET_NAMES: Readonly<Record<Target, string>> = {
  echo: 'echo bot',
  'bot-lmdb': 'bot, LMDB store (default)',
  'bot-memory': 'bot, memory store',
};
