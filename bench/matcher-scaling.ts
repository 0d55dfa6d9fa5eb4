import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { MatcherRun, TrainingMode } from './matcher-child';
import { REPO_ROOT } from './processes';

export interface MatcherRow {
  readonly label: string;
  readonly run: MatcherRun;
  /** Full training time (40 epochs), when it was too long to run and is estimated instead. */
  readonly estimatedTrainingMs?: number;
}

const EPOCHS = 40;

function measure(topics: number, mode: TrainingMode): Promise<MatcherRun> {
  const script = join(REPO_ROOT, 'dist', 'bench', 'matcher-child.js');
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      ['--expose-gc', script, String(topics), mode],
      { cwd: REPO_ROOT, maxBuffer: 1 << 20, timeout: 240_000 },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout) as MatcherRun)),
    ),
  );
}

/**
 * The recognizer on the real content and on synthetic knowledge bases of 20, 1,000 and 10,000
 * topics. Full training is run where it fits the bench's time; at 1,000 topics one epoch is
 * timed and the 40 are extrapolated from it; at 10,000 even one epoch is too long, so the
 * question cost is taken on an untrained classifier of the same shape (the same arithmetic per
 * question) and the training time is extrapolated from 1,000 (an epoch costs examples × labels).
 */
export async function matcherScaling(log: (line: string) => void): Promise<MatcherRow[]> {
  const rows: MatcherRow[] = [];
  const add = (row: MatcherRow) => {
    rows.push(row);
    log(
      `  ${row.label}: build ${(row.run.buildMs / 1000).toFixed(1)} s, median ${row.run.medianMs.toFixed(3)} ms, p95 ${row.run.p95Ms.toFixed(3)} ms`,
    );
  };
  add({ label: 'Real content (20 topics)', run: await measure(0, 'full') });
  add({ label: 'Synthetic, 20 topics', run: await measure(20, 'full') });
  const bare1k = await measure(1000, 'untrained');
  const epoch1k = await measure(1000, 'one-epoch');
  const perEpoch1k = Math.max(0, epoch1k.buildMs - bare1k.buildMs);
  add({ label: 'Synthetic, 1,000 topics (one epoch)', run: epoch1k, estimatedTrainingMs: bare1k.buildMs + EPOCHS * perEpoch1k });
  const bare10k = await measure(10000, 'untrained');
  const growth = (bare10k.examples / bare1k.examples) * 10;
  add({ label: 'Synthetic, 10,000 topics (untrained)', run: bare10k, estimatedTrainingMs: bare10k.buildMs + EPOCHS * perEpoch1k * growth });
  return rows;
}
