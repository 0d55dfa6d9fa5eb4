import type { LabelScores, Ranker } from './ranker';
import type { Label } from './training-set';

export interface Candidate {
  readonly label: Label;
  /** The ranker's score weighed by coverage. */
  readonly score: number;
}

export interface TopCandidates {
  /** The best labels other than `none`, best first. */
  readonly best: Candidate[];
  /** The `none` label's weighed score, 0 without one. */
  readonly none: number;
  /** The label asked for by name, wherever it ranks (undefined if the ranker has no such label). */
  readonly named?: Candidate;
}

/** The ranker's scores in a fixed label order: its own fast path, or rank() best first. */
export function labelScoresOf(ranker: Ranker, prepared: string): LabelScores | undefined {
  if (ranker.labelScores) return ranker.labelScores(prepared);
  const ranked = ranker.rank(prepared);
  return ranked.length === 0 ? undefined : { labels: ranked.map((s) => s.label), scores: ranked.map((s) => s.score) };
}

interface Entry extends Candidate {
  readonly raw: number;
  readonly at: number;
}

// The order a stable sort by weighed score of the ranker's best-first list gives: weighed score,
// then the ranker's own score, then the label's position.
const before = (score: number, raw: number, at: number, e: Entry) =>
  score > e.score || (score === e.score && (raw > e.raw || (raw === e.raw && at < e.at)));

/**
 * Weighs every label's score (`weigh` gets the label's position and its score) and keeps the `count` best
 * in one pass, with no object per label and no sort of them all: with 10,000 topics, building
 * and sorting them was most of what a question cost.
 */
export function topCandidates(found: LabelScores, weigh: (at: number, score: number) => number, count: number, name: Label): TopCandidates {
  const best: Entry[] = [];
  let none = 0;
  let named: Candidate | undefined;
  const { labels, scores } = found;
  for (let at = 0; at < labels.length; at += 1) {
    const label = labels[at];
    const raw = scores[at];
    const score = weigh(at, raw);
    if (label === 'none') {
      none = score;
      continue;
    }
    if (label === name) named = { label, score };
    if (best.length === count && !before(score, raw, at, best[count - 1])) continue;
    let i = best.length;
    while (i > 0 && before(score, raw, at, best[i - 1])) i -= 1;
    best.splice(i, 0, { label, score, raw, at });
    if (best.length > count) best.pop();
  }
  return { best: best.map((e) => ({ label: e.label, score: e.score })), none, ...(named ? { named } : {}) };
}
