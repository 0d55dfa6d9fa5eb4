import { fork, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ChildMemory, ToChild, ToParent } from './child-ipc';

export interface BenchChild {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  memory(): Promise<ChildMemory>;
  /** CPU-profiles the child while `during` runs; writes a `.cpuprofile` file. */
  profile<T>(file: string, during: () => Promise<T>): Promise<T>;
  /** Lets the child exit on its own and waits for it. */
  stop(): Promise<void>;
}

export interface ChildOptions {
  readonly name: string;
  readonly script: string;
  readonly env: Record<string, string>;
  /** Folder for the child's stdout/stderr, so a failing child can be read afterwards. */
  readonly logDir: string;
}

function waitFor<T extends ToParent['type']>(child: ChildProcess, type: T, timeoutMs: number): Promise<Extract<ToParent, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`no "${type}" from the child within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: ToParent) => {
      if (message.type !== type) return;
      cleanup();
      resolve(message as Extract<ToParent, { type: T }>);
    };
    const onExit = (code: number | null) => fail(new Error(`the child exited with code ${code}`));
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const fail = (error: Error) => {
      cleanup();
      reject(error);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

function ask<T extends ToParent['type']>(child: ChildProcess, message: ToChild, type: T): Promise<Extract<ToParent, { type: T }>> {
  const answer = waitFor(child, type, 30_000);
  child.send(message);
  return answer;
}

/** The repository: children read content/ and cards/ relative to it, as `npm start` does. */
export const REPO_ROOT = resolve(__dirname, '..', '..');

/** Forks a compiled bench entry (it answers on IPC) and waits until it listens. */
export async function startChild(options: ChildOptions): Promise<BenchChild> {
  const log = openSync(join(options.logDir, `${options.name}.log`), 'a');
  const child = fork(options.script, [], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env },
    execArgv: ['--expose-gc'],
    stdio: ['ignore', log, log, 'ipc'],
  });
  const { url } = await waitFor(child, 'ready', 30_000);
  return {
    name: options.name,
    url,
    pid: child.pid as number,
    memory: async () => (await ask(child, { type: 'memory' }, 'memory')).memory,
    profile: async (file, during) => {
      await ask(child, { type: 'profile-start' }, 'profile-started');
      try {
        return await during();
      } finally {
        await ask(child, { type: 'profile-stop', file }, 'profile-written');
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}
