import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

/** What a bench child answers on its IPC channel. */
export interface ChildMemory {
  readonly rss: number;
  /** What V8 holds for its heap, used or not: the part of RSS a collection can give back later. */
  readonly heapTotal: number;
  readonly heapUsed: number;
  readonly external: number;
}

export type ToChild = { type: 'memory' } | { type: 'profile-start' } | { type: 'profile-stop'; file: string };
export type ToParent =
  { type: 'ready'; url: string } | { type: 'memory'; memory: ChildMemory } | { type: 'profile-started' } | { type: 'profile-written' };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function memory(): Promise<ChildMemory> {
  // Read after full collections when `--expose-gc` is on, so two processes are compared on
  // what they keep, not on when their collector last ran. A second collection after a pause
  // lets V8 hand back the pages the first one emptied; with one, RSS after the same load moved
  // by up to 60 MB from run to run.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  await pause(1000);
  gc?.();
  const { rss, heapTotal, heapUsed, external } = process.memoryUsage();
  return { rss, heapTotal, heapUsed, external };
}

// Profiles only the window the bench asks for (the load), not startup.
const session = new Session();

function post<T>(method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) =>
    session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))),
  );
}

async function answer(message: ToChild): Promise<ToParent | undefined> {
  switch (message.type) {
    case 'memory':
      return { type: 'memory', memory: await memory() };
    case 'profile-start':
      session.connect();
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 200 });
      await post('Profiler.start');
      return { type: 'profile-started' };
    case 'profile-stop': {
      const { profile } = await post<{ profile: unknown }>('Profiler.stop');
      session.disconnect();
      writeFileSync(message.file, JSON.stringify(profile));
      return { type: 'profile-written' };
    }
    default:
      return undefined;
  }
}

/** Tells the bench process (when there is one) where the child listens, and answers it. */
export function reportToParent(url: string, beforeExit: () => Promise<void> = async () => undefined): void {
  if (!process.send) return;
  process.on('message', (message: ToChild) => {
    void answer(message).then((reply) => reply && process.send?.(reply));
  });
  // Stopped by the bench, or orphaned: never outlive it.
  // The store is closed first: an exit with an LMDB write pending hangs (lmdb-storage.ts, close).
  process.on('disconnect', () => {
    const cap = new Promise((resolve) => setTimeout(resolve, 5_000).unref());
    void Promise.race([beforeExit().catch(() => undefined), cap]).then(() => process.exit(0));
  });
  process.send({ type: 'ready', url } satisfies ToParent);
}
