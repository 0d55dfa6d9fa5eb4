import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActivityTypes, MemoryStorage, TestAdapter, TurnContext, type Activity, type Storage } from 'botbuilder';
import { DedupeMiddleware, deliveredKey } from '../../src/bot/dedupe-middleware';
import { TurnClaims } from '../../src/bot/turn-claims';
import { beginTurnEnd, runTurnEnd } from '../../src/dialogs/turn-end';
import { silentLogger } from '../../src/logging/logger';
import { LmdbStorage } from '../../src/storage/lmdb-storage';

/** One bot instance: its own adapter and middleware over a store it may share with others. */
function instance(
  storage: Storage,
  clock = { now: Date.now() },
  options = { windowMs: 60 * 60_000, maxIds: 200, claimTimeoutMs: 30_000 },
  turn: (id: string) => Promise<void> = async () => undefined,
) {
  const ran: string[] = [];
  const adapter = new TestAdapter(async (context) => {
    ran.push(context.activity.id!);
    await turn(context.activity.id!);
    await context.sendActivity(`answer to ${context.activity.id}`);
  });
  adapter.use(new DedupeMiddleware(storage, silentLogger, { ...options, now: () => clock.now }));
  const deliver = async (activity: Partial<Activity>) => {
    await adapter.processActivity({
      type: ActivityTypes.Message,
      text: 'hello',
      conversation: { id: 'conv-1' } as Activity['conversation'],
      ...activity,
    } as Activity);
    return adapter.activeQueue.splice(0);
  };
  return { ran, deliver };
}

describe('DedupeMiddleware', () => {
  it('when an activity is delivered twice, then the turn runs once and the repeat gets no reply', async () => {
    const bot = instance(new MemoryStorage());
    expect(await bot.deliver({ id: 'a1' })).toHaveLength(1);
    expect(await bot.deliver({ id: 'a1' })).toEqual([]);
    expect(bot.ran).toEqual(['a1']);
  });

  it('when a card click is delivered twice, then the repeat still gets a 200 invoke response without running the turn', async () => {
    const bot = instance(new MemoryStorage());
    const click = {
      id: 'i1',
      type: ActivityTypes.Invoke,
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'menu' } },
    };
    await bot.deliver(click);
    const repeat = await bot.deliver(click);
    expect(repeat).toEqual([
      expect.objectContaining({ type: ActivityTypes.InvokeResponse, value: expect.objectContaining({ status: 200 }) }),
    ]);
    expect(bot.ran).toEqual(['i1']);
  });

  it('when two conversations use the same activity id, then both are handled', async () => {
    const bot = instance(new MemoryStorage());
    await bot.deliver({ id: 'same', conversation: { id: 'conv-a' } as Activity['conversation'] });
    await bot.deliver({ id: 'same', conversation: { id: 'conv-b' } as Activity['conversation'] });
    expect(bot.ran).toEqual(['same', 'same']);
  });

  it('when two instances share the store and get the same deliveries at the same moment, then each activity runs exactly once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dedupe-'));
    const one = instance(new LmdbStorage(join(dir, 'bot.mdb')));
    const two = instance(new LmdbStorage(join(dir, 'bot.mdb')));
    const ids = Array.from({ length: 30 }, (_, i) => `burst-${i}`);
    await Promise.all(ids.flatMap((id) => [one.deliver({ id }), two.deliver({ id })]));
    expect([...one.ran, ...two.ran].sort()).toEqual([...ids].sort());
  });

  it('when ids pile up, then a conversation keeps only the newest ids of the window, and an id older than the window runs again', async () => {
    const storage = new MemoryStorage();
    const clock = { now: 1_000_000 };
    const bot = instance(storage, clock, { windowMs: 10_000, maxIds: 5, claimTimeoutMs: 30_000 });
    for (let i = 0; i < 12; i++) {
      clock.now += 100;
      await bot.deliver({ id: `m${i}` });
    }
    const key = deliveredKey('test', 'conv-1');
    const doc = (await storage.read([key]))[key] as { ids: Record<string, number> };
    expect(Object.keys(doc.ids).sort()).toEqual(['m10', 'm11', 'm7', 'm8', 'm9']);

    clock.now += 10_000;
    await bot.deliver({ id: 'm11' });
    expect(bot.ran.filter((id) => id === 'm11')).toHaveLength(2);
  });

  it('when an activity has no id, then it is not deduplicated', async () => {
    const middleware = new DedupeMiddleware(new MemoryStorage(), silentLogger);
    const activity = { type: ActivityTypes.Message, channelId: 'test', conversation: { id: 'conv-1' } } as Activity;
    let runs = 0;
    for (let i = 0; i < 2; i++) await middleware.onTurn(new TurnContext(new TestAdapter(), activity), async () => void runs++);
    expect(runs).toBe(2);
  });

  it('when the instance running a turn died before finishing it, then a redelivery is skipped while the claim holds and runs once it lapsed', async () => {
    const storage = new MemoryStorage();
    const clock = { now: 1_000_000 };
    const options = { windowMs: 60 * 60_000, maxIds: 200, claimTimeoutMs: 30_000 };
    // The dead instance claimed the turn and never finished it.
    expect(await new TurnClaims(storage, { ...options, now: () => clock.now }).claim(deliveredKey('test', 'conv-1'), 'cut')).toBe(
      'claimed',
    );
    const survivor = instance(storage, clock, options);
    clock.now += 5_000;
    expect(await survivor.deliver({ id: 'cut' })).toEqual([]);
    clock.now += 25_000;
    expect(await survivor.deliver({ id: 'cut' })).toHaveLength(1);
    expect(await survivor.deliver({ id: 'cut' })).toEqual([]);
    expect(survivor.ran).toEqual(['cut']);
  });

  it('when the store does not answer, then the turn still runs (fail open)', async () => {
    const down: Storage = {
      read: () => Promise.reject(new Error('ECONNREFUSED')),
      write: () => Promise.reject(new Error('ECONNREFUSED')),
      delete: () => Promise.reject(new Error('ECONNREFUSED')),
    };
    const bot = instance(down);
    expect(await bot.deliver({ id: 'q1' })).toHaveLength(1);
    expect(bot.ran).toEqual(['q1']);
  });

  it('when two messages of one conversation arrive together on one or two instances, then the second turn starts only after the first ended', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dedupe-'));
    const log: string[] = [];
    const slowTurn = async (id: string) => {
      log.push(`start ${id}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      log.push(`end ${id}`);
    };
    const options = { windowMs: 60 * 60_000, maxIds: 200, claimTimeoutMs: 30_000 };
    const one = instance(new LmdbStorage(join(dir, 'bot.mdb')), undefined, options, slowTurn);
    const two = instance(new LmdbStorage(join(dir, 'bot.mdb')), undefined, options, slowTurn);
    await Promise.all([one.deliver({ id: 'x1' }), one.deliver({ id: 'x2' }), two.deliver({ id: 'y1' }), two.deliver({ id: 'y2' })]);
    expect(log).toHaveLength(8);
    for (let i = 0; i < 8; i += 2) {
      expect(log[i]).toMatch(/^start /);
      expect(log[i + 1]).toBe(log[i].replace('start', 'end'));
    }
  }, 30_000);

  describe('on a store that commits writes started together as one (finishWithState)', () => {
    const options = { windowMs: 60 * 60_000, maxIds: 200, claimTimeoutMs: 30_000, finishWithState: true };
    const claimsOf = async (storage: Storage) =>
      (await storage.read([deliveredKey('test', 'conv-1')]))[deliveredKey('test', 'conv-1')] as {
        ids: Record<string, number>;
        active?: unknown;
      };

    it('when the bot saves its state, then the done mark is started with that save, before the turn returns', async () => {
      const storage = new MemoryStorage();
      let seenAtSave: { ids: Record<string, number>; active?: unknown } | undefined;
      const adapter = new TestAdapter(async (context) => {
        beginTurnEnd(context);
        await Promise.all([storage.write({ state: { saved: true } }), ...runTurnEnd(context)]);
        seenAtSave = await claimsOf(storage);
        await context.sendActivity('answered');
      }).use(new DedupeMiddleware(storage, silentLogger, options));
      await adapter
        .send({ type: ActivityTypes.Message, id: 'm1', text: 'hi', conversation: { id: 'conv-1' } } as Activity)
        .assertReply('answered');
      expect(Object.keys(seenAtSave?.ids ?? {})).toEqual(['m1']);
      expect(seenAtSave?.active).toBeUndefined();
    });

    it('when the turn fails before any save, then the claim is still marked done and a redelivery is skipped', async () => {
      const storage = new MemoryStorage();
      const ran: string[] = [];
      const adapter = new TestAdapter(async (context) => {
        ran.push(context.activity.id!);
        throw new Error('boom');
      }).use(new DedupeMiddleware(storage, silentLogger, options));
      adapter.onTurnError = async () => undefined;
      const message = { type: ActivityTypes.Message, id: 'f1', text: 'hi', conversation: { id: 'conv-1' } } as Activity;
      await adapter.send(message).startTest();
      await adapter.send(message).startTest();
      expect(ran).toEqual(['f1']);
      expect(Object.keys((await claimsOf(storage)).ids)).toEqual(['f1']);
    });
  });
});
