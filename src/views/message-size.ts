import type { CardJson } from './card-renderer';

/** Teams refuses a bot message over about 28 KB; the margin covers the activity around the card. */
export const TEAMS_CARD_BUDGET_BYTES = 26 * 1024;
const MIN_TEXT = 200;

const sizeOf = (card: unknown) => Buffer.byteLength(JSON.stringify(card), 'utf8');

function longTexts(node: unknown, found: { holder: Record<string, unknown> }[] = []): { holder: Record<string, unknown> }[] {
  if (Array.isArray(node)) node.forEach((n) => longTexts(n, found));
  else if (node && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    if (typeof obj.text === 'string' && obj.text.length > MIN_TEXT) found.push({ holder: obj });
    Object.values(obj).forEach((v) => longTexts(v, found));
  }
  return found;
}

/**
 * Keeps a card within what Teams accepts: when it is too large, the longest texts (a pasted
 * error, a long description) are shortened first, with an ellipsis, so the card still goes
 * out with its facts and buttons instead of being rejected.
 */
export function fitToTeams(card: CardJson, budget = TEAMS_CARD_BUDGET_BYTES): CardJson {
  if (sizeOf(card) <= budget) return card;
  const copy = structuredClone(card);
  for (let round = 0; round < 50 && sizeOf(copy) > budget; round++) {
    const texts = longTexts(copy).sort((a, b) => String(b.holder.text).length - String(a.holder.text).length);
    if (texts.length === 0) break;
    const longest = texts[0].holder;
    const text = String(longest.text);
    longest.text = `${text.slice(0, Math.max(MIN_TEXT, Math.floor(text.length / 2)))}…`;
  }
  return copy;
}
