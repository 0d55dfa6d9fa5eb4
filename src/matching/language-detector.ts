import type { Lang } from '../i18n/language';
import { foldAccents } from './text-normalizer';
import { ENGLISH_DOMAIN_WORDS, ENGLISH_WORDS, FRENCH_WORDS, NEUTRAL_WORDS } from './language-words';

// Grammar words decide most sentences (language-words.ts); the content's own words decide short
// ones ("unlink mcid"). English UI words weigh half, product names nothing: a French user writes
// "mon transcript Partner Center", an English one never writes "mon".
const ENGLISH_DOMAIN_WEIGHT = 0.5;

/** Lower-case words with their accents: "credits" and "crédits" are different evidence. */
function words(text: string): string[] {
  // "IT" (the department) is written so in French too: no evidence.
  return (
    text
      .replace(/\bIT\b/g, ' ')
      .toLowerCase()
      .match(/\p{L}{2,}/gu) ?? []
  ).filter((w) => w !== 'examcode');
}

const ACCENT = /[àâçéèêëîïôûùüÿœæ]/;
const ACCENT_ANY_CASE = /[àâçéèêëîïôûùüÿœæ]/iu;

export interface LanguageGuess {
  readonly lang: Lang | undefined;
  /** Share of the language evidence that agrees with the guess, 0..1. */
  readonly confidence: number;
}

/** Per-word evidence learnt from the content: positive leans French, negative English. */
export type Lexicon = ReadonlyMap<string, number>;

/**
 * Words the content uses in one language far more than in the other, weighted by how
 * one-sided they are. Product names quoted in French text ("Partner Center") come out weak;
 * accented words are left to the accent count.
 */
export function buildLexicon(samples: { readonly en: readonly string[]; readonly fr: readonly string[] }): Lexicon {
  const counts = new Map<string, { en: number; fr: number }>();
  for (const lang of ['en', 'fr'] as const) {
    for (const text of samples[lang]) {
      // Each word counts as written and, prefixed with "~", folded: "limitee" typed without
      // accents still finds the evidence of "limitée", at half weight.
      for (const token of new Set(words(text).flatMap((w) => [w, `~${foldAccents(w)}`]))) {
        const c = counts.get(token) ?? { en: 0, fr: 0 };
        c[lang] += 1;
        counts.set(token, c);
      }
    }
  }
  const lexicon = new Map<string, number>();
  for (const [token, { en, fr }] of counts) {
    if (token.length < 3 || ACCENT.test(token) || en + fr < 2 || NEUTRAL_WORDS.has(token.replace('~', ''))) continue;
    const lean = (fr - en) / (fr + en + 1);
    const folded = token.startsWith('~');
    if (Math.abs(lean) >= 0.5) lexicon.set(token, lean * (folded ? 0.4 : 0.8));
    // Both languages write it as typed ("credits"): the folded form must not speak for it.
    else if (!folded) lexicon.set(token, 0);
  }
  return lexicon;
}

/**
 * Guesses English or French by weighing the evidence of each word, so a message that mixes
 * both goes to the language it mostly uses. `lang` is undefined when the text gives no clue
 * (e.g. "AZ-104"): the caller then keeps the conversation's language.
 */
export function detectLanguage(text: string, lexicon?: Lexicon): LanguageGuess {
  let fr = 0;
  let en = 0;
  // Words first, then the accent test: `\p{L}*[accent]\p{L}*` rescans a long run of letters from each of them.
  const accented = (text.match(/\p{L}+/gu) ?? []).filter((w) => ACCENT_ANY_CASE.test(w));
  fr += Math.min(accented.length, 3);
  fr += Math.min((text.match(/\b(?:l|d|j|qu|n|s|c|m|t)['’]\p{L}/giu) ?? []).length, 2);
  en += Math.min((text.match(/\p{L}(?:n['’]t|['’](?:s|m|re|ve|ll|d))\b/giu) ?? []).length, 2);
  for (const word of words(text)) {
    const folded = foldAccents(word);
    if (FRENCH_WORDS.has(folded)) fr += 1;
    else if (ENGLISH_WORDS.has(folded)) en += 1;
    else if (ENGLISH_DOMAIN_WORDS.has(folded)) en += ENGLISH_DOMAIN_WEIGHT;
    else if (!ACCENT.test(word) && !NEUTRAL_WORDS.has(folded)) {
      const lean = lexicon?.get(word) ?? lexicon?.get(`~${folded}`) ?? 0;
      if (lean > 0) fr += lean;
      else en -= lean;
    }
  }
  if (Math.abs(fr - en) < 0.25) return { lang: undefined, confidence: 0 };
  const lang: Lang = fr > en ? 'fr' : 'en';
  return { lang, confidence: Math.round((Math.max(fr, en) / (fr + en)) * 1000) / 1000 };
}
