import { MemoryStorage } from 'botbuilder';
import { createApp } from '../src/app';
import { silentLogger } from '../src/logging/logger';
import { startServer, type RunningServer } from '../src/server';
import { strings } from '../src/i18n/strings';
import { textOf } from './helpers/cards';
import { testConfig } from './helpers/test-bot';

let server: RunningServer;

beforeAll(async () => {
  const app = createApp(testConfig(), silentLogger, { storage: new MemoryStorage() });
  server = await startServer(app, silentLogger, { port: 0, host: '127.0.0.1', maxBodyBytes: 64 * 1024 });
});
afterAll(() => server.close());

function activity(text: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'message',
    id: `a-${Math.random()}`,
    text,
    locale: 'fr-FR',
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    deliveryMode: 'expectReplies',
    from: { id: 'user-1', name: 'Camille' },
    recipient: { id: 'bot' },
    conversation: { id: 'http-conv-1', conversationType: 'personal' },
    ...extra,
  };
}

const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${server.url}/api/messages`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('HTTP endpoint', () => {
  it('when a message is posted with expectReplies, then the answer comes back as an Adaptive Card in the question\'s language', async () => {
    const res = await post(activity("quels examens donnent droit à des crédits universitaires ?"));
    expect(res.status).toBe(200);
    const { activities } = (await res.json()) as { activities: { attachments?: { contentType: string; content: Record<string, unknown> }[] }[] };
    const card = activities.flatMap((a) => a.attachments ?? [])[0];
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content.lang).toBe('fr');
    expect(textOf(card.content)).toContain('AZ-400');
  });

  it('when a card button is clicked (Action.Execute invoke), then the endpoint answers with the invoke response', async () => {
    const res = await post(
      activity('', {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'feedback', data: { verb: 'feedback', lang: 'fr', faqId: 'unlink', helpful: true } } },
      }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { activities: { type: string; value?: { body?: { value?: Record<string, unknown> } } }[] };
    const invoke = body.activities.find((a) => a.type === 'invokeResponse');
    expect(textOf(invoke!.value!.body!.value!)).toContain(strings('fr').feedbackThanks);
  });

  it('when GET /healthz is called, then it answers 200', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('when the body is not an activity, then 400 with a short message and no library text', async () => {
    const res = await post({ hello: 'world' });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe(JSON.stringify({ error: 'The body must be a Bot Framework activity with a type.' }));
  });

  it('when the body is over the limit, then 413', async () => {
    const res = await post(activity('x'.repeat(70 * 1024)));
    expect(res.status).toBe(413);
  });
});
