import type { Lang } from '../i18n/language';
import type { Intent } from '../knowledge/catalog';
import { isTopicId } from '../knowledge/catalog';
import type { Alternative, Recognition } from './faq-recognizer';

/** One line of test/fixtures/matching/*.jsonl. */
export interface LabelledQuestion {
  readonly text: string;
  readonly lang: Lang;
  readonly expected: Intent | null;
  readonly exam?: { readonly code: string; readonly eligible: boolean };
  /** The kind of question (heldout-families.jsonl): long-multi-clause, short-shorthand… */
  readonly family?: string;
}

/** Anything that answers like FaqRecognizer, so other approaches are scored by the same code. */
export interface Matcher {
  recognize(text: string, fallbackLang?: Lang): MatchResult;
}
export type MatchResult = Pick<Recognition, 'topic' | 'alternatives' | 'language' | 'exam'> & {
  readonly suggestions?: readonly Alternative[];
};

export function parseLabelled(jsonl: string): LabelledQuestion[] {
  return jsonl
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      const row = JSON.parse(line) as LabelledQuestion;
      const ok =
        typeof row.text === 'string' &&
        (row.lang === 'en' || row.lang === 'fr') &&
        (row.expected === null || row.expected === 'help' || row.expected === 'human' || isTopicId(String(row.expected))) &&
        (row.family === undefined || typeof row.family === 'string');
      if (!ok) throw new Error(`line ${i + 1}: not a labelled question: ${line}`);
      return row;
    });
}

export interface Confusion {
  readonly text: string;
  readonly lang: Lang;
  readonly expected: Intent | null;
  readonly got: Intent | null;
  /** The topics a "Did you mean" card would offer, when the recognizer had no answer. */
  readonly suggested: readonly Intent[];
}

export interface LangScores {
  readonly inScope: number;
  /** Answered with the expected intent (above the answer threshold). */
  readonly top1: number;
  /** The expected intent is the answer or among the first three candidates. */
  readonly top3: number;
  /** Not answered, but offered in a "Did you mean" card. */
  readonly suggestedOnly: number;
  /** Answered with another intent: the worst outcome for an in-scope question. */
  readonly wrongAnswer: number;
  readonly outOfScope: number;
  /** Out-of-scope questions that got an answer anyway. */
  readonly falseAnswer: number;
  readonly language: number;
  readonly total: number;
}

export interface EvalReport {
  readonly byLang: Readonly<Record<Lang, LangScores>>;
  readonly all: LangScores;
  readonly exam: { readonly labelled: number; readonly correct: number; readonly spurious: number };
  readonly confusions: readonly Confusion[];
  /** Per family of question, when the rows carry one: how many were matched right (answer or refusal). */
  readonly byFamily: Readonly<Record<string, Readonly<Record<Lang, FamilyScore>>>>;
}

export interface FamilyScore {
  readonly right: number;
  readonly total: number;
}

const rate = (n: number, of: number) => (of === 0 ? 1 : n / of);
export { rate };

function ranking(r: MatchResult): Intent[] {
  const listed = r.topic ? [r.topic, ...r.alternatives.map((a) => a.topic)] : r.alternatives.map((a) => a.topic);
  return [...new Set(listed)];
}

function score(rows: readonly LabelledQuestion[], results: MatchResult[]): LangScores {
  let inScope = 0,
    top1 = 0,
    top3 = 0,
    suggestedOnly = 0,
    wrongAnswer = 0,
    outOfScope = 0,
    falseAnswer = 0,
    language = 0;
  rows.forEach((row, i) => {
    const r = results[i];
    if (r.language === row.lang) language += 1;
    if (row.expected === null) {
      outOfScope += 1;
      if (r.topic !== null) falseAnswer += 1;
      return;
    }
    inScope += 1;
    if (r.topic === row.expected) top1 += 1;
    else if (r.topic !== null) wrongAnswer += 1;
    else if (r.suggestions?.some((s) => s.topic === row.expected)) suggestedOnly += 1;
    if (ranking(r).slice(0, 3).includes(row.expected)) top3 += 1;
  });
  return { inScope, top1, top3, suggestedOnly, wrongAnswer, outOfScope, falseAnswer, language, total: rows.length };
}

/**
 * Runs every labelled question through the matcher once, with English as the fallback language
 * (the hardest case for French). Cross-validation passes one matcher per question instead.
 */
export function evaluate(matcher: Matcher | ((index: number) => Matcher), rows: readonly LabelledQuestion[]): EvalReport {
  const matcherFor = typeof matcher === 'function' ? matcher : () => matcher;
  const results = rows.map((row, i) => matcherFor(i).recognize(row.text, 'en'));
  const pick = (lang: Lang) => {
    const idx = rows.map((row, i) => (row.lang === lang ? i : -1)).filter((i) => i >= 0);
    return score(
      idx.map((i) => rows[i]),
      idx.map((i) => results[i]),
    );
  };
  let labelled = 0,
    correct = 0,
    spurious = 0;
  const confusions: Confusion[] = [];
  rows.forEach((row, i) => {
    const r = results[i];
    if (row.exam) {
      labelled += 1;
      if (r.exam?.code === row.exam.code && r.exam.eligible === row.exam.eligible) correct += 1;
    } else if (r.exam) spurious += 1;
    if (r.topic !== row.expected) {
      confusions.push({
        text: row.text,
        lang: row.lang,
        expected: row.expected,
        got: r.topic,
        suggested: (r.suggestions ?? []).map((s) => s.topic),
      });
    }
  });
  const byFamily: Record<string, Record<Lang, { right: number; total: number }>> = {};
  rows.forEach((row, i) => {
    if (row.family === undefined) return;
    const family = (byFamily[row.family] ??= { en: { right: 0, total: 0 }, fr: { right: 0, total: 0 } })[row.lang];
    family.total += 1;
    if (results[i].topic === row.expected) family.right += 1;
  });
  return {
    byLang: { en: pick('en'), fr: pick('fr') },
    all: score(rows, results),
    exam: { labelled, correct, spurious },
    confusions,
    byFamily,
  };
}
