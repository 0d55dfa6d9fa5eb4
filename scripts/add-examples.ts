import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenize } from '../src/matching/text-normalizer';

/**
 * Appends new example questions to the content, keeping the held-out protocol of
 * docs/matching.md: a candidate whose word set is within Jaccard 0.5 of any line of a held-out
 * file is dropped without being shown (only the count is printed), so no held-out question
 * reaches the content, even reworded. Candidates already in the content are skipped too.
 *
 *   npm run build && node dist/scripts/add-examples.js candidates.json
 *
 * candidates.json: `{ "topics": { "<topic id>": { "en": [...], "fr": [...] } }, "outOfScope": { "en": [...], "fr": [...] } }`.
 * Lines are inserted into the files' text, so the rest of each file keeps its layout.
 */

type Lang = 'en' | 'fr';
type PerLang = Partial<Record<Lang, string[]>>;
interface Candidates {
  readonly topics?: Record<string, PerLang>;
  readonly outOfScope?: PerLang;
}

const HELD_OUT = ['heldout.jsonl', 'heldout-families.jsonl'];
const LIMIT = 0.5;

const wordSet = (text: string): ReadonlySet<string> => new Set(tokenize(text));

/** Shared words over all words of the two sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** A filter that is true for a text within `limit` (word-set Jaccard) of any of `heldOut`. */
export function nearAny(heldOut: readonly string[], limit = LIMIT): (text: string) => boolean {
  const sets = heldOut.map(wordSet);
  return (text) => {
    const words = wordSet(text);
    return sets.some((h) => jaccard(words, h) >= limit);
  };
}

/** Inserts `lines` at the end of the `nth` array that opens with `opening` (a line of the file). */
export function appendToArray(text: string, opening: RegExp, nth: number, lines: readonly string[]): string {
  const starts = [...text.matchAll(opening)];
  const start = starts[nth];
  if (!start || start.index === undefined) throw new Error(`array ${String(opening)} #${nth} not found`);
  const open = start.index + start[0].length;
  const indent = /^\s*/.exec(start[0].replace(/^\n/, ''))?.[0] ?? '';
  const close = text.indexOf(`\n${indent}]`, open);
  if (close < 0) throw new Error(`end of array ${String(opening)} #${nth} not found`);
  const added = lines.map((l) => `,\n${indent}  ${JSON.stringify(l)}`).join('');
  return text.slice(0, close) + added + text.slice(close);
}

function main(file: string | undefined): void {
  if (!file) throw new Error('usage: node dist/scripts/add-examples.js candidates.json');
  const root = process.cwd();
  const tooClose = nearAny(
    HELD_OUT.flatMap((name) =>
      readFileSync(join(root, 'test', 'fixtures', 'matching', name), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => (JSON.parse(l) as { text: string }).text),
    ),
  );
  const candidates = JSON.parse(readFileSync(file, 'utf8')) as Candidates;
  const tally = { kept: 0, nearHeldOut: 0, alreadyThere: 0 };
  const keep = (lines: readonly string[] | undefined, existing: ReadonlySet<string>): string[] => {
    const out: string[] = [];
    for (const line of lines ?? []) {
      if (existing.has(line) || out.includes(line)) tally.alreadyThere += 1;
      else if (tooClose(line)) tally.nearHeldOut += 1;
      else out.push(line);
    }
    tally.kept += out.length;
    return out;
  };
  for (const [id, perLang] of Object.entries(candidates.topics ?? {})) {
    const path = join(root, 'content', 'topics', `${id}.json`);
    let text = readFileSync(path, 'utf8');
    const topic = JSON.parse(text) as Record<Lang, { questions: string[] }>;
    (['en', 'fr'] as const).forEach((lang, nth) => {
      const lines = keep(perLang[lang], new Set(topic[lang].questions));
      if (lines.length > 0) text = appendToArray(text, /\n {4}"questions": \[/g, nth, lines);
    });
    JSON.parse(text);
    writeFileSync(path, text);
  }
  if (candidates.outOfScope) {
    const path = join(root, 'content', 'intents.json');
    let text = readFileSync(path, 'utf8');
    const intents = JSON.parse(text) as { outOfScope: Record<Lang, string[]> };
    const at = text.indexOf('"outOfScope"');
    (['en', 'fr'] as const).forEach((lang) => {
      const lines = keep(candidates.outOfScope?.[lang], new Set(intents.outOfScope[lang]));
      if (lines.length === 0) return;
      const head = text.slice(0, at);
      text = head + appendToArray(text.slice(at), new RegExp(`\\n {4}"${lang}": \\[`, 'g'), 0, lines);
    });
    JSON.parse(text);
    writeFileSync(path, text);
  }
  process.stdout.write(
    `kept ${tally.kept}, dropped unread ${tally.nearHeldOut} (within Jaccard ${LIMIT} of a held-out line), skipped ${tally.alreadyThere} already in the content\n`,
  );
}

if (require.main === module) main(process.argv[2]);
