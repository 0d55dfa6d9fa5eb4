import { featuresOf, featuresOfExample, Idf, type ReadonlyVector } from './features';
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
  private readonly labelIds = new Map<Label, number>();
  // Word -> the intents whose examples use it: a question's coverage for every intent at once
  // costs its words' lists, not a lookup per intent and word.
  private readonly labelsOf = new Map<string, Int32Array>();

  constructor(examples: readonly Example[]) {
    const counts = examples.map(featuresOfExample);
    this.idf = new Idf(counts);
    const users = new Map<string, Set<number>>();
    examples.forEach((e, i) => {
      if (!this.labelIds.has(e.label)) this.labelIds.set(e.label, this.labelIds.size);
      const id = this.labelIds.get(e.label) as number;
      for (const key of counts[i].keys()) if (!key.startsWith('c:')) users.set(key, (users.get(key) ?? new Set<number>()).add(id));
    });
    for (const [word, ids] of users) this.labelsOf.set(word, Int32Array.from(ids));
  }

  /**
   * Share of the question's word weight (rarer words weigh more) known to each label's examples,
   * 0..1, in the order of `labels`; a label the content has no examples for gets the share known
   * to the content as a whole. The question's features are computed once for all labels.
   */
  coverageFor(prepared: string, labels: readonly Label[]): Float64Array {
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
    const out = new Float64Array(labels.length);
    if (total === 0) return out;
    let overall = 0;
    for (const t of weighted) if (t.typo || t.known) overall += t.w;
    const known = this.knownByLabel(weighted);
    const ids = this.idsOf(labels);
    for (let at = 0; at < ids.length; at += 1) out[at] = ids[at] < 0 ? overall / total : known[ids[at]] / total;
    return out;
  }

  // A ranker hands the same label array every time: its ids are looked up once, not per question.
  private readonly idsByLabels = new WeakMap<readonly Label[], Int32Array>();

  private idsOf(labels: readonly Label[]): Int32Array {
    let ids = this.idsByLabels.get(labels);
    if (!ids) {
      ids = Int32Array.from(labels, (label) => this.labelIds.get(label) ?? -1);
      this.idsByLabels.set(labels, ids);
    }
    return ids;
  }

  /** Each intent's known weight, summed in the question's word order as one intent at a time would. */
  private knownByLabel(weighted: readonly { key: string; w: number; typo: boolean }[]): Float64Array {
    const known = new Float64Array(this.labelIds.size);
    for (const t of weighted) {
      if (t.typo) for (let id = 0; id < known.length; id += 1) known[id] += t.w;
      else for (const id of this.labelsOf.get(t.key) ?? []) known[id] += t.w;
    }
    return known;
  }

  // A word typed so badly the speller left it ("univrsityy") still counts when most of its
  // character n-grams are known.
  private knownByGrams(wordKey: string, counts: ReadonlyVector): boolean {
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
