import type { Lang } from '../i18n/language';
import type { Intent } from '../knowledge/catalog';
import type { IntentsFile, TopicFile } from '../knowledge/content-schema';
import { evaluate, type EvalReport, type LabelledQuestion, type Matcher } from './evaluation';
import { KnowledgeBase } from '../knowledge/knowledge-base';

// A stable fold for each example, so runs are comparable while content stays the same.
function foldOf(text: string, folds: number): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) % folds;
}

function split<T extends string>(list: readonly T[], fold: number, folds: number, held: T[]): T[] {
  return list.filter((q) => {
    if (foldOf(q, folds) !== fold) return true;
    held.push(q);
    return false;
  });
}

export interface Fold {
  /** The content without this fold's examples. */
  readonly kb: KnowledgeBase;
  /** This fold's examples, labelled, to score a matcher built on `kb`. */
  readonly rows: LabelledQuestion[];
}

/** Splits the content's examples into `folds` parts, each with the content that lacks it. */
export function contentFolds(kb: KnowledgeBase, folds = 5): Fold[] {
  const result: Fold[] = [];
  for (let fold = 0; fold < folds; fold += 1) {
    const rows: LabelledQuestion[] = [];
    const held = (expected: Intent | null, lang: Lang, texts: string[]) => {
      texts.forEach((text) => rows.push({ text, lang, expected }));
    };
    const topics: TopicFile[] = kb.topics.map((t) => {
      const out: TopicFile = { ...t, en: { ...t.en }, fr: { ...t.fr } };
      for (const lang of ['en', 'fr'] as const) {
        const taken: string[] = [];
        out[lang] = { ...t[lang], questions: split(t[lang].questions, fold, folds, taken) };
        held(t.id, lang, taken);
      }
      return out;
    });
    const intents: IntentsFile = JSON.parse(JSON.stringify(kb.intents)) as IntentsFile;
    for (const lang of ['en', 'fr'] as const) {
      for (const intent of ['help', 'human'] as const) {
        const taken: string[] = [];
        intents[intent][lang] = split(kb.intents[intent][lang], fold, folds, taken);
        held(intent, lang, taken);
      }
      if (intents.outOfScope && kb.intents.outOfScope) {
        const taken: string[] = [];
        intents.outOfScope[lang] = split(kb.intents.outOfScope[lang], fold, folds, taken);
        held(null, lang, taken);
      }
    }
    result.push({ kb: new KnowledgeBase(topics, kb.areas, kb.exams, intents), rows });
  }
  return result;
}

/**
 * K-fold cross-validation over the content's own examples: each fold's example questions,
 * conversational phrases and out-of-scope examples are taken out, the matcher is built on
 * the rest and scored on them. This is the development measure used to tune the matcher
 * without touching the held-out split, which is only ever scored.
 */
export function crossValidate(kb: KnowledgeBase, build: (kb: KnowledgeBase) => Matcher, folds = 5): EvalReport {
  const parts = contentFolds(kb, folds);
  const matchers = parts.map((part) => build(part.kb));
  const rows = parts.flatMap((part) => part.rows);
  const rowFold = parts.flatMap((part, i) => part.rows.map(() => i));
  return evaluate((i) => matchers[rowFold[i]], rows);
}
