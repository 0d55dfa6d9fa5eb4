import MiniSearch from 'minisearch';
import type { Ranker, Scored } from './ranker';
import { canonical, isStopWord, stem, tokenize } from './text-normalizer';
import type { Example, Label } from './training-set';

interface Doc {
  readonly id: number;
  readonly label: Label;
  readonly text: string;
  readonly answer: boolean;
}

/**
 * Retrieval: BM25 (MiniSearch) over the example questions, titles and answer sentences, with
 * prefix and fuzzy matching for typos. Each label gets its best document's score, relative to
 * the best overall, so the top label always scores 1 and the recognizer's coverage factor says
 * how much to trust it.
 */
export class Bm25Ranker implements Ranker {
  private readonly index: MiniSearch<Doc>;

  constructor(
    examples: readonly Example[],
    private readonly answerBoost = 0.5,
  ) {
    this.index = new MiniSearch<Doc>({
      fields: ['text'],
      storeFields: ['label', 'answer'],
      tokenize: (text) => [...tokenize(text)],
      processTerm: (term) => (isStopWord(term) ? null : stem(canonical(term))),
      searchOptions: { fuzzy: (term) => (term.length > 5 ? 0.2 : false), combineWith: 'OR' },
    });
    this.index.addAll(examples.map((e, id) => ({ id, label: e.label, text: e.text, answer: e.source === 'answer' })));
  }

  rank(prepared: string): Scored[] {
    const best = new Map<Label, number>();
    for (const hit of this.index.search(prepared)) {
      const score = hit.score * (hit.answer ? this.answerBoost : 1);
      const label = hit.label as Label;
      if (score > (best.get(label) ?? 0)) best.set(label, score);
    }
    const top = Math.max(0, ...best.values());
    return [...best.entries()].map(([label, s]) => ({ label, score: top > 0 ? s / top : 0 })).sort((a, b) => b.score - a.score);
  }
}
