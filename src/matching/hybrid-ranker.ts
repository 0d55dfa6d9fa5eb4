import { ExampleRanker } from './example-ranker';
import { LinearClassifier } from './linear-classifier';
import type { Ranker, Scored } from './ranker';
import type { Example, Label } from './training-set';

/** The classifier's probability averaged with the nearest example's similarity. */
export class HybridRanker implements Ranker {
  private readonly classifier: LinearClassifier;
  private readonly examples: ExampleRanker;

  constructor(
    examples: readonly Example[],
    private readonly classifierShare = 0.6,
  ) {
    this.classifier = new LinearClassifier(examples);
    this.examples = new ExampleRanker(examples);
  }

  rank(prepared: string): Scored[] {
    const near = new Map<Label, number>(this.examples.rank(prepared).map((s) => [s.label, s.score]));
    const w = this.classifierShare;
    return this.classifier
      .rank(prepared)
      .map(({ label, score }) => ({ label, score: w * score + (1 - w) * (near.get(label) ?? 0) }))
      .sort((a, b) => b.score - a.score);
  }
}
