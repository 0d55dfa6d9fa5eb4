import fc from 'fast-check';
import { createApp } from '../../src/app';
import { startServer, type RunningServer } from '../../src/server';
import { ConnectorStandIn } from '../helpers/connector-stand-in';
import { testConfig } from '../helpers/test-bot';
import { activityArb, brokenActivityArb, contentType, rawBody } from './arbitraries';
import { activity, repliesTo, poster } from './endpoint';
import { capturedLogger } from '../helpers/log-capture';
import { RecordingStorage } from './recording-storage';

const CONVERSATIONS = ['rand-conv-1', 'rand-conv-2', 'rand-conv-3', 'rand-conv-4'];
const USERS = ['rand-user-1', 'rand-user-2', 'aad-agent'];
// What internal text looks like: stack frames, source files, library and network errors.
const INTERNAL = /\n\s+at |node_modules|\.ts:\d+|ECONN|ZodError|TypeError|SyntaxError|Unexpected token|position \d+/;
const SHORT_ERROR = /^\{"error":"[^"]{5,90}"\}$/;

const storage = new RecordingStorage();
const log = capturedLogger('info');
const connector = new ConnectorStandIn();
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
const tally = { requests: 0, byStatus: new Map<number, number>() };
let server: RunningServer;
let post: ReturnType<typeof poster>;

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  await connector.start();
  const config = testConfig({ RATE_LIMIT_PER_MINUTE: '100000', SUPPORT_AGENTS: 'aad-agent' });
  server = await startServer(createApp(config, log.logger, { storage }), log.logger, {
    port: 0,
    host: '127.0.0.1',
    maxBodyBytes: 256 * 1024,
  });
  post = poster(server.url);
});
afterAll(async () => {
  process.removeListener('unhandledRejection', onRejection);
  await server.close();
  await connector.stop();
  const statuses = [...tally.byStatus]
    .sort()
    .map(([s, n]) => `${s}: ${n}`)
    .join(', ');
  process.stdout.write(`random input: ${tally.requests} requests (${statuses}); ${connector.calls.length} replies through the connector\n`);
});

async function check(res: Response): Promise<void> {
  tally.requests++;
  tally.byStatus.set(res.status, (tally.byStatus.get(res.status) ?? 0) + 1);
  const body = await res.text();
  expect(res.status).toBeLessThan(500);
  expect(body).not.toMatch(INTERNAL);
  if (res.status !== 200) expect(body).toMatch(SHORT_ERROR);
}

// A safety net on a busy machine, not a time budget.
jest.setTimeout(180_000);

describe('random input through the real endpoint (fast-check)', () => {
  it('when thousands of random activities and card payloads arrive, then none gets a 5xx, internal text or a crashed turn', async () => {
    await fc.assert(
      fc.asyncProperty(activityArb(connector.url, CONVERSATIONS, USERS), async (random) => check(await post(random))),
      { numRuns: 2500 },
    );
    expect(log.events().filter((e) => e.event === 'turn_failed')).toEqual([]);
  });

  it('when activities have a broken or missing envelope field, then a short 4xx or a handled turn, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(brokenActivityArb(connector.url, CONVERSATIONS, USERS), async (random) => check(await post(random))),
      { numRuns: 1000 },
    );
    expect(log.events().filter((e) => e.event === 'turn_failed')).toEqual([]);
  });

  it('when the body is not JSON, not an activity, or not sent as JSON, then a short 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(rawBody, contentType, async (body, type) => check(await post(body, type ? { 'content-type': type } : {}))),
      { numRuns: 500 },
    );
  });

  it('when the storm is over, then nothing rejected unhandled, every stored item reads back and each conversation still answers', async () => {
    expect(rejections).toEqual([]);
    const keys = [...new Set(storage.written)];
    const items = await storage.read(keys);
    expect(Object.keys(items).length).toBeGreaterThan(0);
    for (const id of CONVERSATIONS) {
      const replies = await repliesTo(
        post,
        activity('menu', { conversation: { id, conversationType: 'personal' }, from: { id: 'rand-user-1', name: 'Dana' } }),
      );
      expect(replies.length).toBeGreaterThan(0);
    }
  });
});
