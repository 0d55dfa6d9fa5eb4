import { featuresOf, featuresOfExample, Idf, type Vector } from './features';
import type { LabelScores, Ranker, Scored } from './ranker';
import type { Example, Label } from './training-set';

export interface LinearClassifierOptions {
  /** Share of the input that comes from character n-grams rather than whole words. */
  readonly charShare: number;
  /** Weight of an answer sentence as a training example, against 1 for an example question. */
  readonly answerWeight: number;
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
}

// Answer sentences are left out of training: in cross-validation they blurred topics whose
// answers share steps ("Sign in to Partner Center", "Go to My Profile").
export const LINEAR_DEFAULTS: LinearClassifierOptions = { charShare: 0.35, answerWeight: 0, epochs: 40, learningRate: 0.5, l2: 1e-5 };

/**
 * What training produced, in a form that crosses a worker thread: the labels and the number of
 * features it was trained with (a check that both sides read the same examples), the weights.
 */
export interface TrainedWeights {
  readonly labels: readonly string[];
  readonly featureCount: number;
  readonly weights: Float64Array;
  readonly bias: Float64Array;
}

interface Sparse {
  readonly index: Int32Array;
  readonly value: Float64Array;
}

/**
 * Multinomial logistic regression over the same TF-IDF features, trained at startup with plain
 * stochastic gradient descent (about 0.5 s for this content on two cores). Unlike nearest
 * examples, it learns which words tell apart topics that share most of their vocabulary
 * ("link" vs "unlink" vs "linking fails").
 */
export class LinearClassifier implements Ranker {
  private readonly idf: Idf;
  private readonly labels: Label[];
  private readonly featureIds = new Map<string, number>();
  private readonly weights: Float64Array;
  private readonly bias: Float64Array;
  private readonly options: LinearClassifierOptions;

  /**
   * With `trained` weights from the same examples and options (see trained()), training is
   * skipped; weights that do not fit these examples are ignored and the model is trained here.
   */
  constructor(examples: readonly Example[], options: Partial<LinearClassifierOptions> = {}, trained?: TrainedWeights) {
    this.options = { ...LINEAR_DEFAULTS, ...options };
    const used = examples.filter((e) => e.source !== 'answer' || this.options.answerWeight > 0);
    const counts = used.map(featuresOfExample);
    this.idf = new Idf(counts);
    this.labels = [...new Set(used.map((e) => e.label))];
    const labelIds = new Map(this.labels.map((label, k) => [label, k]));
    for (const c of counts) for (const f of c.keys()) if (!this.featureIds.has(f)) this.featureIds.set(f, this.featureIds.size);
    if (trained && this.fits(trained)) {
      this.weights = trained.weights;
      this.bias = trained.bias;
      return;
    }
    this.weights = new Float64Array(this.featureIds.size * this.labels.length);
    this.bias = new Float64Array(this.labels.length);
    const data = used.map((e, i) => ({
      x: this.sparse(this.idf.vector(counts[i], this.options.charShare)),
      y: labelIds.get(e.label) as number,
      w: e.source === 'answer' ? this.options.answerWeight : 1,
    }));
    this.train(data);
  }

  trained(): TrainedWeights {
    return { labels: [...this.labels], featureCount: this.featureIds.size, weights: this.weights, bias: this.bias };
  }

  private fits(trained: TrainedWeights): boolean {
    const L = this.labels.length;
    return (
      trained.featureCount === this.featureIds.size &&
      trained.labels.length === L &&
      trained.labels.every((label, k) => label === this.labels[k]) &&
      trained.weights.length === this.featureIds.size * L &&
      trained.bias.length === L
    );
  }

  private sparse(v: Vector): Sparse {
    const index: number[] = [];
    const value: number[] = [];
    for (const [feature, x] of v) {
      const id = this.featureIds.get(feature);
      if (id === undefined) continue;
      index.push(id);
      value.push(x);
    }
    return { index: Int32Array.from(index), value: Float64Array.from(value) };
  }

  private train(data: { x: Sparse; y: number; w: number }[]): void {
    const { epochs, learningRate, l2 } = this.options;
    const L = this.labels.length;
    const p = new Float64Array(L);
    const gradient = new Float64Array(L);
    const active = new Int32Array(L);
    const { weights } = this;
    // A fixed shuffle: the same content always trains the same model.
    let seed = 42;
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
        const { x, y, w } = data[i];
        this.probabilities(x, p);
        let n = 0;
        for (let k = 0; k < L; k += 1) {
          const g = (p[k] - (k === y ? 1 : 0)) * w * rate;
          // Most labels are already near zero for most examples: skipping them is most of the speed.
          if (Math.abs(g) < 1e-5) continue;
          this.bias[k] -= g;
          gradient[n] = g;
          active[n] = k;
          n += 1;
        }
        // Feature by feature, so each weight row is read once and in order; every weight still
        // gets the same single update as label by label, so the model is bit-for-bit the same.
        for (let j = 0; j < x.index.length; j += 1) {
          const base = x.index[j] * L;
          const v = x.value[j];
          for (let a = 0; a < n; a += 1) {
            const at = base + active[a];
            weights[at] = weights[at] * decay - gradient[a] * v;
          }
        }
      }
    }
  }

  private probabilities(x: Sparse, out: Float64Array): void {
    const L = this.labels.length;
    const { weights } = this;
    const { index, value } = x;
    out.set(this.bias);
    // Feature by feature over contiguous weight rows (fast with thousands of labels); each
    // label's sum still adds its terms in the same order, so every result is bit-for-bit the same.
    for (let j = 0; j < index.length; j += 1) {
      const base = index[j] * L;
      const v = value[j];
      for (let k = 0; k < L; k += 1) out[k] += weights[base + k] * v;
    }
    let max = -Infinity;
    for (let k = 0; k < L; k += 1) max = Math.max(max, out[k]);
    let sum = 0;
    for (let k = 0; k < L; k += 1) sum += out[k] = Math.exp(out[k] - max);
    for (let k = 0; k < L; k += 1) out[k] /= sum;
  }

  labelScores(prepared: string): LabelScores | undefined {
    const x = this.sparse(this.idf.vector(featuresOf(prepared), this.options.charShare));
    if (x.index.length === 0) return undefined;
    const scores = new Float64Array(this.labels.length);
    this.probabilities(x, scores);
    return { labels: this.labels, scores };
  }

  rank(prepared: string): Scored[] {
    const found = this.labelScores(prepared);
    if (!found) return [];
    return this.labels.map((label, k) => ({ label, score: found.scores[k] })).sort((a, b) => b.score - a.score);
  }
}
