import { EXAM_TOKEN } from './exam-codes';
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

const allowed = (word: string) => (word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0);

/**
 * Puts typed-in-a-hurry words back on the content's vocabulary ("univeristy", "acess",
 * "tecnical"), by the symmetric-deletion method: one distance-1 or distance-2 lookup instead of
 * comparing with every known word. Only words the content never uses are touched, only towards
 * a word with the same first letter, and never towards a stop word. The texts should include
 * every word the recognizer looks for (off-topic words too), so none is "corrected" away.
 */
export class Speller {
  private readonly known = new Map<string, number>();
  private readonly byDeletion = new Map<string, string[]>();

  constructor(texts: Iterable<string>) {
    for (const text of texts) {
      for (const token of tokenize(text)) this.known.set(token, (this.known.get(token) ?? 0) + 1);
    }
    for (const word of this.known.keys()) {
      if (allowed(word) === 0 || /\d/.test(word) || isStopWord(word)) continue;
      const keys = new Set<string>([word]);
      deletions(word, allowed(word), keys);
      for (const key of keys) {
        const list = this.byDeletion.get(key);
        if (list) list.push(word);
        else this.byDeletion.set(key, [word]);
      }
    }
  }

  correct(token: string): string {
    const limit = allowed(token);
    if (limit === 0 || this.known.has(token) || isStopWord(token) || /\d/.test(token) || token === EXAM_TOKEN) return token;
    if (canonical(token) !== token) return token;
    const keys = new Set<string>([token]);
    deletions(token, limit, keys);
    let best = token;
    let bestDistance = Infinity;
    let bestCount = 0;
    for (const key of keys) {
      for (const word of this.byDeletion.get(key) ?? []) {
        if (word[0] !== token[0]) continue;
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

  /** The text as tokens, each unknown word replaced by its closest known spelling. */
  correctText(text: string): string {
    return tokenize(text)
      .map((t) => this.correct(t))
      .join(' ');
  }
}
