import type { Label } from './training-set';

/** A label with a score in 0..1; rankers return them best first. */
export interface Scored {
  readonly label: Label;
  readonly score: number;
}

/**
 * Ranks labels for a prepared question (mention stripped, exam codes masked, typos corrected).
 * Scores are on a 0..1 scale; the recognizer weighs them by coverage and thresholds the result,
 * so they must be comparable between questions. Several rankers exist so that the evaluation
 * can compare approaches through the same pipeline (`npm run eval -- --compare`).
 */
export interface Ranker {
  rank(prepared: string): Scored[];
  /**
   * The same scores unsorted, one per label in a fixed order, for rankers that can skip building
   * and sorting an object per label (it matters with thousands of topics). Undefined when
   * rank() would return nothing.
   */
  labelScores?(prepared: string): LabelScores | undefined;
}

export interface LabelScores {
  readonly labels: readonly Label[];
  readonly scores: ArrayLike<number>;
}
