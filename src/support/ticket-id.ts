import { randomBytes } from 'node:crypto';
import type { SupportQueue } from '../knowledge/catalog';
import { QUEUE_PREFIX } from './ticket';

/** Crockford's base32: no I, L, O or U, so an id read aloud or retyped is not misread. */
export const TICKET_ID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 6;

/** `CS-7KQ2MX`: the queue prefix and 6 random characters (32^6, about a billion per queue). */
export function newTicketId(queue: SupportQueue): string {
  // 256 is a multiple of 32, so masking a random byte keeps every character equally likely.
  const chars = [...randomBytes(LENGTH)].map((byte) => TICKET_ID_ALPHABET[byte & 31]);
  return `${QUEUE_PREFIX[queue]}-${chars.join('')}`;
}

export const TICKET_ID_PATTERN = new RegExp(`^(${Object.values(QUEUE_PREFIX).join('|')})-[${TICKET_ID_ALPHABET}]{${LENGTH}}$`);
