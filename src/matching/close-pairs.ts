import { isTopicId } from '../knowledge/catalog';
import { PairModel, type PairModelOptions } from './pair-model';
import type { Ranker } from './ranker';
import { labelScoresOf } from './top-candidates';
import type { Example, Label } from './training-set';

export interface PairStageOptions extends PairModelOptions {
  /** How many of the closest pairs of topics get a model of their own. */
  readonly pairs: number;
  /** The pair model is asked only when the best two confidences are this close. */
  readonly near: number;
  /** Weight of the global ranking's odds against the pair model's when they disagree. */
  readonly globalWeight: number;
}

/** Chosen by cross-validation on the content's own examples (docs/matching.md, round 5). */
export const PAIR_STAGE_DEFAULTS: Omit<PairStageOptions, keyof PairModelOptions> = { pairs: 6, near: 0.3, globalWeight: 2 };

/**
 * The pairs of topics the ranker mixes up most on its own training examples: for each example
 * question, the probability it gives every other topic, summed per pair and scaled by the
 * two topics' sizes. Learnt from the examples it is given (in cross-validation, the training
 * folds only), so no list of pairs is written by hand.
 */
export function closePairs(examples: readonly Example[], ranker: Ranker, count: number): [Label, Label][] {
  const shared = new Map<string, number>();
  const sizes = new Map<Label, number>();
  for (const e of examples) {
    if (e.source !== 'question' || !isTopicId(e.label)) continue;
    const found = labelScoresOf(ranker, e.text);
    if (!found) continue;
    sizes.set(e.label, (sizes.get(e.label) ?? 0) + 1);
    found.labels.forEach((label, k) => {
      if (label === e.label || !isTopicId(label)) return;
      const pair = e.label < label ? `${e.label}|${label}` : `${label}|${e.label}`;
      shared.set(pair, (shared.get(pair) ?? 0) + found.scores[k]);
    });
  }
  return [...shared]
    .map(([pair, sum]) => {
      const [a, b] = pair.split('|') as [Label, Label];
      return { a, b, closeness: sum / Math.sqrt((sizes.get(a) ?? 1) * (sizes.get(b) ?? 1)) };
    })
    .sort((x, y) => y.closeness - x.closeness || (x.a + x.b < y.a + y.b ? -1 : 1))
    .slice(0, count)
    .map(({ a, b }) => [a, b]);
}

interface Ranked {
  readonly topic: string;
  readonly confidence: number;
}

const logit = (p: number) => Math.log(Math.max(1e-6, p) / Math.max(1e-6, 1 - p));
const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * A second stage for close topics ("how do I link" vs "what is linking"): when the best two
 * candidates are one of the closest pairs and their confidences are near, the pair's own model
 * and the global ranking vote in log-odds, and the two may swap places. Confidences stay where
 * they were, so the thresholds and the margin mean what they meant.
 */
export class PairStage {
  private readonly models = new Map<string, PairModel>();
  private readonly options: PairStageOptions;

  constructor(examples: readonly Example[], ranker: Ranker, options: Partial<PairStageOptions> = {}) {
    this.options = { ...PAIR_STAGE_DEFAULTS, ...options } as PairStageOptions;
    for (const [a, b] of closePairs(examples, ranker, this.options.pairs)) {
      this.models.set(key(a, b), new PairModel(examples, a, b, this.options));
    }
  }

  /** The pairs that have a model, for tests and the evaluation's report. */
  get pairs(): [string, string][] {
    return [...this.models.values()].map((m) => [m.first, m.second]);
  }

  /** True when the pair's own model outvotes the ranking: `second` is what the question means. */
  prefersSecond(prepared: string, first: Ranked, second: Ranked): boolean {
    if (first.confidence - second.confidence >= this.options.near) return false;
    const model = this.models.get(key(first.topic, second.topic));
    if (!model) return false;
    const p = model.probability(prepared);
    const pFirst = model.first === first.topic ? p : 1 - p;
    const ranking = first.confidence / (first.confidence + second.confidence || 1);
    return logit(pFirst) + this.options.globalWeight * logit(ranking) < 0;
  }
}
