import { featuresOf, featuresOfExample, Idf } from './features';
import type { Ranker, Scored } from './ranker';
import type { Example, ExampleSource, Label } from './training-set';

export interface ExampleRankerOptions {
  /** Share of the similarity that comes from character n-grams rather than whole words. */
  readonly charShare: number;
  /** How much a match on a sentence of the answer counts against a match on an example question. */
  readonly answerWeight: number;
}

export const EXAMPLE_RANKER_DEFAULTS: ExampleRankerOptions = { charShare: 0.35, answerWeight: 0.75 };

interface Posting {
  readonly doc: number;
  readonly value: number;
}

/**
 * Nearest examples: TF-IDF cosine between the question and every example question, title and
 * answer sentence, each label scored by its closest example. Needs no training, but one
 * unlucky shared word can make the wrong example the closest.
 */
export class ExampleRanker implements Ranker {
  private readonly idf: Idf;
  private readonly labels: Label[];
  private readonly weights: number[];
  // An inverted index: only the examples that share a feature with the question are scored.
  private readonly postings = new Map<string, Posting[]>();
  private readonly options: ExampleRankerOptions;

  constructor(examples: readonly Example[], options: Partial<ExampleRankerOptions> = {}) {
    this.options = { ...EXAMPLE_RANKER_DEFAULTS, ...options };
    const counts = examples.map(featuresOfExample);
    this.idf = new Idf(counts);
    const weightOf = (source: ExampleSource) => (source === 'answer' ? this.options.answerWeight : 1);
    this.labels = examples.map((e) => e.label);
    this.weights = examples.map((e) => weightOf(e.source));
    counts.forEach((c, doc) => {
      for (const [feature, value] of this.idf.vector(c, this.options.charShare)) {
        const list = this.postings.get(feature);
        if (list) list.push({ doc, value });
        else this.postings.set(feature, [{ doc, value }]);
      }
    });
  }

  rank(prepared: string): Scored[] {
    const query = this.idf.vector(featuresOf(prepared), this.options.charShare);
    const dots = new Float64Array(this.labels.length);
    for (const [feature, q] of query) for (const { doc, value } of this.postings.get(feature) ?? []) dots[doc] += q * value;
    const best = new Map<Label, number>();
    dots.forEach((d, doc) => {
      const s = d * this.weights[doc];
      if (s > (best.get(this.labels[doc]) ?? 0)) best.set(this.labels[doc], s);
    });
    return [...best.entries()].map(([label, score]) => ({ label, score: Math.min(1, score) })).sort((a, b) => b.score - a.score);
  }
}
