/**
 * Finds secrets people paste into a chat and masks them. Everything that leaves the turn
 * (state, logs, tickets, webhooks, support cards) goes through `redactSecrets` first.
 *
 * Two kinds of rule: shapes that are secrets wherever they appear (a JWT, an Azure client
 * secret, a storage key, a SAS signature, a bearer token, a vendor API key), and labels
 * ("password", "mot de passe", "mdp", "code d'accès", "PIN"…) after which a scanner reads the
 * value. Every pattern is linear (checked by recheck in test/support/redaction-regex.test.ts):
 * runs are bounded or anchored to the start of a run, and the value is read by hand.
 */
import { readLabelledValue } from './secret-value';

export const MASK = '[redacted]';

/** Shapes that are secrets wherever they appear; `keep` is the group left readable before the mask. */
const SHAPES: { readonly pattern: RegExp; readonly keep?: number }[] = [
  // JWT: three base64url parts; starts only where a run of token characters starts.
  { pattern: /(?<![\w-])eyJ[\w-]{5,4000}\.[\w-]{5,4000}\.[\w-]{0,4000}/g },
  // Azure AD client secret: three characters, a digit, "Q~", then about 34 more.
  { pattern: /(?<![\w.~-])[\w.~-]{3}\dQ~[\w.~-]{20,60}/g },
  // Storage connection strings and Service Bus / Event Hubs keys.
  { pattern: /(\b(?:AccountKey|SharedAccessKey|SharedAccessSignature)=)[^;\s"'&]{1,2000}/gi, keep: 1 },
  // SAS signature and credentials in a URL's query.
  { pattern: /([?&;](?:sig|code|key|token|access_token|client_secret|password)=)[^&\s"'#]{1,2000}/gi, keep: 1 },
  { pattern: /(\bsig=)[^&\s"'#]{1,2000}/gi, keep: 1 },
  // Authorization headers.
  { pattern: /(\b(?:bearer|basic)[\s:]{1,5})[\w.~+/-]{8,4000}=*/gi, keep: 1 },
  // Vendor keys with a known prefix: OpenAI, GitHub, AWS access key, Slack, Google.
  {
    pattern:
      /(?<![\w-])(?:sk-[\w-]{20,200}|gh[pousr]_[A-Za-z0-9]{30,100}|github_pat_\w{30,200}|AKIA[0-9A-Z]{16}|xox[abprs]-[\w-]{10,200}|AIza[\w-]{35})/g,
  },
];

export interface RedactionResult {
  readonly text: string;
  /** True when something was masked: the bot then warns the user. */
  readonly found: boolean;
}

export function redactSecrets(text: string): RedactionResult {
  let found = false;
  let out = text;
  for (const { pattern, keep } of SHAPES) {
    out = out.replace(pattern, (...groups: unknown[]) => {
      found = true;
      return `${keep ? String(groups[keep]) : ''}${MASK}`;
    });
  }
  const withoutCredentials = maskUrlCredentials(out);
  found ||= withoutCredentials !== out;
  const labelled = maskLabelledValues(withoutCredentials);
  return { text: labelled.text, found: found || labelled.found };
}

/**
 * `scheme://user:password@host`: the user and password go. Read by hand from each "://", up to
 * the end of the authority (a slash, a space or a quote), so the work is linear.
 */
function maskUrlCredentials(text: string): string {
  let out = '';
  let at = 0;
  for (let found = text.indexOf('://'); found !== -1; found = text.indexOf('://', found + 3)) {
    const start = found + 3;
    if (start < at) continue;
    let end = start;
    while (end < text.length && end - start < 400 && !'/\\ \t\n\r"\'<>'.includes(text[end])) end++;
    const authority = text.slice(start, end);
    const atSign = authority.lastIndexOf('@');
    if (atSign <= 0 || !authority.slice(0, atSign).includes(':')) continue;
    out += `${text.slice(at, start)}${MASK}`;
    at = start + atSign;
  }
  return out + text.slice(at);
}

// Words that introduce a secret. Each alternative is a fixed word or has bounded separators.
const LABEL = new RegExp(
  String.raw`(?<![\p{L}\p{N}_])(?:` +
    [
      String.raw`pass(?:word|wd|phrase|code)`,
      'pwd',
      String.raw`mots?[\s-]de[\s-]passe`,
      'mdp',
      String.raw`code[\s-]d[\s'’‘\x60´]acc[eèé]s`,
      String.raw`code[\s-]dacc[eèé]s`,
      String.raw`access[\s_-]?code`,
      String.raw`code[\s-]pin`,
      String.raw`pin[\s-]code`,
      'pin',
      'nip',
      String.raw`api[\s_-]?key`,
      String.raw`cl[ée][\s-]api`,
      String.raw`cl[ée][\s-]d[\s'’]api`,
      String.raw`client[\s_-]?secret`,
      String.raw`secret[\s-]client`,
      'secret',
      String.raw`(?:access[\s_-]?)?token`,
      'jeton',
      String.raw`subscription[\s_-]?key`,
    ].join('|') +
    String.raw`)(?![\p{L}\p{N}_])`,
  'giu',
);

// A transcript is being shared: then a bare "code" followed by a value is its access code.
const TRANSCRIPT_CONTEXT = /transcript|relev[ée]s?\s(?:de\s)?notes|\brelev[ée]\b|partag|\bshar/iu;
const TRANSCRIPT_CODE = /(?<![\p{L}\p{N}_])code(?![\p{L}\p{N}_])/giu;

function maskLabelledValues(text: string): RedactionResult {
  let found = false;
  const spans: [number, number][] = [];
  const collect = (pattern: RegExp, codeOnly: boolean) => {
    for (const match of text.matchAll(pattern)) {
      const span = readLabelledValue(text, match.index + match[0].length, { codeOnly, mask: MASK });
      if (span) spans.push(span);
    }
  };
  collect(LABEL, false);
  if (TRANSCRIPT_CONTEXT.test(text)) collect(TRANSCRIPT_CODE, true);
  if (spans.length === 0) return { text, found };
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    if (start < at) continue; // overlapping spans: the first one covers it
    out += `${text.slice(at, start)}${MASK}`;
    at = end;
    found = true;
  }
  return { text: out + text.slice(at), found };
}

/** For the ReDoS check (test/support/redaction-regex.test.ts). */
export const REDACTION_PATTERNS: readonly RegExp[] = [...SHAPES.map((s) => s.pattern), LABEL, TRANSCRIPT_CONTEXT, TRANSCRIPT_CODE];
