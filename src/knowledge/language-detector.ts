import type { Lang } from '../i18n/language';
import { tokenize } from './text-normalizer';

// Words that point to one language. Function words do most of the work; domain words help
// short queries such as "unlink mcid" / "délier mcid".
const FRENCH = new Set(
  (
    'le la les un une des du de et ou au aux dans sur pour par avec sans est sont suis je tu il elle nous vous ils mon ma mes ton ta tes son sa ses notre votre vos leur ce cet cette ces qui que quoi quel quelle quels quelles comment pourquoi quand ne pas plus oui non bonjour salut merci svp stp ' +
    'examen examens releve lier delier dissocier dissociation liaison societe entreprise profil compte espace partenaire partenaires universite rapport competences qualifications aide humain quitte changer ' +
    'limitee administrateur delai demande envoyer courriel obtenir acces formulaire telecharger puis dois faut peux veux voudrais parler personne crediter universitaires diplome ' +
    'verifier preuve partager apparait apparaissent toujours encore nouvelle nouvel ancien ancienne agent billet besoin mot passe oublie moi'
  ).split(' '),
);
const ENGLISH = new Set(
  (
    'the a an and or of to in on for with by at from is are was were be been am do does did i me my we our you your it its this that these those how what which who when where why can could should would will ' +
    'not no yes please hi hello hey thanks thank exam exams transcript link linking linked unlink company profile account partner university report skills help human left leave change limited admin ' +
    'request send email get access form download verify proof share show showing shows still new old talk someone person agent ticket need password forget college eligible qualify'
  ).split(' '),
);

export interface LanguageGuess {
  readonly lang: Lang | undefined;
  /** Share of the language-bearing words that agree with the guess, 0..1. */
  readonly confidence: number;
}

/** Guesses English or French; `lang` is undefined when the text gives no clue (e.g. "AZ-104"). */
export function detectLanguage(text: string): LanguageGuess {
  const accents = (text.match(/[àâçéèêëîïôûùüÿœæ]/gi) ?? []).length;
  let fr = Math.min(accents, 3);
  let en = 0;
  for (const token of tokenize(text)) {
    if (FRENCH.has(token)) fr += 1;
    if (ENGLISH.has(token)) en += 1;
  }
  if (/\b(?:l|d|j|qu|n|s|c)['’]\p{L}/iu.test(text)) fr += 1;
  if (fr === en) return { lang: undefined, confidence: 0 };
  const lang: Lang = fr > en ? 'fr' : 'en';
  return { lang, confidence: Math.max(fr, en) / (fr + en) };
}
