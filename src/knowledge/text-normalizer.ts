/**
 * Text normalisation shared by the recognizer and the language detector: lower case, no
 * accents, French elisions split off ("l'examen" -> "examen"), light stemming per language.
 */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Splits text into lower-case, accent-free word tokens; elided articles are dropped. */
export function tokenize(text: string): string[] {
  const folded = foldAccents(text.toLowerCase()).replace(/[’‘`´]/g, "'");
  const words = folded.match(/[a-z0-9]+(?:'[a-z0-9]+)?/g) ?? [];
  return words.map((w) => w.replace(/^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)'/, ''));
}

const EN_STOP = new Set(
  'a an the and or of to in on for with by at from is are was were be been am do does did i me my we our you your it its this that these those how what which who whom when where why can could should would will shall may might must have has had there here as if so not no yes please hi hey any some about into out up get got'.split(
    ' ',
  ),
);
const FR_STOP = new Set(
  'le la les un une des du de d et ou a au aux en dans sur pour par avec sans est sont suis es etes etre ai as avez avons ont je tu il elle nous vous ils elles me te se mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs ce cet cette ces qui que quoi quel quelle quels quelles comment pourquoi quand ou y ne pas plus si oui non bonjour svp merci faire fait peut peux puis dois doit faut il'.split(
    ' ',
  ),
);

export function isStopWord(token: string): boolean {
  return EN_STOP.has(token) || FR_STOP.has(token);
}

/**
 * A deliberately light stemmer: plural and common verb/noun endings for both languages, so
 * "badges"/"badge", "liaison"/"lier", "certifications"/"certification" meet. Heavier stemming
 * merged unrelated words in this small vocabulary.
 */
export function stem(token: string): string {
  if (token.length <= 3 || /\d/.test(token)) return token;
  let t = token;
  for (const suffix of ['ements', 'ement', 'ations', 'ation', 'ing', 'ies', 'ees', 'es', 'ed', 'ee', 'er', 'ez', 's', 'e']) {
    if (t.endsWith(suffix) && t.length - suffix.length >= 3) {
      t = t.slice(0, -suffix.length) + (suffix === 'ies' ? 'y' : '');
      break;
    }
  }
  return t;
}

/** Tokens that carry meaning for matching: stop words removed, stemmed. */
export function contentTerms(text: string): string[] {
  return tokenize(text)
    .filter((t) => !isStopWord(t))
    .map(stem);
}
