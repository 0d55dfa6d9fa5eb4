import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { watchChild } from '../helpers/child-output';

const SCRIPT = resolve(__dirname, 'fixtures/storage-worker.js');

export interface Worker {
  /** Complete lines printed so far: a line cut by a kill is not one. */
  readonly lines: string[];
  /** Resolves once `count` lines are in; rejects if the worker exits first or time runs out. */
  waitForLines(count: number, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code (or signal) once the process is gone and its output read. */
  readonly exited: Promise<number | NodeJS.Signals>;
  kill(signal: NodeJS.Signals): Promise<number | NodeJS.Signals>;
}

/** Runs test/storage/fixtures/storage-worker.js in its own node process. */
export function startWorker(args: readonly string[]): Worker {
  const child = spawn(process.execPath, [SCRIPT, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = watchChild(child);
  return {
    lines: output.lines,
    exited: output.exited,
    kill: (signal) => {
      child.kill(signal);
      return output.exited;
    },
    waitForLines: (count, timeoutMs = 20_000) =>
      output.waitUntil(() => output.lines.length >= count, `${count} lines from the worker`, timeoutMs),
  };
}
