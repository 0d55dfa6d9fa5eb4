import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreItems } from 'botbuilder';
import { open } from 'lmdb';
import { createApp } from '../../src/app';
import { deliveredKey } from '../../src/bot/dedupe-middleware';
import { strings } from '../../src/i18n/strings';
import { startServer, type RunningServer } from '../../src/server';
import { LmdbStorage, QUARANTINE_PREFIX, storedKey } from '../../src/storage/lmdb-storage';
import type { RangeOptions } from '../../src/storage/range-storage';
import { TicketRepository } from '../../src/support/ticket-repository';
import { buttonByVerb, cardsOf, onlyCard, textOf } from '../helpers/cards';
import { createTestBot, testConfig } from '../helpers/test-bot';
import { activity, poster, repliesTo, type Reply } from '../security/endpoint';
import { capturedLogger } from '../helpers/log-capture';

const freshPath = () => join(mkdtempSync(join(tmpdir(), 'faults-')), 'bot.mdb');

/**
 * The data directory full or read-only, simulated by a wrapper around a real LMDB store: reads
 * work, every write, insert and delete fails at once as LMDB fails when its map is full.
 */
class FullStore {
  full = true;
  writes = 0;
  constructor(private readonly inner: LmdbStorage) {}
  read(keys: string[]) {
    return this.inner.read(keys);
  }
  readRange(prefix: string, options?: RangeOptions) {
    return this.inner.readRange(prefix, options);
  }
  deleteWhere(prefix: string, expired: (key: string, writtenAt: number) => boolean) {
    return this.inner.deleteWhere(prefix, expired);
  }
  write(items: StoreItems) {
    return this.attempt(() => this.inner.write(items));
  }
  insert(items: StoreItems) {
    return this.attempt(() => this.inner.insert(items));
  }
  delete(keys: string[]) {
    return this.attempt(() => this.inner.delete(keys));
  }
  private async attempt(act: () => Promise<void>): Promise<void> {
    this.writes++;
    if (this.full) throw new Error('MDB_MAP_FULL: Environment mapsize limit reached');
    return act();
  }
}

async function plant(path: string, key: string, raw: string): Promise<void> {
  const db = open<string, string>({ path, encoding: 'string', compression: false, cache: false });
  await db.put(storedKey(key), raw);
  await db.flushed;
}

const answerTitle = (replies: Reply[]) => textOf(cardsOf(replies as never)[0]);

describe('the store full or unwritable', () => {
  const log = capturedLogger('info');
  const store = new FullStore(new LmdbStorage(freshPath()));
  let server: RunningServer;
  let post: ReturnType<typeof poster>;
  beforeAll(async () => {
    server = await startServer(createApp(testConfig(), log.logger, { storage: store as never }), log.logger, {
      port: 0,
      host: '127.0.0.1',
      maxBodyBytes: 256 * 1024,
    });
    post = poster(server.url);
  });
  afterAll(() => server.close());

  it('when users ask FAQ questions, then every one is answered, and the fault is logged once a minute, not per turn', async () => {
    const questions = ['How do I unlink my MCID from my old company?', 'comment délier mon MCID de mon ancienne entreprise ?'];
    for (let i = 0; i < 6; i++) {
      const fr = i % 2 === 1;
      const replies = await repliesTo(
        post,
        activity(questions[i % 2], { conversation: { id: `full-${i}`, conversationType: 'personal' }, locale: fr ? 'fr-FR' : 'en-US' }),
      );
      expect(answerTitle(replies)).toContain(fr ? 'Dissocier votre profil de certification' : 'Unlink your certification profile');
    }
    expect(store.writes).toBeGreaterThanOrEqual(12);
    const events = log.events().map((e) => e.event);
    expect(events.filter((e) => e === 'turn_claim_unavailable')).toHaveLength(1);
    expect(events.filter((e) => e === 'state_write_failed')).toHaveLength(1);
    expect(events).not.toContain('turn_failed');
  });

  it('when a ticket cannot be stored, then the user is told so in their language and the form comes back filled in', async () => {
    const bot = createTestBot({ storage: store as never });
    const chat = bot.conversation({ locale: 'fr-FR' });
    const form = onlyCard(await chat.click({ verb: 'support', data: { verb: 'support', lang: 'fr', faqId: 'unlink' } }));
    const replies = await chat.click(buttonByVerb(form, 'support.submit'), {
      description: 'Le bouton Supprimer ne fait rien',
      email: 'camille@contoso.fr',
    });
    expect(replies.map((r) => r.text)).toContain(strings('fr').support.ticketNotFiled);
    const again = cardsOf(replies).at(-1)!;
    expect(textOf(again)).toContain('Le bouton Supprimer ne fait rien');
    expect(JSON.stringify(replies)).not.toContain('MDB_MAP_FULL');
  });
});

describe('a record that cannot be read', () => {
  it("when a conversation's dedupe record is corrupt, then its next message is answered, the record is set aside, and repeats are caught again", async () => {
    const path = freshPath();
    const storage = new LmdbStorage(path);
    const log = capturedLogger('info');
    const server = await startServer(createApp(testConfig(), log.logger, { storage }), log.logger, {
      port: 0,
      host: '127.0.0.1',
      maxBodyBytes: 256 * 1024,
    });
    try {
      const post = poster(server.url);
      const conversation = { id: 'corrupt-dedupe', conversationType: 'personal' };
      await plant(path, deliveredKey('msteams', conversation.id), '{"t":17,"v":{"ids":{"act-1":17');
      const message = activity('How do I unlink my MCID from my old company?', { conversation });
      expect(answerTitle(await repliesTo(post, message))).toContain('Unlink your certification profile');
      expect(await repliesTo(post, message)).toEqual([]);
      await storage.settled();
      expect((await storage.readRange(QUARANTINE_PREFIX)).map((r) => r.item.key)).toEqual([deliveredKey('msteams', conversation.id)]);
    } finally {
      await server.close();
    }
  });

  it('when a queue index is corrupt, then tickets of that queue are filed and listed, and no ticket is left unlisted', async () => {
    const path = freshPath();
    const storage = new LmdbStorage(path);
    await plant(path, 'tickets/index/queue/microsoft-support', '{"t":1,"v":{"ids":["MS-AAAA');
    await plant(path, 'tickets/by-queue/microsoft-support/2026-11-20T10:00:00.000Z.000001/MS-BBBBBB', '\u0000\u0001garbage');
    const tickets = new TicketRepository(storage);
    const request = (n: number) => ({
      queue: 'microsoft-support' as const,
      topic: 'unlink' as const,
      language: 'en' as const,
      user: { id: '29:dana' },
      description: `ticket ${n}`,
      conversation: {},
      transcript: [],
    });
    const filed = [await tickets.create(request(1) as never), await tickets.create(request(2) as never)];
    expect((await tickets.listForQueue('microsoft-support')).map((t) => t.id)).toEqual(filed.map((t) => t.id));
    expect((await storage.readRange('tickets/MS-')).map((r) => r.key)).toHaveLength(2);
    await storage.settled();
    expect(await storage.readRange(QUARANTINE_PREFIX)).toHaveLength(2);
  });
});
