import type { Lang } from '../i18n/language';
import { isTopicId, type TopicId } from '../knowledge/catalog';
import { MAX_MATCHED_CHARS, type Recognition } from './faq-recognizer';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { foldAccents } from './text-normalizer';

/** The part of the recognizer the search uses: the same matching as the chat. */
export interface TopicRecognizer {
  recognize(text: string, fallbackLang: Lang): Recognition;
}

/** At most this many topics per search; the content has about twenty. */
export const MAX_TOPIC_RESULTS = 10;
/** A runner-up of the recognizer is listed from this confidence: below it, it is noise. */
const RUNNER_UP_FLOOR = 0.1;
/** Query words shorter than this are not matched against titles ("how", "do", "my" carry nothing). */
const MIN_WORD = 3;

// One pass, no nested quantifier: linear.
const WORD_SPLIT = /[^\p{L}\p{N}]+/u;
const wordsOf = (text: string) =>
  foldAccents(text.toLowerCase())
    .split(WORD_SPLIT)
    .filter((w) => w.length > 0);

/**
 * Finds topics for a search box: what the chat's recognizer would answer and its likely
 * runners-up, then topics whose title or summary has words beginning like the query's, so
 * a half-typed word ("unli") already finds its topic. Knows nothing of Teams.
 */
export class TopicSearch {
  private readonly fixedOrder: readonly TopicId[];

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly recognizer: TopicRecognizer,
    /** Topics by how often people asked them, most first (may list only some, or none). */
    private readonly usage: () => Promise<readonly TopicId[]> = async () => [],
  ) {
    this.fixedOrder = interleave(kb.areas.map((a) => a.topics));
  }

  /** The best topics for `query`, best first. The query is cut to what the chat would match. */
  search(query: string, lang: Lang): TopicId[] {
    const text = query.slice(0, MAX_MATCHED_CHARS).trim();
    if (!text) return [];
    const recognition = this.recognizer.recognize(text, lang);
    const found: TopicId[] = [];
    const add = (topic: string | null) => {
      if (topic && isTopicId(topic) && !found.includes(topic)) found.push(topic);
    };
    add(recognition.topic);
    recognition.suggestions.forEach((s) => add(s.topic));
    if (recognition.topic !== null) recognition.alternatives.filter((a) => a.confidence >= RUNNER_UP_FLOOR).forEach((a) => add(a.topic));
    this.byWords(text, lang).forEach(add);
    return found.slice(0, MAX_TOPIC_RESULTS);
  }

  /** For an empty search: the most asked topics first, then the others in the content's order, areas in turn. */
  async mostAsked(): Promise<TopicId[]> {
    // Usage records are a nicety: without them, the content's order.
    const asked: readonly TopicId[] = await this.usage().catch(() => []);
    return [...new Set([...asked.filter(isTopicId), ...this.fixedOrder])].slice(0, MAX_TOPIC_RESULTS);
  }

  /** Topics whose title (counted twice) or summary has words starting with at least half the query's words. */
  private byWords(query: string, lang: Lang): TopicId[] {
    const words = [...new Set(wordsOf(query).filter((w) => w.length >= MIN_WORD))].slice(0, 20);
    if (words.length === 0) return [];
    const scored = this.kb.topics.map((topic) => {
      const title = wordsOf(topic[lang].title);
      const summary = wordsOf(topic[lang].summary);
      const starts = (list: string[], w: string) => list.some((t) => t.startsWith(w));
      let matched = 0;
      let score = 0;
      for (const w of words) {
        const inTitle = starts(title, w);
        const inSummary = starts(summary, w);
        if (inTitle || inSummary) matched++;
        score += (inTitle ? 2 : 0) + (inSummary ? 1 : 0);
      }
      return { id: topic.id, score, enough: matched > 0 && matched * 2 >= words.length };
    });
    return scored
      .filter((s) => s.enough)
      .sort((a, b) => b.score - a.score)
      .map((s) => s.id);
  }
}

/** The first topic of each area, then the second of each, and so on. */
function interleave(lists: readonly (readonly TopicId[])[]): TopicId[] {
  const longest = Math.max(0, ...lists.map((l) => l.length));
  const order: TopicId[] = [];
  for (let i = 0; i < longest; i++) for (const list of lists) if (list[i] && !order.includes(list[i])) order.push(list[i]);
  return order;
}
