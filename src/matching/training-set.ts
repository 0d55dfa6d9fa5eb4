import type { Lang } from '../i18n/language';
import type { Intent } from '../knowledge/catalog';
import { maskExamCodes } from '../knowledge/exam-codes';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { stripMentions } from './text-normalizer';

/** What an example teaches: an intent, or that such questions are outside what the bot knows. */
export type Label = Intent | 'none';

export type ExampleSource = 'question' | 'title' | 'answer' | 'intent' | 'out-of-scope';

export interface Example {
  readonly label: Label;
  readonly lang: Lang;
  readonly source: ExampleSource;
  /** Ready for matching: mention stripped, exam codes masked. */
  readonly text: string;
}

/** The same preparation for examples and questions, so both speak the same tokens. */
export function prepare(text: string): string {
  return maskExamCodes(stripMentions(text));
}

// Markdown emphasis, links and e-mail addresses are layout, not words people ask with.
function plain(markdown: string): string {
  return (
    markdown
      .replace(/\[([^[\]]*)\]\([^()]*\)/g, '$1')
      // Word by word: `\S+@\S+` rescans a long word without "@" from each of its letters.
      .replace(/\S+/g, (word) => (/^https?:\/\/|@/.test(word) ? ' ' : word))
      .replace(/[*_`#>]/g, ' ')
  );
}

function sentences(text: string): string[] {
  return plain(text)
    .split(/(?<=[.!?:;])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Everything the matcher learns from, all taken from content/: each topic's example questions
 * and title, the sentences of its answer (people ask with the answer's words), the help and
 * human phrases, and the out-of-scope examples that teach what the bot should not answer.
 */
export function trainingExamples(kb: KnowledgeBase): Example[] {
  const examples: Example[] = [];
  const add = (label: Label, lang: Lang, source: ExampleSource, text: string) =>
    examples.push({ label, lang, source, text: prepare(text) });
  for (const topic of kb.topics) {
    for (const lang of ['en', 'fr'] as const) {
      const t = topic[lang];
      add(topic.id, lang, 'title', t.title);
      t.questions.forEach((q) => add(topic.id, lang, 'question', q));
      [t.summary, ...(t.steps ?? []), ...(t.notes ?? [])].flatMap(sentences).forEach((s) => add(topic.id, lang, 'answer', s));
    }
  }
  for (const intent of ['help', 'human'] as const) {
    for (const lang of ['en', 'fr'] as const) kb.intents[intent][lang].forEach((q) => add(intent, lang, 'intent', q));
  }
  const outOfScope = kb.intents.outOfScope;
  if (outOfScope) for (const lang of ['en', 'fr'] as const) outOfScope[lang].forEach((q) => add('none', lang, 'out-of-scope', q));
  return examples;
}
