/**
 * The longest message text the bot takes, in characters. Teams refuses a message over about
 * 28 KB, so a longer text never comes from a Teams user; it is answered with "too long" (in the
 * user's language) instead of being read, stored or matched.
 */
export const MAX_MESSAGE_CHARS = 28_000;

/** Whether a message is over the limit; the endpoint keeps one character past it so this still tells. */
export function isTooLong(text: string): boolean {
  return text.length > MAX_MESSAGE_CHARS;
}

/** What the endpoint keeps of a text: never more than one character past the limit. */
export function capText(text: string): string {
  return isTooLong(text) ? text.slice(0, MAX_MESSAGE_CHARS + 1) : text;
}

/**
 * The string with each lone UTF-16 surrogate replaced by U+FFFD. A lone surrogate (valid in
 * JSON as "\ud800") makes encodeURIComponent throw, so a conversation id holding one failed
 * every turn. Node 20 has String.prototype.toWellFormed; TypeScript's ES2022 lib does not.
 */
export function wellFormed(text: string): string {
  return (text as string & { toWellFormed(): string }).toWellFormed();
}
