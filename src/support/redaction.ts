/**
 * Finds secrets people paste into a chat (a password after "password"/"mot de passe", a
 * transcript access code, a bearer token) and masks them. Everything that leaves the turn
 * (state, logs, tickets, webhooks, support cards) goes through `redactSecrets` first.
 */
const MASK = '[redacted]';

const LABEL = String.raw`(pass(?:word|wd)?|pwd|mot\s+de\s+passe|mdp|access\s*code|code\s+d['’]acc[eè]s)`;
// "password: x", "password is x", "mot de passe est x": whatever follows is the secret...
const WITH_SEPARATOR = new RegExp(String.raw`\b${LABEL}(\s*(?:=|:|\bis\b|\best\b|\bwas\b|\bétait\b)\s*:?\s*)([^\s,;]+)`, 'giu');
// ...but after a bare label only a value that looks like one: "password Hunter2", not "password reset".
const BARE = new RegExp(String.raw`\b${LABEL}(\s+)([^\s,;]+)`, 'giu');
const BEARER = /\b(bearer)(\s+)([A-Za-z0-9\-._~+/]+=*)/giu;
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\b/g;

/** Words that follow a label without being a secret ("my password is wrong"). */
const NOT_SECRETS = new Set(
  'wrong incorrect invalid expired forgotten forgot lost reset changed blocked locked required needed missing oublie oublié perdu incorrect faux expiré bloqué requis nécessaire manquant a the my for of de du mon pour'.split(' '),
);

function looksSecret(value: string): boolean {
  const core = value.replace(/[.!?)]+$/u, '');
  return core.length >= 3 && (/\d/.test(core) || /[^\p{L}]/u.test(core) || (/\p{Lu}/u.test(core) && /\p{Ll}/u.test(core)));
}

export interface RedactionResult {
  readonly text: string;
  /** True when something was masked: the bot then warns the user. */
  readonly found: boolean;
}

export function redactSecrets(text: string): RedactionResult {
  let found = false;
  const mask = (label: string, separator: string) => {
    found = true;
    return `${label}${separator}${MASK}`;
  };
  let out = text.replace(WITH_SEPARATOR, (match, label: string, separator: string, value: string) =>
    value === MASK || value.length < 3 || NOT_SECRETS.has(value.toLowerCase().replace(/[.!?]+$/u, '')) ? match : mask(label, separator),
  );
  out = out.replace(BARE, (match, label: string, separator: string, value: string) =>
    value !== MASK && looksSecret(value) ? mask(label, separator) : match,
  );
  out = out.replace(BEARER, (_m, label: string, separator: string) => mask(label, separator));
  out = out.replace(JWT, () => {
    found = true;
    return MASK;
  });
  return { text: out, found };
}
