import type { Lang } from '../i18n/language';
import { featuresOf, type ReadonlyVector, type Vector } from '../matching/features';
import type { UnansweredGroup } from './insights-types';

export interface UnansweredQuestion {
  readonly text: string;
  readonly lang: Lang;
}

export interface GroupingOptions {
  /** At most this many questions are read (the newest), so the work stays bounded. */
  readonly maxQuestions: number;
  /** At most this many groups are formed; later questions that fit none are left out. */
  readonly maxGroups: number;
  /** Cosine similarity from which a question joins a group. */
  readonly threshold: number;
  /** Groups returned, largest first. */
  readonly top: number;
}

export const DEFAULT_GROUPING: GroupingOptions = { maxQuestions: 1000, maxGroups: 200, threshold: 0.35, top: 10 };
// Words and character n-grams weigh as they do in the matcher's own vectors.
const CHAR_SHARE = 0.3;
const EXAMPLES = 3;
const MAX_EXAMPLE_CHARS = 200;

interface Group {
  readonly leader: ReadonlyVector;
  readonly texts: string[];
  readonly langs: Set<Lang>;
}

/**
 * Gathers similar questions with the matcher's features (content-word stems and their character
 * n-grams) weighted by TF-IDF over the questions themselves: one pass, each question joins the
 * first group whose leader is close enough, or leads a new one. Questions are taken newest
 * first, so a group's leader (its first example) is a recent wording.
 */
export function groupUnanswered(questions: readonly UnansweredQuestion[], options: GroupingOptions = DEFAULT_GROUPING): UnansweredGroup[] {
  const taken = questions.slice(-options.maxQuestions).reverse();
  const counts = taken.map((q) => contentFeatures(q.text));
  const df = new Map<string, number>();
  for (const c of counts) for (const k of c.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const groups: Group[] = [];
  taken.forEach((q, i) => {
    const vector = weighted(counts[i], df, taken.length);
    if (vector.size === 0) return;
    const home = groups.find((g) => dot(g.leader, vector) >= options.threshold);
    if (home) {
      home.texts.push(q.text);
      home.langs.add(q.lang);
    } else if (groups.length < options.maxGroups) {
      groups.push({ leader: vector, texts: [q.text], langs: new Set([q.lang]) });
    }
  });
  return groups
    .sort((a, b) => b.texts.length - a.texts.length)
    .slice(0, options.top)
    .map((g) => ({ count: g.texts.length, examples: examplesOf(g.texts), langs: [...g.langs].sort() }));
}

/** Up to three different wordings, shortened. */
function examplesOf(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  const examples: string[] = [];
  for (const text of texts) {
    const key = text.trim().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    examples.push(text.length > MAX_EXAMPLE_CHARS ? `${text.slice(0, MAX_EXAMPLE_CHARS - 1)}…` : text);
    if (examples.length === EXAMPLES) break;
  }
  return examples;
}

/**
 * Stop words and question words ("how", "where") say nothing about the subject, so they are
 * left out: two questions meet on what they are about.
 */
function contentFeatures(text: string): ReadonlyVector {
  return new Map([...featuresOf(text)].filter(([k]) => !k.startsWith('s:') && !k.startsWith('w:q')));
}

/**
 * Sublinear TF times a smoothed IDF (log(1 + n/df), which stays positive when a word is in
 * every question of a small set); words and n-grams are normalised apart and mixed so that a
 * dot product is `(1 - CHAR_SHARE) * cos(words) + CHAR_SHARE * cos(n-grams)`, as the matcher does.
 */
function weighted(counts: ReadonlyVector, df: ReadonlyMap<string, number>, n: number): Vector {
  const v: Vector = new Map();
  const sq = { w: 0, c: 0 };
  for (const [k, c] of counts) {
    const x = (c > 1 ? 1 + Math.log(c) : c) * Math.log(1 + n / (df.get(k) ?? 1));
    v.set(k, x);
    sq[k[0] === 'c' ? 'c' : 'w'] += x * x;
  }
  const scale = { w: Math.sqrt(1 - CHAR_SHARE) / (Math.sqrt(sq.w) || 1), c: Math.sqrt(CHAR_SHARE) / (Math.sqrt(sq.c) || 1) };
  for (const [k, x] of v) v.set(k, x * scale[k[0] === 'c' ? 'c' : 'w']);
  return v;
}

function dot(a: ReadonlyVector, b: ReadonlyVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [k, x] of small) sum += x * (large.get(k) ?? 0);
  return sum;
}
