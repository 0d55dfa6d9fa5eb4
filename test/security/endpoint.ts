import { randomUUID } from 'node:crypto';

/** A Teams-shaped activity for the HTTP endpoint; replies come back in the response (expectReplies). */
export function activity(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: `act-${randomUUID()}`,
    text,
    locale: 'en-US',
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    deliveryMode: 'expectReplies',
    from: { id: 'user-1', name: 'Camille' },
    recipient: { id: 'bot' },
    conversation: { id: 'http-conv-1', conversationType: 'personal' },
    ...extra,
  };
}

/** An Action.Execute click, the way Teams delivers it. */
export function click(data: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return activity('', {
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: data.verb, data } },
    ...extra,
  });
}

export interface Reply {
  readonly type: string;
  readonly text?: string;
  readonly conversation?: { id: string };
  readonly attachments?: { contentType: string; content: Record<string, unknown> }[];
  readonly value?: { status?: number; body?: { value?: unknown } };
}

export function poster(baseUrl: string) {
  return (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${baseUrl}/api/messages`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

/** Posts and returns the replies, failing on anything but 200. */
export async function repliesTo(post: ReturnType<typeof poster>, body: unknown): Promise<Reply[]> {
  const res = await post(body);
  if (res.status !== 200) throw new Error(`expected 200, got ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { activities: Reply[] }).activities;
}
