import { cpSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConversationState, TestAdapter } from 'botbuilder';
import { createFeedbackLog } from '../../src/feedback/feedback-log';
import { openStorage, lmdbPath } from '../../src/storage/create-storage';
import { IMPORTED_DIR, importFileStore } from '../../src/storage/file-store-import';
import { LmdbStorage } from '../../src/storage/lmdb-storage';
import { silentLogger } from '../../src/logging/logger';
import { capturedLogger } from '../helpers/log-capture';
import { startBotProcess } from '../security/bot-process';
import { Outbox } from '../../src/support/outbox';
import { StorageChannelRegistry } from '../../src/support/channel-registry';
import { TicketRepository } from '../../src/support/ticket-repository';

// Written by the old FileStorage and the real repositories (state, tickets, indexes, outbox,
// registrations, feedback, a dedupe claim, a hashed long key), plus a torn temporary file and a lock folder.
const FIXTURE = join(__dirname, 'fixtures', 'file-store-data');

function oldDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'import-'));
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

async function everything(store: LmdbStorage) {
  const records = await store.readRange('');
  return records.filter((r) => !r.key.startsWith('meta/')).map((r) => r.key);
}

describe('import of the old file store', () => {
  it('when the bot first starts on a DATA_DIR of the file store, then every record is moved to LMDB, logged by kind, and the folder is kept aside', async () => {
    const dataDir = oldDataDir();
    const { logger: log, events } = capturedLogger();
    const store = (await openStorage(
      { STORAGE: 'lmdb', DATA_DIR: dataDir, AZURE_STORAGE_CONTAINER: 'x', AZURE_STORAGE_CONNECTION_STRING: undefined },
      log,
    )) as LmdbStorage;

    const tickets = new TicketRepository(store);
    expect((await tickets.listForUser({ id: '29:dana' })).map((t) => t.description)).toEqual([
      "ticket 0: le crédit AZ-104 n'apparaît pas",
      "ticket 1: le crédit AZ-104 n'apparaît pas",
    ]);
    expect(await tickets.listForQueue('microsoft-support')).toHaveLength(1);
    expect(await tickets.listForQueue('certification-support')).toHaveLength(2);
    expect(await new Outbox(store).due(new Date('2030-01-01'))).toHaveLength(1);
    expect(await new StorageChannelRegistry(store).channelFor('certification-support')).toMatchObject({
      conversation: { conversation: { id: '19:support@thread.tacv2' } },
    });
    const feedback = await createFeedbackLog(store).recent(30, new Date('2026-11-22T00:00:00Z'));
    expect(feedback.map((e) => e.kind)).toEqual(['unanswered', 'helpful', 'unanswered']);
    expect(feedback[2]).toMatchObject({ text: 'combien coûte AZ-104', lang: 'fr' });

    // Conversation state as botbuilder reads it back.
    const state = new ConversationState(store);
    let fallbacks: number | undefined;
    await new TestAdapter(async (context) => {
      fallbacks = (await state.createProperty<{ fallbacks: number }>('root').get(context))?.fallbacks;
    }).send('again');
    expect(fallbacks).toBe(1);
    expect(Object.keys(await store.read([`msteams/conversations/a:${'x'.repeat(300)}`]))).toHaveLength(1);

    const imported = events().find((l) => l.event === 'file_store_imported')!;
    expect(imported.counts).toEqual({
      'conversation state': 2,
      'user state': 1,
      tickets: 3,
      'ticket indexes': 4,
      outbox: 1,
      registrations: 1,
      'dedupe claims': 1,
      'feedback events': 3,
    });
    expect(existsSync(join(dataDir, 'state'))).toBe(false);
    expect(readdirSync(join(dataDir, IMPORTED_DIR)).length).toBeGreaterThan(10);
  });

  it('when an import was cut short and runs again, then nothing is lost or doubled, and a finished import never runs twice', async () => {
    const dataDir = oldDataDir();
    const store = new LmdbStorage(lmdbPath(dataDir));
    // A first run that stopped after part of the records (no marker written, folder still there).
    await store.insertMissing({ 'tickets/index/user/29:dana': { ids: ['CS-7JV9F6'] } });
    await importFileStore(dataDir, store, silentLogger);
    const keys = await everything(store);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => k.startsWith('feedback/events/'))).toHaveLength(3);
    expect(keys).toHaveLength(16);

    cpSync(join(FIXTURE, 'state'), join(dataDir, 'state'), { recursive: true });
    expect(await importFileStore(dataDir, store, silentLogger)).toBeUndefined();
    expect(await everything(store)).toEqual(keys);
  });

  it('when the bot process starts on a DATA_DIR of the file store, then it imports it before listening, logged by the storage component', async () => {
    const dataDir = oldDataDir();
    const bot = startBotProcess({ DATA_DIR: dataDir });
    try {
      const imported = await bot.waitFor('file_store_imported');
      expect(imported).toMatchObject({ component: 'storage', counts: expect.objectContaining({ tickets: 3 }) });
      await bot.waitFor('listening');
      const order = bot.events.map((e) => e.event);
      expect(order.indexOf('file_store_imported')).toBeLessThan(order.indexOf('listening'));
    } finally {
      bot.signal('SIGTERM');
      await bot.exited;
    }
    expect(existsSync(join(dataDir, IMPORTED_DIR))).toBe(true);
  }, 60_000);

  it('when DATA_DIR has no old store, then there is nothing to import', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'import-'));
    expect(await importFileStore(dataDir, new LmdbStorage(lmdbPath(dataDir)), silentLogger)).toBeUndefined();
  });
});
