import { LmdbStorage } from '../../src/storage/lmdb-storage';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startBotProcess, type BotProcess } from './bot-process';
import { activity } from './endpoint';

/** A Bot Connector that holds each reply until the test lets it through: a turn kept in flight on demand. */
class HeldConnector {
  private server: Server | undefined;
  private readonly held: ServerResponse[] = [];
  private arrived: (() => void) | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      req.resume();
      req.on('end', () => {
        this.held.push(res);
        this.arrived?.();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  replyArrived(): Promise<void> {
    return new Promise((resolve) => (this.held.length > 0 ? resolve() : (this.arrived = resolve)));
  }

  release(): void {
    for (const res of this.held.splice(0)) {
      // Not chained: restify, loaded by other suites in the same process, patches writeHead to return nothing.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"sent-1"}');
    }
  }

  stop(): Promise<void> {
    this.release();
    return new Promise((resolve) => this.server!.close(() => resolve()));
  }
}

describe('SIGTERM', () => {
  let bot: BotProcess;
  const connector = new HeldConnector();
  beforeAll(() => connector.start());
  afterAll(() => connector.stop());
  afterEach(() => bot.signal('SIGKILL'));

  it('when SIGTERM arrives during a turn, then new connections are refused, the turn finishes and is stored, and the process exits 0', async () => {
    bot = startBotProcess();
    const url = String((await bot.waitFor('listening')).url);
    const inFlight = fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        activity('Is AZ-104 eligible for college credit?', {
          deliveryMode: undefined,
          serviceUrl: connector.url,
          conversation: { id: 'sigterm-conv' },
        }),
      ),
    });
    await connector.replyArrived();

    bot.signal('SIGTERM');
    await bot.waitFor('shutdown_started');
    await expect(fetch(url.replace('/api/messages', '/healthz'))).rejects.toThrow();

    connector.release();
    expect((await inFlight).status).toBe(200);
    expect(await bot.exited).toBe(0);
    expect(bot.events.map((e) => e.event)).toEqual(expect.arrayContaining(['store_closed', 'shutdown_complete']));
    const stored = await new LmdbStorage(join(bot.dataDir, 'bot.mdb')).readRange('msteams/conversations/');
    expect(stored.some((r) => r.key.includes('sigterm-conv'))).toBe(true);
  });

  it('when a turn never finishes, then the process gives up at the deadline, closes the store first and exits non-zero', async () => {
    bot = startBotProcess({ SHUTDOWN_TIMEOUT_MS: '500' });
    const url = String((await bot.waitFor('listening')).url);
    void fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity('menu', { deliveryMode: undefined, serviceUrl: connector.url, conversation: { id: 'stuck-conv' } })),
    }).catch(() => undefined);
    await connector.replyArrived();
    bot.signal('SIGTERM');
    expect(await bot.exited).toBe(1);
    const events = bot.events.map((e) => e.event);
    expect(events).toContain('shutdown_timed_out');
    // An exit racing a pending LMDB write hangs: the store is closed after giving up, before the exit.
    expect(events.indexOf('store_closed')).toBeGreaterThan(events.indexOf('shutdown_timed_out'));
  });
});
