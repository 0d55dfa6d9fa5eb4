import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { createApp } from '../src/app';
import { silentLogger } from '../src/logging/logger';
import { MESSAGES, startServer, type RunningServer } from '../src/server';
import { strings } from '../src/i18n/strings';
import { textOf } from './helpers/cards';
import { RecordingFeedbackLog, testConfig } from './helpers/test-bot';
import { activity, click, poster, repliesTo } from './security/endpoint';
import { RecordingStorage } from './security/recording-storage';

let server: RunningServer;
let post: ReturnType<typeof poster>;
const storage = new RecordingStorage();
const feedback = new RecordingFeedbackLog();

beforeAll(async () => {
  const app = createApp(testConfig(), silentLogger, { storage, feedback });
  server = await startServer(app, silentLogger, { port: 0, host: '127.0.0.1', maxBodyBytes: 64 * 1024 });
  post = poster(server.url);
});
afterAll(() => server.close());

const french = (text: string, extra: Record<string, unknown> = {}) => activity(text, { locale: 'fr-FR', ...extra });
const json = { 'content-type': 'application/json' };

describe('HTTP endpoint', () => {
  it("when a message is posted with expectReplies, then the answer comes back as an Adaptive Card in the question's language", async () => {
    const activities = await repliesTo(post, french('quels examens donnent droit à des crédits universitaires ?'));
    const card = activities.flatMap((a) => a.attachments ?? [])[0];
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content.lang).toBe('fr');
    expect(textOf(card.content)).toContain('AZ-400');
  });

  it('when a card button is clicked (Action.Execute invoke), then the endpoint answers with the invoke response', async () => {
    const activities = await repliesTo(post, click({ verb: 'feedback', lang: 'fr', faqId: 'unlink', helpful: true }));
    const invoke = activities.find((a) => a.type === 'invokeResponse');
    expect(textOf((invoke!.value!.body as { value: Record<string, unknown> }).value)).toContain(strings('fr').feedbackThanks);
  });

  it('when GET /healthz is called, then it answers 200', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});

describe('HTTP endpoint, bad input: a 4xx with a short message, never library text', () => {
  const refusals: [string, number, string, () => Promise<Response>][] = [
    ['the body is not JSON', 400, MESSAGES.badJson, () => post('{"type": "message", "text": ', json)],
    ['the body is JSON but not an object', 400, MESSAGES.notActivity, () => post('[1, 2, 3]', json)],
    ['the body is null', 400, MESSAGES.notActivity, () => post('null', json)],
    ['the body is empty', 400, MESSAGES.notActivity, () => post('', json)],
    ['the body is not an activity', 400, MESSAGES.notActivity, () => post({ hello: 'world' })],
    ['the activity has no conversation', 400, MESSAGES.noConversation, () => post(activity('hi', { conversation: undefined }))],
    ['the activity has no sender', 400, MESSAGES.invalidField('from'), () => post(activity('hi', { from: {} }))],
    ['the text is not a string', 400, MESSAGES.invalidField('text'), () => post(activity('hi', { text: { evil: true } }))],
    [
      'the service URL is not a URL',
      400,
      MESSAGES.invalidField('serviceUrl'),
      () => post(activity('hi', { serviceUrl: 'file:///etc/passwd' })),
    ],
    ['the activity type is unknown', 400, MESSAGES.unknownType, () => post(activity('hi', { type: 'teleport' }))],
    [
      'an invoke names an operation the bot does not have',
      400,
      MESSAGES.unsupportedInvoke,
      () => post(activity('', { type: 'invoke', name: 'composeExtension/queryLink', deliveryMode: undefined })),
    ],
    ['the content type is text/plain', 415, MESSAGES.notJson, () => post(JSON.stringify(activity('hi')), { 'content-type': 'text/plain' })],
    [
      'the body is a form',
      415,
      MESSAGES.notJson,
      () => post('type=message&text=hi', { 'content-type': 'application/x-www-form-urlencoded' }),
    ],
    [
      'the body is multipart',
      415,
      MESSAGES.notJson,
      () =>
        post('--x\r\nContent-Disposition: form-data; name="type"\r\n\r\nmessage\r\n--x--', {
          'content-type': 'multipart/form-data; boundary=x',
        }),
    ],
    [
      'the body is gzipped',
      415,
      MESSAGES.notJson,
      () =>
        fetch(`${server.url}/api/messages`, {
          method: 'POST',
          headers: { ...json, 'content-encoding': 'gzip' },
          body: gzipSync(JSON.stringify(activity('hi'))),
        }),
    ],
    ['the declared body is over the limit', 413, MESSAGES.tooLarge, () => post(activity('x'.repeat(70 * 1024)))],
    ['a chunked body grows over the limit', 413, MESSAGES.tooLarge, () => postChunked(JSON.stringify(activity('x'.repeat(70 * 1024))))],
    ['the method is GET', 405, MESSAGES.methodNotAllowed, () => fetch(`${server.url}/api/messages`)],
    [
      'the path does not exist',
      404,
      MESSAGES.notFound,
      () => fetch(`${server.url}/api/<script>`, { method: 'POST', headers: json, body: '{}' }),
    ],
  ];

  it.each(refusals)('when %s, then %d and a short JSON message', async (_case, status, message, send) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(await res.text()).toBe(JSON.stringify({ error: message }));
  });
});

describe('HTTP endpoint, repeated deliveries', () => {
  it('when the same message is delivered twice, then it is answered once', async () => {
    const message = activity('Is AZ-104 eligible?', { conversation: { id: 'dup-conv-1' } });
    expect((await repliesTo(post, message)).length).toBeGreaterThan(0);
    expect(await repliesTo(post, message)).toEqual([]);
  });

  it('when the same card click is delivered twice, then the second gets a 200 invoke response and does not run again', async () => {
    const invoke = click(
      { verb: 'feedback', lang: 'en', faqId: 'link-how', helpful: false },
      { conversation: { id: 'dup-conv-2' }, deliveryMode: undefined },
    );
    const before = feedback.entries.length;
    const first = await post(invoke);
    const second = await post(invoke);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(feedback.entries.length).toBe(before + 1);
  });

  it('when the same id comes in another conversation, then it is a different activity and is answered', async () => {
    const id = 'same-id-elsewhere';
    expect((await repliesTo(post, activity('menu', { id, conversation: { id: 'dup-conv-3' } }))).length).toBeGreaterThan(0);
    expect((await repliesTo(post, activity('menu', { id, conversation: { id: 'dup-conv-4' } }))).length).toBeGreaterThan(0);
  });
});

describe('HTTP endpoint, the channel fails', () => {
  let connector: Server;
  beforeAll(async () => {
    // A Bot Connector that refuses every reply with an internal-looking message.
    connector = createServer((_req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'Forbidden', message: 'internal detail: tenant 42 blocked at gateway-7' } }));
    });
    await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise((resolve) => connector.close(resolve)));

  it("when sending the reply fails, then the caller gets a plain 200 with none of the connector's text", async () => {
    const serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
    const res = await post(
      activity('Is AZ-104 eligible?', { serviceUrl, deliveryMode: undefined, conversation: { id: 'failing-channel' } }),
    );
    expect(res.status).toBe(200);
    expect(await res.text()).not.toMatch(/internal detail|Forbidden|gateway|Error/);
  });
});

function postChunked(body: string): Promise<Response> {
  const stream = Readable.toWeb(Readable.from([body.slice(0, 1000), body.slice(1000)])) as ReadableStream;
  return fetch(`${server.url}/api/messages`, { method: 'POST', headers: json, body: stream, duplex: 'half' } as RequestInit);
}
