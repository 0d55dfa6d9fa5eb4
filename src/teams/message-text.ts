import { z } from 'zod';
import { intakeSchema } from '../support/intake-form';
import { redactSecrets } from '../support/redaction';

/** Teams refuses a message over about 28 KB: more than this never comes from a real message. */
const MAX_SOURCE_CHARS = 28_000;
/** The description field's own limit (support/intake-form.ts). */
export const MAX_DESCRIPTION_CHARS = intakeSchema.shape.description.maxLength ?? 2000;

/** The part of a message action's payload the dialog reads; anything else Teams sends is ignored. */
export const messagePayloadSchema = z.looseObject({
  body: z.looseObject({ contentType: z.string().max(32).optional(), content: z.string().optional() }).optional(),
});

export interface MessageText {
  /** Redacted, at most MAX_DESCRIPTION_CHARS characters. */
  readonly text: string;
  /** Something that looked like a password or an access code was masked. */
  readonly masked: boolean;
  /** The message was longer than the description takes. */
  readonly cut: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * A Teams message's text as a description: HTML turned to plain text, secrets masked, then
 * capped. Bounded first, so a forged payload costs no more than a real message; every pattern
 * below is linear (a tag cannot hold "<" or ">", entities are short).
 */
export function messageText(payload: unknown): MessageText {
  const parsed = messagePayloadSchema.safeParse(payload);
  const body = parsed.success ? parsed.data.body : undefined;
  const raw = (body?.content ?? '').slice(0, MAX_SOURCE_CHARS);
  const plain = body?.contentType?.toLowerCase() === 'html' ? htmlToText(raw) : raw;
  const tidy = plain
    .replace(/[ \t\f\v]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const { text, found } = redactSecrets(tidy);
  const cut = text.length > MAX_DESCRIPTION_CHARS;
  return { text: cut ? text.slice(0, MAX_DESCRIPTION_CHARS).trimEnd() : text, masked: found, cut };
}

function htmlToText(html: string): string {
  return html
    .replace(/<(?:br|\/p|\/div|\/li|\/h\d)\b[^<>]{0,200}>/gi, '\n')
    .replace(/<[^<>]{0,2000}>/g, '')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, name: string) => decodeEntity(name) ?? whole);
}

function decodeEntity(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (lower.startsWith('#')) {
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : undefined;
  }
  return ENTITIES[lower];
}
