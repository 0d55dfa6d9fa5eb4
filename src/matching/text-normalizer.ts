import { CONCEPTS } from './concepts';

/**
 * Text normalisation shared by the recognizer and the language detector: lower case, no
 * accents, French elisions split off ("l'examen" -> "examen"), a few domain spellings made one,
 * light stemming. Both languages go through the same steps so a mixed message still matches.
 */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * Teams channel messages carry the bot's @mention as `<at>Bot</at>`; the bot strips it already,
 * but a copy pasted or forwarded message may still hold one, and the name is not a question.
 */
export function stripMentions(text: string): string {
  // Neither pattern may cross a "<": a "<" with no ">" after it then costs one scan, not one per "<".
  return text
    .replace(/<at\b[^<>]*>[^<]*<\/at>/gi, ' ')
    .replace(/<\/?[a-z][^<>]*>/gi, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)'/;

// A question is read several ways in one recognition (speller, greeting, off-topic words,
// features): the last text's tokens are kept, frozen since every reader shares them.
let lastTokenized: { readonly text: string; readonly tokens: readonly string[] } | undefined;

/** Splits text into lower-case, accent-free word tokens; elided articles are dropped. */
export function tokenize(text: string): readonly string[] {
  if (lastTokenized?.text === text) return lastTokenized.tokens;
  const tokens = Object.freeze(split(text));
  lastTokenized = { text, tokens };
  return tokens;
}

function split(text: string): string[] {
  // "IT" in capitals (in a message not all in capitals) is the IT department; lower-cased it
  // would be the stop word "it".
  const it = /[a-z]/.test(text) ? text.replace(/\bIT\b/g, ' infotech ') : text;
  const folded = foldAccents(it.toLowerCase().replace(/où/g, ' qwhere '))
    .replace(/[’‘`´]/g, "'")
    .replace(/\be-?mails?\b/g, 'email')
    .replace(/\b(?:can'?t|cannot)\b/g, 'can not')
    .replace(/\bwon't\b/g, 'will not')
    .replace(/n't\b/g, ' not');
  const words = folded.match(/[a-z0-9]+(?:'[a-z0-9]+)*/g) ?? [];
  return words.flatMap((w) => w.replace(ELISION, '').split("'")).filter((w) => w.length > 1 || /\d/.test(w));
}

const EN_STOP =
  'a an the and or of to in on for with by at from is are was were be been am do does did doing i me my mine myself we us our you your it its this that these those whats which whom whose can could should would will shall may might must have has had having there here as if so yes please pls plz want wanna good any some about into out up get got gets getting just also then than too very now already im ive s t ll ve re d m';
const FR_STOP =
  'le la les un une des du de d et ou a au aux en dans sur pour par avec sans est sont suis es etes etre ete ai as avez avons ont avoir je tu il elle on nous vous ils elles me moi te toi se mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs ce cet cette ces ca cela ceci que quel quelle quels quelles y plus si oui svp stp merci voudrais voudrait aimerais souhaite souhaiterais veux faire fait fais peut peux pouvez puis dois doit devez faut est-ce lui eux deja aussi alors donc mais tres';
const STOP = new Set(`${EN_STOP} ${FR_STOP}`.split(' '));

export function isStopWord(token: string): boolean {
  return STOP.has(token);
}

// One spelling per notion, so examples and questions written differently still meet.
const CANONICAL: Readonly<Record<string, string>> = {
  cert: 'certification',
  certs: 'certification',
  certif: 'certification',
  certifs: 'certification',
  certificat: 'certification',
  certificats: 'certification',
  certificate: 'certification',
  certificates: 'certification',
  mcp: 'mcid',
  mcpid: 'mcid',
  mcids: 'mcid',
  msft: 'microsoft',
  ms: 'microsoft',
  uni: 'university',
  univ: 'university',
  universite: 'university',
  universites: 'university',
  universities: 'university',
  org: 'organization',
  orga: 'organization',
  organisation: 'organization',
  organisations: 'organization',
  organizations: 'organization',
  courriel: 'email',
  courriels: 'email',
  mail: 'email',
  emails: 'email',
  boulot: 'travail',
  acct: 'account',
  acount: 'account',
  pwd: 'password',
  mdp: 'password',
  not: 'neg',
  no: 'neg',
  never: 'neg',
  none: 'neg',
  nothing: 'neg',
  cant: 'neg',
  dont: 'neg',
  doesnt: 'neg',
  didnt: 'neg',
  isnt: 'neg',
  arent: 'neg',
  wasnt: 'neg',
  hasnt: 'neg',
  havent: 'neg',
  wont: 'neg',
  couldnt: 'neg',
  don: 'neg',
  doesn: 'neg',
  didn: 'neg',
  isn: 'neg',
  aren: 'neg',
  wasn: 'neg',
  hasn: 'neg',
  haven: 'neg',
  couldn: 'neg',
  won: 'neg',
  ne: 'neg',
  pas: 'neg',
  jamais: 'neg',
  aucun: 'neg',
  aucune: 'neg',
  rien: 'neg',
  non: 'neg',
  yet: 'still',
  encore: 'still',
  toujours: 'still',
  how: 'qhow',
  comment: 'qhow',
  why: 'qwhy',
  pourquoi: 'qwhy',
  what: 'qwhat',
  quoi: 'qwhat',
  who: 'qwho',
  qui: 'qwho',
  when: 'qwhen',
  quand: 'qwhen',
  where: 'qwhere',
  hi: 'hello',
  hey: 'hello',
  hiya: 'hello',
  morning: 'hello',
  evening: 'hello',
  afternoon: 'hello',
  bonjour: 'hello',
  bonsoir: 'hello',
  salut: 'hello',
  coucou: 'hello',
  allo: 'hello',
  admins: 'admin',
  administrator: 'admin',
  administrators: 'admin',
  administrateur: 'admin',
  administrateurs: 'admin',
};

export function canonical(token: string): string {
  const spelled = CANONICAL[token] ?? token;
  return CONCEPTS.get(spelled) ?? spelled;
}

const SUFFIXES = ['ements', 'ement', 'ations', 'ation', 'ings', 'ing', 'ies', 'ees', 'es', 'ed', 'ee', 'er', 'ez', 's', 'e'];

/**
 * A deliberately light stemmer: plural and common verb/noun endings for both languages, so
 * "badges"/"badge", "liaison"/"lier", "certifications"/"certification" meet. Heavier stemming
 * merged unrelated words in this small vocabulary; character n-grams catch the rest.
 */
export function stem(token: string): string {
  if (token.length <= 3 || /\d/.test(token)) return token;
  for (const suffix of SUFFIXES) {
    if (token.endsWith(suffix) && token.length - suffix.length >= 3) {
      return token.slice(0, -suffix.length) + (suffix === 'ies' ? 'y' : '');
    }
  }
  return token;
}

const GREETING = 'hello';

/**
 * "Bonjour, j'ai passé l'AZ-204…": a greeting in front of a real question is politeness, not a
 * request for the menu, so it is dropped when at least two content words follow.
 */
export function dropGreeting(text: string): string {
  const tokens = tokenize(text);
  const greeting = (t: string) => canonical(t) === GREETING;
  const content = tokens.filter((t) => !isStopWord(t) && !greeting(t));
  return content.length >= 2 ? tokens.filter((t) => !greeting(t)).join(' ') : text;
}

/** Tokens that carry meaning for matching: stop words removed, canonical spelling, stemmed. */
export function contentTerms(text: string): string[] {
  return tokenize(text)
    .filter((t) => !isStopWord(t))
    .map((t) => stem(canonical(t)));
}

/** Character n-grams of a term with its word boundaries, which survive typos ("trancript"). */
export function charGrams(term: string, sizes: readonly number[] = [3, 4]): string[] {
  const padded = `<${term}>`;
  const grams: string[] = [];
  for (const n of sizes) for (let i = 0; i + n <= padded.length; i += 1) grams.push(padded.slice(i, i + n));
  return grams;
}
