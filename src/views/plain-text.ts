/**
 * Text a user typed, made to show as typed where a card renders markdown (TextBlock, FactSet):
 * markdown punctuation gets a backslash, and "](" is split by a zero-width space as well, so
 * `[text](url)` cannot become a link even in a renderer that ignores backslash escapes. One pass,
 * one character at a time: linear in the input.
 */
const MARKDOWN = /[\\`*_~[\]()#>|!-]/g;
const LINK_JOIN = /\]\\\(/g;

export function plainText(text: string): string {
  return text.replace(MARKDOWN, (c) => `\\${c}`).replace(LINK_JOIN, ']\u200b\\(');
}

export const PLAIN_TEXT_PATTERNS: readonly RegExp[] = [MARKDOWN, LINK_JOIN];
