import type { Lang } from '../i18n/language';
import { foldAccents } from './text-normalizer';

// Function words that belong to one language only ("a", "on", "me" are both and so left out).
// They decide most sentences; the content's own words decide short ones ("unlink mcid").
const FRENCH_WORDS =
  'le la les un une des du de et au aux dans sur pour par avec sans est sont suis je tu il elle nous vous ils elles mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs ce cet cette ces qui que quoi quel quelle quels quelles comment pourquoi quand ou ne pas plus oui non bonjour salut merci svp stp ' +
  'puis dois doit faut peux veux voudrais peut-on ai avez avons ont etre faire fait ca cela moi toi lui eux deja encore toujours aussi mais donc alors tres chez vers depuis apres avant aucun aucune rien jamais quelqu personne besoin ' +
  'examen examens releve notes lier delier dissocier liaison lien societe entreprise compte espace partenaire partenaires universite rapport competences qualifications aide humain quitte changer ' +
  'demande envoyer obtenir acces formulaire telecharger parler verifier preuve partager apparait nouvelle nouvel ancien ancienne mot passe oublie employeur ordinateur fonctionne marche erreur';
const ENGLISH_WORDS =
  'the and or of to in for with by at from is are was were be been am do does did i my we our you your it its this that these those how what which who when where why can could should would will ' +
  'not no yes please hello hey thanks thank there their them they he she his her get got has have had any some about just still already yet only than then also into out up off ' +
  'exam exams transcript link linking linked unlink company profile account report skills help human left leave change request send form download verify proof share show showing shows ' +
  'new old talk someone need password forgot qualify work working doesnt dont cant wont isnt didnt';

const FRENCH = new Set(`${FRENCH_WORDS} en bonsoir coucou`.split(' '));
const ENGLISH = new Set(ENGLISH_WORDS.split(' '));

/** Lower-case words with their accents: "credits" and "crédits" are different evidence. */
function words(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}{2,}/gu) ?? []).filter((w) => w !== 'examcode');
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
    if (token.length < 3 || ACCENT.test(token) || en + fr < 2) continue;
    const lean = (fr - en) / (fr + en + 1);
    if (Math.abs(lean) >= 0.5) lexicon.set(token, lean * (token.startsWith('~') ? 0.4 : 0.8));
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
    if (FRENCH.has(folded)) fr += 1;
    else if (ENGLISH.has(folded)) en += 1;
    else if (!ACCENT.test(word)) {
      const lean = lexicon?.get(word) ?? lexicon?.get(`~${folded}`) ?? 0;
      if (lean > 0) fr += lean;
      else en -= lean;
    }
  }
  if (Math.abs(fr - en) < 0.25) return { lang: undefined, confidence: 0 };
  const lang: Lang = fr > en ? 'fr' : 'en';
  return { lang, confidence: Math.round((Math.max(fr, en) / (fr + en)) * 1000) / 1000 };
}
