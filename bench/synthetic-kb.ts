import type { TopicId } from '../src/knowledge/catalog';
import type { Area, TopicFile, TopicText } from '../src/knowledge/content-schema';
import { KnowledgeBase } from '../src/knowledge/knowledge-base';

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ru',
  'ze',
  'ta',
  'vo',
  'ni',
  'pe',
  'su',
  'dra',
  'kel',
  'mor',
  'tin',
  'vak',
  'bre',
  'quo',
  'fal',
  'gir',
  'hus',
];

/** A made-up word per number, unlike any real word of the content: "kavomi", "lozeru"… */
export function pseudoWord(n: number): string {
  let word = '';
  let rest = n;
  for (let i = 0; i < 3 || rest > 0; i += 1) {
    word += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  }
  return word;
}

export interface SyntheticKb {
  readonly kb: KnowledgeBase;
  /** Questions a user could ask, one per topic at most, with the topic they should match. */
  readonly questions: readonly { text: string; topic: string }[];
}

/**
 * A knowledge base of `size` topics shaped like the real ones: topic i is real topic i mod 20,
 * its texts and `perLang` of its example questions per language, about a subject of its own
 * (two made-up words), so the matcher has to tell apart topics that share most of their words.
 * Ids are not catalog ids: the knowledge base and the recognizer never check them at run time,
 * only their types do, hence the casts.
 */
export function syntheticKb(real: KnowledgeBase, size: number, perLang: number): SyntheticKb {
  const bases = real.topics;
  const topics: TopicFile[] = [];
  const questions: { text: string; topic: string }[] = [];
  for (let i = 0; i < size; i += 1) {
    const base = bases[i % bases.length];
    const subject = `${pseudoWord(2 * i)} ${pseudoWord(2 * i + 1)}`;
    const id = `topic-${i}` as TopicId;
    const text = (t: TopicText): TopicText => ({
      ...t,
      title: `${t.title} (${subject})`,
      summary: `${subject}: ${t.summary}`,
      questions: t.questions.slice(0, perLang).map((q) => `${q} (${subject})`),
    });
    topics.push({ ...base, id, related: [], en: text(base.en), fr: text(base.fr) });
    // A held-back phrasing: a question of the base topic the synthetic one did not learn.
    const unseen = base.en.questions[perLang] ?? base.en.questions[0];
    questions.push({ text: `${unseen} ${subject}`, topic: id });
  }
  const areas: Area[] = real.areas.map((area) => ({ ...area, topics: topics.filter((t) => t.area === area.id).map((t) => t.id) }));
  return { kb: new KnowledgeBase(topics, areas, real.exams, real.intents), questions };
}
