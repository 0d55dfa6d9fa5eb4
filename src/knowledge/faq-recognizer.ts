import MiniSearch from 'minisearch';
import type { Lang } from '../i18n/language';
import type { Intent } from './catalog';
import type { ExamVerdict } from './exam-codes';
import type { KnowledgeBase } from './knowledge-base';
import { detectLanguage } from './language-detector';
import { contentTerms, isStopWord, stem, tokenize } from './text-normalizer';

export interface Alternative {
  readonly topic: Intent;
  readonly confidence: number;
}

/** What a question resolves to; the same object the `ask` command prints and the bot traces. */
export interface Recognition {
  readonly text: string;
  readonly topic: Intent | null;
  readonly confidence: number;
  readonly language: Lang;
  readonly alternatives: readonly Alternative[];
  readonly exam?: ExamVerdict;
}

interface Doc {
  readonly id: number;
  readonly intent: Intent;
  readonly text: string;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Ranks intents with BM25 (MiniSearch) over the example questions and titles, then turns the
 * ranking into a confidence: how much of the question (weighted by rarity) the best intent's
 * examples cover. Words no example uses weigh most, so off-topic questions score low.
 */
export class FaqRecognizer {
  private readonly index: MiniSearch<Doc>;
  private readonly vocabulary = new Map<Intent, Set<string>>();
  private readonly idf = new Map<string, number>();
  private readonly unknownIdf: number;
  private readonly examOffTopic: Set<string>;

  constructor(
    private readonly kb: KnowledgeBase,
    /** Below this confidence the question resolves to no topic; candidates stay in alternatives. */
    private readonly answerThreshold: number,
  ) {
    const intents = kb.intents;
    const docs: Doc[] = [];
    const add = (intent: Intent, text: string) => docs.push({ id: docs.length, intent, text });
    for (const topic of kb.topics) {
      for (const lang of ['en', 'fr'] as const) {
        add(topic.id, topic[lang].title);
        topic[lang].questions.forEach((q) => add(topic.id, q));
      }
    }
    for (const intent of ['help', 'human'] as const) [...intents[intent].en, ...intents[intent].fr].forEach((q) => add(intent, q));

    this.index = new MiniSearch<Doc>({
      fields: ['text'],
      storeFields: ['intent'],
      tokenize: (text) => tokenize(text),
      processTerm: (term) => (isStopWord(term) ? null : stem(term)),
      searchOptions: { fuzzy: (term) => (term.length > 5 ? 0.2 : false), combineWith: 'OR' },
    });
    this.index.addAll(docs);

    for (const doc of docs) {
      const words = this.vocabulary.get(doc.intent) ?? new Set<string>();
      contentTerms(doc.text).forEach((t) => words.add(t));
      this.vocabulary.set(doc.intent, words);
    }
    const intentCount = this.vocabulary.size;
    const df = new Map<string, number>();
    for (const words of this.vocabulary.values()) words.forEach((w) => df.set(w, (df.get(w) ?? 0) + 1));
    df.forEach((n, term) => this.idf.set(term, Math.log(1 + intentCount / n)));
    this.unknownIdf = Math.log(1 + intentCount / 0.5);
    this.examOffTopic = new Set(intents.examOffTopic.flatMap((w) => contentTerms(w)));
  }

  recognize(text: string, fallbackLang: Lang = 'en'): Recognition {
    const language = detectLanguage(text).lang ?? fallbackLang;
    const exam = this.kb.exams.verdictFor(text);
    const terms = [...new Set(contentTerms(text))];
    const base = { text, language, ...(exam ? { exam } : {}) };
    if (terms.length === 0) return { ...base, topic: null, confidence: 0, alternatives: [] };

    if (exam) {
      const rest = terms.filter((t) => !/\d/.test(t) && !['az', 'ai', 'dp', 'ms', 'md', 'sc', 'pl', 'mb'].includes(t));
      // "how much is AZ-104" is about price, not credit: the code is an entity, not the intent.
      if (rest.some((t) => this.examOffTopic.has(t))) return { ...base, topic: null, confidence: 0.9, alternatives: [] };
      const aboutCredit = rest.length <= 2 || rest.some((t) => this.vocabulary.get('credit-eligible-exams')?.has(t));
      if (aboutCredit) return { ...base, topic: 'credit-eligible-exams', confidence: 0.95, alternatives: [] };
    }

    const ranked = this.rank(terms);
    const [best, ...others] = ranked;
    if (!best) return { ...base, topic: null, confidence: 0, alternatives: [] };
    if (best.confidence < this.answerThreshold) return { ...base, topic: null, confidence: best.confidence, alternatives: ranked.slice(0, 3) };
    return { ...base, topic: best.topic, confidence: best.confidence, alternatives: others.slice(0, 3) };
  }

  private rank(terms: string[]): Alternative[] {
    const query = terms.filter((t) => !/^\d+$/.test(t));
    const scores = new Map<Intent, { score: number; matched: Set<string> }>();
    for (const hit of this.index.search(query.join(' '))) {
      const intent = hit.intent as Intent;
      const entry = scores.get(intent) ?? { score: 0, matched: new Set<string>() };
      entry.score = Math.max(entry.score, hit.score);
      hit.queryTerms.forEach((t) => entry.matched.add(t));
      scores.set(intent, entry);
    }
    const top = Math.max(0, ...[...scores.values()].map((s) => s.score));
    const weight = (t: string) => this.idf.get(t) ?? this.unknownIdf;
    const total = query.reduce((sum, t) => sum + weight(t), 0) || 1;
    return [...scores.entries()]
      .map(([topic, { score, matched }]) => {
        const coverage = [...matched].reduce((sum, t) => sum + weight(t), 0) / total;
        return { topic, confidence: round(Math.min(1, coverage) * 0.7 + (score / top) * 0.3) };
      })
      .sort((a, b) => b.confidence - a.confidence);
  }
}
