import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

/** What a bench child answers on its IPC channel. */
export interface ChildMemory {
  readonly rss: number;
  readonly heapUsed: number;
  readonly external: number;
}

export type ToChild = { type: 'memory' } | { type: 'profile-start' } | { type: 'profile-stop'; file: string };
export type ToParent = { type: 'ready'; url: string } | { type: 'memory'; memory: ChildMemory } | { type: 'profile-started' } | { type: 'profile-written' };

function memory(): ChildMemory {
  // Read after a full collection when `--expose-gc` is on, so two processes are compared on
  // what they keep, not on when their collector last ran.
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rss, heapUsed, external };
}

// Profiles only the window the bench asks for (the load), not startup.
const session = new Session();

function post<T>(method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))));
}

async function answer(message: ToChild): Promise<ToParent | undefined> {
  switch (message.type) {
    case 'memory':
      return { type: 'memory', memory: memory() };
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
export function reportToParent(url: string): void {
  if (!process.send) return;
  process.on('message', (message: ToChild) => {
    void answer(message).then((reply) => reply && process.send?.(reply));
  });
  // Stopped by the bench, or orphaned: never outlive it.
  process.on('disconnect', () => process.exit(0));
  process.send({ type: 'ready', url } satisfies ToParent);
}
