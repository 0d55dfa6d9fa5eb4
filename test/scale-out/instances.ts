import { randomUUID } from 'node:crypto';
import { buttonByVerb, type Card } from '../helpers/cards';
import { startBotProcess, type BotProcess } from '../security/bot-process';

/** A bot process and how to talk to it over HTTP, as the Bot Connector would. */
export interface Instance {
  readonly name: string;
  readonly process: BotProcess;
  readonly url: string;
}

export interface Reply {
  readonly type: string;
  readonly text?: string;
  readonly attachments?: { content: Card }[];
  readonly value?: { body?: { type?: string; value?: Card } };
}

export async function startInstance(name: string, env: Record<string, string>): Promise<Instance> {
  const process = startBotProcess(env);
  const url = String((await process.waitFor('listening', 150_000)).url).replace(/\/api\/messages$/, '');
  return { name, process, url };
}

/** Posts one activity; resolves to the replies, or to the failure a channel would see (a cut connection). */
export async function deliver(
  to: Instance,
  activity: Record<string, unknown>,
): Promise<{ status: number; replies: Reply[] } | { failed: string }> {
  try {
    const res = await fetch(`${to.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const body = (await res.json().catch(() => ({}))) as { activities?: Reply[] };
    return { status: res.status, replies: body.activities ?? [] };
  } catch (error) {
    return { failed: String(error) };
  }
}

/** Posts and insists on a 200 with replies. */
export async function turn(to: Instance, activity: Record<string, unknown>): Promise<Reply[]> {
  const outcome = await deliver(to, activity);
  if ('failed' in outcome || outcome.status !== 200) throw new Error(`${to.name} answered ${JSON.stringify(outcome)}`);
  return outcome.replies;
}

export async function readiness(of: Instance): Promise<number> {
  return (await fetch(`${of.url}/readyz`)).status;
}

export interface Chat {
  readonly conversation: { id: string; conversationType: string };
  readonly from: { id: string; name: string; aadObjectId?: string };
  readonly serviceUrl: string;
  readonly locale?: string;
}

export function message(chat: Chat, text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: `act-${randomUUID()}`,
    text,
    channelId: 'msteams',
    serviceUrl: chat.serviceUrl,
    deliveryMode: 'expectReplies',
    locale: chat.locale ?? 'en-US',
    recipient: { id: 'bot' },
    from: chat.from,
    conversation: chat.conversation,
    ...extra,
  };
}

export function clickIn(chat: Chat, data: Record<string, unknown>, inputs: Record<string, unknown> = {}): Record<string, unknown> {
  return message(chat, '', {
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: data.verb, data: { ...data, ...inputs } } },
  });
}

/** The card the turn ended on: a new message, or the card that replaced the clicked one. */
export function cardIn(replies: Reply[]): Card {
  const replaced = replies.find((r) => r.type === 'invokeResponse')?.value?.body;
  if (replaced?.type === 'application/vnd.microsoft.card.adaptive') return replaced.value!;
  const card = replies
    .flatMap((r) => r.attachments ?? [])
    .map((a) => a.content)
    .pop();
  if (!card) throw new Error(`no card in ${JSON.stringify(replies).slice(0, 300)}`);
  return card;
}

/** Opens the support form of a user's chat ("I want to talk to someone", then the queue). */
export async function openSupportForm(on: Instance, chat: Chat): Promise<Card> {
  const question = cardIn(await turn(on, message(chat, 'I want to talk to someone')));
  return cardIn(await turn(on, clickIn(chat, buttonByVerb(question, 'support.queue', (d) => d.queue === 'microsoft-support').data)));
}

export function submitForm(chat: Chat, form: Card): Record<string, unknown> {
  return clickIn(chat, buttonByVerb(form, 'support.submit').data, {
    description: 'Associate Microsoft Learning account fails with an error',
    partnerId: '1234567',
  });
}

/** Runs `work` over the items with at most `width` at a time. */
export async function pool<T, R>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i], i);
      }
    }),
  );
  return results;
}

/** Polls until `done()` or the deadline; a bounded wait, not a timing assertion. */
export async function until(done: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const TICKET_ID = /(?:MS|CS)-[0-9A-Z]{6}/;
