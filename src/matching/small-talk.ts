import type { Lang } from '../i18n/language';
import type { IntentsFile } from '../knowledge/content-schema';

export type SmallTalkKind = 'thanks' | 'acknowledge' | 'goodbye';
export type Confirmation = 'yes' | 'no';

/** Longer messages are never small talk: a phrase list entry is at most 60 characters. */
const MAX_LENGTH = 80;

/**
 * A message as it is compared with the phrase lists: lower case, no accents, no punctuation or
 * emoji, one space between words. Each step is a single linear pass over a bounded string.
 */
export function phraseKey(text: string): string {
  return text
    .slice(0, MAX_LENGTH)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/[^a-z0-9' -]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Recognises politeness ("thanks!", "merci beaucoup", "ok", "bye") and typed yes/no answers.
 * Only the whole message counts: "thanks, but how do I unlink?" is a question, not thanks.
 */
export class SmallTalk {
  private readonly kinds = new Map<string, { kind: SmallTalkKind; lang: Lang }>();
  private readonly answers = new Map<string, Confirmation>();

  constructor(intents: Pick<IntentsFile, 'smallTalk' | 'confirm'>) {
    for (const kind of ['thanks', 'acknowledge', 'goodbye'] as const) {
      for (const lang of ['en', 'fr'] as const) {
        for (const phrase of intents.smallTalk[kind][lang]) this.kinds.set(phraseKey(phrase), { kind, lang });
      }
    }
    for (const answer of ['yes', 'no'] as const) {
      for (const lang of ['en', 'fr'] as const) {
        for (const phrase of intents.confirm[answer][lang]) this.answers.set(phraseKey(phrase), answer);
      }
    }
  }

  /** The kind of small talk, and the language of the phrase, when the whole message is one. */
  kindOf(text: string): { kind: SmallTalkKind; lang: Lang } | undefined {
    return text.length > MAX_LENGTH ? undefined : this.kinds.get(phraseKey(text));
  }

  /** "yes", "oui merci", "non merci"… as an answer to a yes/no question. */
  confirmationOf(text: string): Confirmation | undefined {
    return text.length > MAX_LENGTH ? undefined : this.answers.get(phraseKey(text));
  }
}
