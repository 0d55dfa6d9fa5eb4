import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestAdapter } from 'botbuilder';
import { createApp } from '../../src/app';
import { deliveredKey } from '../../src/bot/dedupe-middleware';
import { TurnDurabilityMiddleware } from '../../src/bot/turn-durability';
import { FEEDBACK_PREFIX } from '../../src/feedback/feedback-log';
import { silentLogger } from '../../src/logging/logger';
import { startServer } from '../../src/server';
import { LmdbStorage } from '../../src/storage/lmdb-storage';
import { textOf, type Card } from '../helpers/cards';
import { testConfig } from '../helpers/test-bot';
import { activity, poster } from '../security/endpoint';

describe('TurnDurabilityMiddleware', () => {
  it('when a turn ends, then the wait for the disk comes after all of its work', async () => {
    const events: string[] = [];
    const adapter = new TestAdapter(async (context) => {
      events.push('turn');
      await context.sendActivity('hi');
    }).use(new TurnDurabilityMiddleware(async () => void events.push('settled')));
    await adapter.send('hello').assertReply('hi');
    expect(events).toEqual(['turn', 'settled']);
  });

  it('when a turn fails, then its writes are still waited for before the error is handled', async () => {
    const events: string[] = [];
    const adapter = new TestAdapter(async () => {
      events.push('turn');
      throw new Error('boom');
    }).use(new TurnDurabilityMiddleware(async () => void events.push('settled')));
    adapter.onTurnError = async () => void events.push('error handled');
    await adapter.send('hello').startTest();
    expect(events).toEqual(['turn', 'settled', 'error handled']);
  });
});

describe('a FAQ turn on LMDB, through the endpoint', () => {
  it('when a question is answered, then its writes only commit and the turn waits once for the disk, before the response', async () => {
    const storage = new LmdbStorage(join(mkdtempSync(join(tmpdir(), 'durable-turn-')), 'bot.mdb'));
    const app = createApp(testConfig(), silentLogger, { storage });
    const server = await startServer(app, silentLogger, { port: 0, host: '127.0.0.1', maxBodyBytes: 256 * 1024 });
    const events: string[] = [];
    const flushingWrites = [jest.spyOn(storage, 'write'), jest.spyOn(storage, 'insert')];
    const settled = storage.settled.bind(storage);
    jest.spyOn(storage, 'settled').mockImplementation(async () => {
      await settled();
      events.push('settled');
    });
    try {
      const transactionsBefore = storage.stats().transactions;
      const res = await poster(server.url)(
        activity('Comment dissocier mon MCID de mon organisation ?', {
          id: 'durable-1',
          locale: 'fr-FR',
          channelId: 'emulator',
          from: { id: 'user-durable' },
          conversation: { id: 'conv-durable' },
        }),
      );
      const body = (await res.json()) as { activities: { attachments?: { content: Card }[] }[] };
      events.push('response');
      const card = body.activities.flatMap((a) => a.attachments ?? []).map((a) => a.content)[0];
      const unlink = app.kb.topics.find((t) => t.id === 'unlink');
      expect(textOf(card)).toContain(unlink?.fr.title);

      expect(events).toEqual(['settled', 'response']);
      expect(flushingWrites.map((spy) => spy.mock.calls.length)).toEqual([0, 0]);
      // Two commits: the claim, then the state with the insight and the claim's done mark.
      expect(storage.stats().transactions - transactionsBefore).toBe(2);
      // Everything the turn wrote is there: the claim marked done, the state, the insight.
      const claims = (await storage.read([deliveredKey('emulator', 'conv-durable')]))[deliveredKey('emulator', 'conv-durable')] as {
        ids: Record<string, number>;
        active?: unknown;
      };
      expect(Object.keys(claims.ids)).toEqual(['durable-1']);
      expect(claims.active).toBeUndefined();
      expect((await storage.readRange('emulator/conversations/')).length).toBe(1);
      expect((await storage.readRange(FEEDBACK_PREFIX)).map((r) => r.item.kind)).toContain('outcome');
    } finally {
      await server.close();
      await storage.close();
    }
  });
});
