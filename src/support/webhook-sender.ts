import { createHmac } from 'node:crypto';
import type { Ticket } from './ticket';

export interface WebhookTarget {
  readonly url: string;
  readonly secret: string;
}

export const SIGNATURE_HEADER = 'x-signature-256';

/** `sha256=<hex>` over the exact body, as GitHub-style webhooks do, so receivers verify it with any HMAC library. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export type WebhookEvent = 'ticket.created' | 'ticket.erased' | 'ticket.user-message';

/**
 * The JSON a ticketing system receives: the ticket as stored when it is sent (so an erased
 * ticket goes out erased), without the conversation reference or the support card's address.
 */
export function webhookPayload(ticket: Ticket, event: WebhookEvent = 'ticket.created'): Record<string, unknown> {
  const { conversation: _conversation, supportPost: _supportPost, ...rest } = ticket;
  return { event, ticket: rest };
}

/** The user's latest answer on a ticket, for the ticketing system to add to its case. */
export function userMessagePayload(ticket: Ticket): Record<string, unknown> {
  const message = [...ticket.history].reverse().find((h) => h.kind === 'user-message');
  return {
    event: 'ticket.user-message',
    ticketId: ticket.id,
    queue: ticket.queue,
    message: message ? { at: message.at, text: message.note ?? '' } : undefined,
  };
}

/** POSTs one payload; any non-2xx or network error throws, and the outbox tries again later. */
export async function postWebhook(target: WebhookTarget, payload: unknown, deliveryId: string, timeoutMs = 10_000): Promise<void> {
  const body = JSON.stringify(payload);
  const response = await fetch(target.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: signBody(body, target.secret),
      // Lets the receiver drop a repeat if our acknowledgement was lost after it answered.
      'x-delivery-id': deliveryId,
    },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`webhook answered ${response.status}`);
}
