import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

export interface ChildOutput {
  /** Complete stdout lines so far: a line cut short by a kill is not one. */
  readonly lines: string[];
  readonly exited: Promise<number | NodeJS.Signals>;
  stderr(): string;
  /** Resolves once `ready()` holds; rejects if the process exits first or time runs out. */
  waitUntil(ready: () => boolean, what: string, timeoutMs?: number): Promise<void>;
}

/** Reads a child's output line by line and makes sure it never outlives the test process. */
export function watchChild(child: ChildProcessByStdio<null, Readable, Readable>): ChildOutput {
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let partial = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString()).split('\n');
    partial = parts.pop()!;
    lines.push(...parts.filter(Boolean));
    waiters.forEach((w) => w());
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals>((done) => child.once('close', (code, signal) => done(signal ?? code ?? -1)));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.removeListener('exit', killOnExit));

  const waitUntil = (ready: () => boolean, what: string, timeoutMs = 20_000) =>
    new Promise<void>((done, fail) => {
      const check = () => {
        if (!ready()) return;
        cleanup();
        done();
      };
      const timer = setTimeout(() => {
        cleanup();
        fail(new Error(`${what} did not happen in ${timeoutMs} ms; stderr: ${stderr}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      void exited.then(() => {
        if (ready()) return;
        cleanup();
        fail(new Error(`the process exited before ${what}; stderr: ${stderr}`));
      });
      waiters.add(check);
      check();
    });
  return { lines, exited, stderr: () => stderr, waitUntil };
}
