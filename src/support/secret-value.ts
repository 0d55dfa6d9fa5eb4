/**
 * Reads the value after a secret's label ("password", "mdp", "code d'accès"…), by hand and in
 * one pass, so the cost stays linear however the text is shaped. Every regex here is sticky
 * (`y`) and bounded: it is tried at one position, never scanned across the text.
 */

// Spaces (including no-break and narrow no-break spaces), colons (also full-width), equals,
// dashes, quotes and the like, between a label and its value.
const SEPARATORS = /[\s:=：\-–—"'«»“”‘’`*|>]{0,12}/uy;
const EXPLICIT_MARK = /[:=：|"«“‘\t]/u;
const QUOTES = /["'«“‘`]/u;
const CLOSING_QUOTE = /["'»”’`]/u;
// "is", "est", "c'est"… between the label and the value.
const CONNECTOR = /(?:is|was|will\sbe|est|était|etait|c['’]est|sera|=|:)(?=[\s:"'«“‘`]|$)/iuy;
// A word between the label and a connector: "for", "que", "j'utilise", "Partner", "Center".
const FILLER = /(?<![\p{L}'’])[\p{L}'’]{1,30}/uy;
const MAX_FILLERS = 6;
const TOKEN = /[^\s]{1,200}/uy;
const NEXT_WORD = /[ \t\u00a0]{1,3}([\p{L}\p{N}][^\s]{0,60})/uy;
const MAX_PASSPHRASE_WORDS = 6;
const TRAILING = /(?<![.,;:)\]])[.,;:)\]]{1,200}$/u;
const EXAM_CODE = /^[a-z]{2,3}-?\d{3}$/iu;

/** Words after a label that say something about the secret instead of giving it. */
const NOT_SECRETS = new Set(
  (
    'wrong incorrect invalid expired forgotten forgot lost reset changed blocked locked required needed missing not no ' +
    'the a an my your his her their this that it is for of to and or but in on at with from by as was be been being still ' +
    'too also again please field box page link email e-mail error erreur message here there which who when where what how why does do did ' +
    'oublie oublié oubliée perdu perdue faux fausse expiré expirée bloqué bloquée requis requise nécessaire manquant ' +
    'le la les un une des mon ma mes ton ta ses son pour de du dans sur avec pas ne plus que qui quoi quand où comment ' +
    'et ou mais donc car est était sera encore aussi toujours svp stp merci champ lien ici'
  ).split(' '),
);
/** Words after a label that show the sentence is about something else ("password reset failed: …"). */
const TOPIC_CHANGE = new Set(
  'reset failed fails fail error errors says shows message link page expired policy change changed réinitialisation réinitialiser échoue échec erreur affiche lien expiré politique changer'.split(
    ' ',
  ),
);
/** Words that end a passphrase: the sentence goes on. */
const STOP_WORDS = new Set(
  "and but or so because please thanks thank it is i i'm when then which that for to et mais ou donc car parce merci svp stp il elle je j'ai quand puis qui que pour".split(
    ' ',
  ),
);

export interface ValueOptions {
  /** A bare "code" in a transcript-sharing message: only a value with a digit counts. */
  readonly codeOnly: boolean;
  readonly mask: string;
}

function stickyAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** Reads separators at `at`; returns the new position and whether they announce a value. */
function separators(text: string, at: number): { end: number; explicit: boolean; quoted: boolean } {
  const run = stickyAt(SEPARATORS, text, at)![0];
  const dashWithSpace = /[-–—]/u.test(run) && /\s/u.test(run);
  const last = run.at(-1) ?? '';
  return { end: at + run.length, explicit: EXPLICIT_MARK.test(run) || dashWithSpace, quoted: QUOTES.test(last) };
}

function looksSecret(core: string): boolean {
  if (core.length < 3) return false;
  return /\p{N}/u.test(core) || /[^\p{L}'’-]/u.test(core) || /^.+\p{Lu}/u.test(core);
}

/**
 * The span of the secret after a label that ends at `from`, or undefined when what follows is
 * not one ("password reset", "my password is wrong").
 */
export function readLabelledValue(text: string, from: number, options: ValueOptions): [number, number] | undefined {
  let sep = separators(text, from);
  let at = sep.end;
  let explicit = sep.explicit;
  let quoted = sep.quoted;
  const connect = () => {
    const connector = stickyAt(CONNECTOR, text, at);
    if (!connector) return false;
    sep = separators(text, at + connector[0].length);
    at = sep.end;
    quoted = sep.quoted;
    explicit = true;
    return true;
  };
  if (!explicit && !connect() && !options.codeOnly) {
    // "password for my Learn account: …", "le mot de passe que j'utilise est …".
    let probe = at;
    for (let n = 0; n < MAX_FILLERS; n++) {
      const filler = stickyAt(FILLER, text, probe);
      if (!filler || TOPIC_CHANGE.has(filler[0].toLowerCase())) break;
      const after = separators(text, probe + filler[0].length);
      const saved = at;
      at = after.end;
      if (after.explicit) {
        explicit = true;
        quoted = after.quoted;
        break;
      }
      if (connect()) break;
      at = saved;
      if (after.end === probe + filler[0].length) break; // the word runs into something else
      probe = after.end;
    }
  }
  if (quoted) {
    const close = text.slice(at, at + 200).search(CLOSING_QUOTE);
    if (close > 0) return [at, at + close];
  }
  const token = stickyAt(TOKEN, text, at)?.[0];
  if (!token) return undefined;
  const core = token.replace(TRAILING, '');
  if (!core || token.includes(options.mask)) return undefined;
  const lower = core.toLowerCase();
  if (options.codeOnly) {
    return /\p{N}/u.test(core) && core.length >= 4 && !EXAM_CODE.test(core) ? [at, at + core.length] : undefined;
  }
  const secret = explicit ? core.length >= 2 && !NOT_SECRETS.has(lower) : looksSecret(core);
  if (!secret) return undefined;
  let end = at + core.length;
  // A passphrase: words after a first plain word, until the sentence goes on.
  if (explicit && core === token && /^\p{L}+$/u.test(core)) {
    for (let n = 1; n < MAX_PASSPHRASE_WORDS; n++) {
      const next = stickyAt(NEXT_WORD, text, end);
      if (!next) break;
      const word = next[1].replace(TRAILING, '');
      if (!word || STOP_WORDS.has(word.toLowerCase())) break;
      end += next[0].length - (next[1].length - word.length);
      if (word !== next[1]) break;
    }
  }
  return [at, end];
}

/** For the ReDoS check (test/support/redaction-regex.test.ts). */
export const VALUE_PATTERNS: readonly RegExp[] = [
  SEPARATORS,
  EXPLICIT_MARK,
  QUOTES,
  CLOSING_QUOTE,
  CONNECTOR,
  FILLER,
  TOKEN,
  NEXT_WORD,
  TRAILING,
  EXAM_CODE,
];
