import type { CardJson } from './card-renderer';

/** Teams refuses a bot message (or a card in an invoke response) over about 28 KB. */
export const TEAMS_MESSAGE_LIMIT_BYTES = 28 * 1024;
/**
 * What an activity of ours may weigh: the adapter adds the conversation reference, ids and the
 * service URL on the way (about 0.5 KB measured), so 2 KB stay free for it.
 */
export const TEAMS_ACTIVITY_BUDGET_BYTES = TEAMS_MESSAGE_LIMIT_BYTES - 2 * 1024;
/** Texts this short are never cut: titles, the ticket id, the status, button labels. */
const MIN_TEXT = 200;

export const sizeOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** A text that may be shortened: a TextBlock's or TextRun's `text`, or a fact's `value`. */
interface LongText {
  readonly holder: Record<string, unknown>;
  readonly key: 'text' | 'value';
  readonly original: string;
}

function longTexts(node: unknown, found: LongText[] = []): LongText[] {
  if (Array.isArray(node)) node.forEach((n) => longTexts(n, found));
  else if (node && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    if (typeof obj.text === 'string' && obj.text.length > MIN_TEXT) found.push({ holder: obj, key: 'text', original: obj.text });
    if (Array.isArray(obj.facts)) {
      for (const fact of obj.facts as Record<string, unknown>[]) {
        const value = fact?.value;
        if (typeof value === 'string' && value.length > MIN_TEXT) found.push({ holder: fact, key: 'value', original: value });
      }
    }
    Object.values(obj).forEach((v) => longTexts(v, found));
  }
  return found;
}

/** Cuts to at most `cap` UTF-16 units, never between the two halves of an emoji. */
function cut(text: string, cap: number): string {
  if (text.length <= cap) return text;
  const end = /[\uD800-\uDBFF]/.test(text[cap - 1]) ? cap - 1 : cap;
  return `${text.slice(0, end)}…`;
}

/**
 * Keeps a card within `budget` bytes of JSON: when it is too large, every text longer than a
 * common length is cut to that length, with an ellipsis, choosing the longest length that fits.
 * The long texts (the ticket's history, a pasted error, the description) give way first; ids,
 * status, facts of a few words and the buttons (verbs and their data) are never touched.
 * Returns the card itself when it fits, a shortened copy otherwise.
 */
export function fitToTeams(card: CardJson, budget = TEAMS_ACTIVITY_BUDGET_BYTES): CardJson {
  if (sizeOf(card) <= budget) return card;
  const copy = structuredClone(card);
  const texts = longTexts(copy);
  if (texts.length === 0) return copy;
  const capAt = (cap: number) => texts.forEach((t) => (t.holder[t.key] = cut(t.original, cap)));
  // Binary search for the longest common length that fits; texts at the floor are as short as they go.
  let low = MIN_TEXT;
  let high = Math.max(...texts.map((t) => t.original.length));
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    capAt(mid);
    if (sizeOf(copy) <= budget) low = mid;
    else high = mid - 1;
  }
  capAt(low);
  return copy;
}
