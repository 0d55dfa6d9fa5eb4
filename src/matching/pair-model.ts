import { askedClause } from './asked-clause';
import { featuresOf, Idf, type ReadonlyVector, type Vector } from './features';
import { canonical, isStopWord, stem, tokenize } from './text-normalizer';
import type { Example, Label } from './training-set';

export interface PairModelOptions {
  /** Weight of the pair-only features (bigrams, question word × term, asked clause) against the words. */
  readonly extraWeight: number;
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
}

export const PAIR_MODEL_DEFAULTS: PairModelOptions = { extraWeight: 1, epochs: 30, learningRate: 0.5, l2: 1e-4 };

// Question words as the normalizer leaves them ("how" → "qhow", "où" → "qwhere").
const QUESTION_WORDS = new Set([
  'qhow',
  'qwhy',
  'qwhat',
  'qwho',
  'qwhen',
  'qwhere',
  'which',
  'quel',
  'quelle',
  'quels',
  'quelles',
  'combien',
]);
// The recognizer reads 500 characters at most; this bounds the pairs of words on top of it.
const MAX_TOKENS = 60;
const isExtra = (feature: string) => feature[1] === ':' && (feature[0] === 'b' || feature[0] === 'q' || feature[0] === 'a');
function term(token: string): string {
  if (isStopWord(token)) return token;
  const word = canonical(token);
  return QUESTION_WORDS.has(word) ? word : stem(word);
}

/**
 * What only a pair model reads, the features that were noise for the global classifier but
 * can tell two close topics apart: word bigrams ("how do" vs "what is"), each question word
 * with each content word ("how…link" vs "who…link"), and the terms of the asked clause.
 */
function extraFeatures(text: string, into: Vector): void {
  const add = (k: string) => into.set(k, (into.get(k) ?? 0) + 1);
  const terms = tokenize(text).slice(0, MAX_TOKENS).map(term);
  for (let i = 0; i + 1 < terms.length; i += 1) add(`b:${terms[i]}_${terms[i + 1]}`);
  const asking = terms.filter((t) => QUESTION_WORDS.has(t));
  const content = terms.filter((t) => !isStopWord(t) && !QUESTION_WORDS.has(t));
  for (const q of asking.slice(0, 3)) for (const t of content) add(`q:${q}_${t}`);
  const clause = askedClause(text);
  if (clause) for (const t of tokenize(clause).slice(0, MAX_TOKENS)) if (!isStopWord(t)) add(`a:${term(t)}`);
}

function pairFeatures(text: string): Vector {
  const features: Vector = new Map(featuresOf(text));
  extraFeatures(text, features);
  return features;
}

/**
 * A binary logistic regression trained only on two topics' example questions and titles:
 * the probability that a question means the first of the two. Small (a few hundred examples),
 * trained at startup with the same fixed shuffle as the global classifier.
 */
interface Sparse {
  readonly index: Int32Array;
  readonly value: Float64Array;
}

export class PairModel {
  private readonly idf: Idf;
  private readonly ids = new Map<string, number>();
  private readonly weights: Float64Array;
  private bias = 0;
  private readonly options: PairModelOptions;

  constructor(
    examples: readonly Example[],
    readonly first: Label,
    readonly second: Label,
    options: Partial<PairModelOptions> = {},
  ) {
    this.options = { ...PAIR_MODEL_DEFAULTS, ...options };
    const own = examples.filter((e) => (e.label === first || e.label === second) && e.source !== 'answer');
    const counts = own.map((e) => pairFeatures(e.text));
    this.idf = new Idf(counts);
    for (const c of counts) for (const k of c.keys()) if (!this.ids.has(k)) this.ids.set(k, this.ids.size);
    this.weights = new Float64Array(this.ids.size);
    this.train(own.map((e, i) => ({ x: this.vector(counts[i]), y: e.label === first ? 1 : 0 })));
  }

  /** The probability that `text` (prepared as for the classifier) means the first topic. */
  probability(text: string): number {
    return this.predict(this.vector(pairFeatures(text)));
  }

  // TF-IDF, the words and n-grams normalised together and the pair-only features apart, so
  // that `extraWeight` says how much they count against the rest. Unknown features are dropped.
  private vector(counts: ReadonlyVector): Sparse {
    const index: number[] = [];
    const value: number[] = [];
    const extra: boolean[] = [];
    const sq = { base: 0, extra: 0 };
    for (const [k, c] of counts) {
      const id = this.ids.get(k);
      if (id === undefined) continue;
      const x = (c > 1 ? 1 + Math.log(c) : c) * this.idf.weight(k);
      index.push(id);
      value.push(x);
      extra.push(isExtra(k));
      sq[isExtra(k) ? 'extra' : 'base'] += x * x;
    }
    const base = 1 / (Math.sqrt(sq.base) || 1);
    const scale = this.options.extraWeight / (Math.sqrt(sq.extra) || 1);
    return { index: Int32Array.from(index), value: Float64Array.from(value, (x, j) => x * (extra[j] ? scale : base)) };
  }

  private predict(x: Sparse): number {
    let z = this.bias;
    for (let j = 0; j < x.index.length; j += 1) z += this.weights[x.index[j]] * x.value[j];
    return 1 / (1 + Math.exp(-z));
  }

  private train(data: readonly { readonly x: Sparse; readonly y: number }[]): void {
    const { epochs, learningRate, l2 } = this.options;
    const { weights } = this;
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const order = data.map((_, i) => i);
    for (let epoch = 0; epoch < epochs; epoch += 1) {
      for (let i = order.length - 1; i > 0; i -= 1) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      const rate = learningRate / (1 + epoch * 0.1);
      const decay = 1 - rate * l2;
      for (const i of order) {
        const { x, y } = data[i];
        const g = (this.predict(x) - y) * rate;
        this.bias -= g;
        for (let j = 0; j < x.index.length; j += 1) weights[x.index[j]] = weights[x.index[j]] * decay - g * x.value[j];
      }
    }
  }
}
