import { canonical, charGrams, isStopWord, stem, tokenize } from './text-normalizer';

/** A sparse vector: feature name to weight. */
export type Vector = Map<string, number>;
export type ReadonlyVector = ReadonlyMap<string, number>;

// Stop words still say something when nothing else does ("que pouvez-vous faire"), so they
// stay in, at a weight low enough not to decide a question that has content words.
const STOP_WEIGHT = 0.3;

// The coverage and the classifier both read the question's features: computed once, shared.
let lastFeatures: { readonly text: string; readonly features: ReadonlyVector } | undefined;

/**
 * A question as features: its content words ("w:"), its stop words ("s:", weak) and the
 * character n-grams of its content words ("c:"), which let "univeristy" and "university" or
 * "lié" and "liaison" partly meet. The last text's features are kept: treat them as read-only.
 */
export function featuresOf(text: string): ReadonlyVector {
  if (lastFeatures?.text === text) return lastFeatures.features;
  const features = count(text);
  lastFeatures = { text, features };
  return features;
}

// The classifier and the vocabulary learn from the same examples: each is featurised once.
const exampleFeatures = new WeakMap<object, ReadonlyVector>();

/** The features of a training example's text, computed once per example object. */
export function featuresOfExample(example: { readonly text: string }): ReadonlyVector {
  let features = exampleFeatures.get(example);
  if (!features) {
    features = count(example.text);
    exampleFeatures.set(example, features);
  }
  return features;
}

function count(text: string): Vector {
  const counts: Vector = new Map();
  const add = (key: string, w: number) => counts.set(key, (counts.get(key) ?? 0) + w);
  for (const token of tokenize(text)) {
    if (isStopWord(token)) {
      add(`s:${token}`, STOP_WEIGHT);
      continue;
    }
    const term = stem(canonical(token));
    add(`w:${term}`, 1);
    if (term.length > 3) for (const g of charGrams(term)) add(`c:${g}`, 1);
  }
  return counts;
}

/** Inverse document frequencies learnt from the examples; unseen features get the rarest weight. */
export class Idf {
  private readonly weights = new Map<string, number>();
  readonly unseen: number;

  constructor(docs: readonly ReadonlyVector[]) {
    const df = new Map<string, number>();
    for (const d of docs) for (const k of d.keys()) df.set(k, (df.get(k) ?? 0) + 1);
    const n = docs.length;
    for (const [k, c] of df) this.weights.set(k, Math.log((n + 1) / (c + 0.5)));
    this.unseen = Math.log((n + 1) / 0.5);
  }

  has(feature: string): boolean {
    return this.weights.has(feature);
  }

  weight(feature: string): number {
    return this.weights.get(feature) ?? this.unseen;
  }

  /**
   * TF-IDF with sublinear term frequency; words and n-grams are each L2-normalised and then
   * scaled so that a dot product is `(1 - charShare) * cos(words) + charShare * cos(n-grams)`.
   * Features no example has are left out: they cannot vote for any intent.
   */
  vector(counts: ReadonlyVector, charShare: number): Vector {
    const v: Vector = new Map();
    const sq = { w: 0, c: 0 };
    for (const [k, c] of counts) {
      const w = this.weights.get(k);
      if (w === undefined) continue;
      const x = (c > 1 ? 1 + Math.log(c) : c) * w;
      v.set(k, x);
      sq[k[0] === 'c' ? 'c' : 'w'] += x * x;
    }
    const scale = { w: Math.sqrt(1 - charShare) / (Math.sqrt(sq.w) || 1), c: Math.sqrt(charShare) / (Math.sqrt(sq.c) || 1) };
    for (const [k, x] of v) v.set(k, x * scale[k[0] === 'c' ? 'c' : 'w']);
    return v;
  }
}
