import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

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
  const lines: string[] = [];
  let partial = '';
  let stderr = '';
  const waiters = new Set<() => void>();
  child.stdout.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString()).split('\n');
    partial = parts.pop()!;
    lines.push(...parts);
    waiters.forEach((w) => w());
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals>((done) => child.once('close', (code, signal) => done(signal ?? code ?? -1)));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.removeListener('exit', killOnExit));

  return {
    lines,
    exited,
    kill: (signal) => {
      child.kill(signal);
      return exited;
    },
    waitForLines: (count, timeoutMs = 20_000) =>
      new Promise<void>((done, fail) => {
        const check = () => {
          if (lines.length < count) return;
          cleanup();
          done();
        };
        const timer = setTimeout(() => {
          cleanup();
          fail(new Error(`worker printed ${lines.length} of ${count} lines in ${timeoutMs} ms; stderr: ${stderr}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        void exited.then(() => {
          if (lines.length >= count) return;
          cleanup();
          fail(new Error(`worker exited after ${lines.length} of ${count} lines; stderr: ${stderr}`));
        });
        waiters.add(check);
        check();
      }),
  };
}
