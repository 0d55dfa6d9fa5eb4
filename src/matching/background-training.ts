import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TrainedWeights } from './linear-classifier';

/** The compiled worker beside this file; absent when the sources run untranspiled (tests). */
const TRAINING_WORKER = join(__dirname, 'training-worker.js');

/**
 * Starts training the classifier in a worker thread, so that on two cores it overlaps the
 * 0.8 s the main thread spends loading botbuilder and restify: the first answer comes that much
 * sooner after a start. Resolves undefined when the worker cannot run or fails (bad content
 * included): the main thread then trains as before, and reports content problems itself.
 * `extra` goes to the worker with the content folder (tests pass the source to transpile).
 */
export function trainInBackground(
  contentDir: string,
  entry = TRAINING_WORKER,
  extra: Record<string, unknown> = {},
): Promise<TrainedWeights | undefined> {
  if (!existsSync(entry)) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(entry, { workerData: { ...extra, contentDir } });
    } catch {
      return resolve(undefined);
    }
    worker.once('message', (weights: TrainedWeights) => resolve(weights));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
}
