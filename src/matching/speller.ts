import type { Lang } from '../i18n/language';
import { EXAM_TOKEN } from '../knowledge/exam-codes';
import { canonical, isStopWord, tokenize } from './text-normalizer';

function deletions(word: string, depth: number, into: Set<string>): void {
  if (depth === 0 || word.length <= 3) return;
  for (let i = 0; i < word.length; i += 1) {
    const shorter = word.slice(0, i) + word.slice(i + 1);
    if (!into.has(shorter)) {
      into.add(shorter);
      deletions(shorter, depth - 1, into);
    }
  }
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps cost 1. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) d[0][j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

// Short words are too close to each other to guess: "nice"/"nine", "hier"/"hire", "film"/"fill"
// are all real words one letter apart, so only words of five letters or more are corrected.
// Everyday words one edit from a content word that mean something else: "plainte" (complaint)
// is not "plante" (crashes), a technician is not "technical", onboarding is not offboarding.
const EVERYDAY = new Set(
  'plainte plaintes relever technicien technicienne technician technicians onboarding etudiante etudiantes confirmer'.split(' '),
);

const allowed = (word: string) => (word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0);

/**
 * At most this many unknown words of one message are looked up; the rest are left as typed.
 * A real question has a handful of typos; the recognizer's input is capped anyway, this keeps
 * the speller bounded on its own.
 */
export const MAX_LOOKUPS_PER_TEXT = 40;

/** What the speller learns from. */
export interface SpellerVocabulary {
  /** The in-scope examples of each language: the only words a typo is put back on. */
  readonly en: Iterable<string>;
  readonly fr: Iterable<string>;
  /** Out-of-scope examples: their words are left alone, but a typo is never put back on them. */
  readonly outOfScope: Iterable<string>;
  /** Off-topic words ("price", "prix"): never a target, even when an in-scope example uses them. */
  readonly offTopic: Iterable<string>;
}

/**
 * Puts typed-in-a-hurry words back on the content's vocabulary ("univeristy", "acess",
 * "tecnical"), by the symmetric-deletion method: one distance-1 or distance-2 lookup instead of
 * comparing with every known word. Only words the content never uses are touched, only towards
 * an in-scope word of the question's language with the same first letter, never towards a
 * stop word. Cost is linear in the text: a token longer than every target is skipped (it cannot
 * be within two edits of one), and at most MAX_LOOKUPS_PER_TEXT tokens are looked up.
 */
export class Speller {
  private readonly known = new Map<string, number>();
  /** Target word → the languages whose in-scope examples use it. */
  private readonly targets = new Map<string, Set<Lang>>();
  private readonly byDeletion = new Map<string, string[]>();
  private readonly offTopic = new Set<string>();
  private readonly longest: number;

  constructor(vocabulary: SpellerVocabulary) {
    for (const lang of ['en', 'fr'] as const) {
      for (const text of vocabulary[lang]) {
        for (const token of tokenize(text)) {
          this.count(token);
          const langs = this.targets.get(token) ?? new Set<Lang>();
          langs.add(lang);
          this.targets.set(token, langs);
        }
      }
    }
    for (const text of vocabulary.outOfScope) for (const token of tokenize(text)) this.count(token);
    for (const text of vocabulary.offTopic) {
      for (const token of tokenize(text)) {
        this.count(token);
        this.offTopic.add(token);
      }
    }
    let longest = 0;
    for (const word of this.targets.keys()) {
      if (allowed(word) === 0 || /\d/.test(word) || isStopWord(word) || !this.isTarget(word)) continue;
      longest = Math.max(longest, word.length);
      const keys = new Set<string>([word]);
      deletions(word, allowed(word), keys);
      for (const key of keys) {
        const list = this.byDeletion.get(key);
        if (list) list.push(word);
        else this.byDeletion.set(key, [word]);
      }
    }
    this.longest = longest;
  }

  /** `lang`: the question's language when known; a typo is only put back on a word of it. */
  correct(token: string, lang?: Lang): string {
    const limit = allowed(token);
    if (limit === 0 || token.length > this.longest + limit || this.known.has(token) || EVERYDAY.has(token)) return token;
    if (isStopWord(token) || /\d/.test(token) || token === EXAM_TOKEN || canonical(token) !== token) return token;
    const keys = new Set<string>([token]);
    deletions(token, limit, keys);
    let best = token;
    let bestDistance = Infinity;
    let bestCount = 0;
    for (const key of keys) {
      for (const word of this.byDeletion.get(key) ?? []) {
        if (word[0] !== token[0] || (lang && !this.targets.get(word)?.has(lang))) continue;
        const distance = editDistance(token, word);
        if (distance > Math.min(limit, allowed(word))) continue;
        const count = this.known.get(word) ?? 0;
        if (distance < bestDistance || (distance === bestDistance && count > bestCount)) {
          best = word;
          bestDistance = distance;
          bestCount = count;
        }
      }
    }
    return best;
  }

  /** The text as tokens, the first MAX_LOOKUPS_PER_TEXT unknown words replaced by their closest known spelling. */
  correctText(text: string, lang?: Lang): string {
    let lookups = 0;
    return tokenize(text)
      .map((t) => (this.known.has(t) || lookups++ >= MAX_LOOKUPS_PER_TEXT ? t : this.correct(t, lang)))
      .join(' ');
  }

  private count(token: string): void {
    this.known.set(token, (this.known.get(token) ?? 0) + 1);
  }

  private isTarget(word: string): boolean {
    return this.targets.has(word) && !this.offTopic.has(word);
  }
}
