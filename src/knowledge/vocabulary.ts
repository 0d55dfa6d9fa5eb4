import { featuresOf, Idf, type Vector } from './features';
import type { Example, Label } from './training-set';

/**
 * What the content knows, to tell how much of a question it covers. A question whose rare
 * words no example, title or answer uses ("what's the weather in Montreal") is outside what
 * the bot knows, however confident a classifier is about the few words it does recognise.
 * Per intent as well: "transfer credits to another college" mixes words of two topics and
 * is covered by neither, which is a sign of a question the bot does not answer.
 */
export class Vocabulary {
  private readonly idf: Idf;
  private readonly byLabel = new Map<Label, Set<string>>();

  constructor(examples: readonly Example[]) {
    const counts = examples.map((e) => featuresOf(e.text));
    this.idf = new Idf(counts);
    examples.forEach((e, i) => {
      const words = this.byLabel.get(e.label) ?? new Set<string>();
      for (const key of counts[i].keys()) if (!key.startsWith('c:')) words.add(key);
      this.byLabel.set(e.label, words);
    });
  }

  /**
   * Share of the question's word weight (rarer words weigh more) known to the content, or to
   * one intent's examples when a label is given, 0..1. Returns a function so the question's
   * features are computed once for all intents.
   */
  coverageOf(prepared: string): (label?: Label) => number {
    const counts = featuresOf(prepared);
    const weighted: { key: string; w: number; known: boolean; typo: boolean }[] = [];
    let total = 0;
    for (const key of counts.keys()) {
      if (key.startsWith('c:')) continue;
      const w = this.idf.weight(key);
      const known = this.idf.has(key);
      // A typo the speller could not place is not held against any intent.
      weighted.push({ key, w, known, typo: !known && this.knownByGrams(key, counts) });
      total += w;
    }
    return (label) => {
      if (total === 0) return 0;
      const own = label === undefined ? undefined : this.byLabel.get(label);
      let known = 0;
      for (const t of weighted) if (t.typo || (own ? own.has(t.key) : t.known)) known += t.w;
      return known / total;
    };
  }

  // A word typed so badly the speller left it ("univrsityy") still counts when most of its
  // character n-grams are known.
  private knownByGrams(wordKey: string, counts: Vector): boolean {
    const term = wordKey.slice(2);
    if (term.length < 5) return false;
    let seen = 0;
    let all = 0;
    for (const key of counts.keys()) {
      if (!key.startsWith('c:') || !`<${term}>`.includes(key.slice(2))) continue;
      all += 1;
      if (this.idf.has(key)) seen += 1;
    }
    return all > 0 && seen / all >= 0.75;
  }
}
