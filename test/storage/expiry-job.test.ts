import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config';
import { ExpiryJob } from '../../src/storage/expiry-job';
import { LmdbStorage } from '../../src/storage/lmdb-storage';
import { capturedLogger } from '../helpers/log-capture';

const DAY = 86_400_000;

describe('expiry of aged records', () => {
  it('when records outlive their rule, then one sweep deletes them, and tickets, outbox and recent records stay', async () => {
    const clock = { now: Date.parse('2026-01-01T00:00:00Z') };
    const store = new LmdbStorage(join(mkdtempSync(join(tmpdir(), 'expiry-')), 'bot.mdb'), { now: () => clock.now });
    const config = loadConfig({});
    expect(config).toMatchObject({
      CONVERSATION_STATE_TTL_DAYS: 30,
      USER_STATE_TTL_DAYS: 180,
      DEDUPE_TTL_HOURS: 24,
      FEEDBACK_RETENTION_DAYS: 400,
    });
    await store.write({
      'msteams/conversations/a:quiet/': { dialogState: {} },
      'msteams/users/29:quiet/': { language: 'fr' },
      'delivered/msteams/a:quiet': { ids: {} },
      'feedback/events/2026-01-01T00:00:00.000Z/x': { kind: 'unanswered' },
      'tickets/MS-7KQ2MX': { id: 'MS-7KQ2MX' },
      'outbox/pending': { items: [] },
    });
    clock.now += 31 * DAY;
    await store.write({ 'msteams/conversations/a:active/': { dialogState: {} } });
    const { logger, events } = capturedLogger();
    const job = new ExpiryJob(store, config, logger, () => clock.now);

    expect(await job.runOnce()).toEqual({ 'conversation state': 1, 'dedupe claims': 1 });
    clock.now += 150 * DAY;
    expect(await job.runOnce()).toEqual({ 'conversation state': 1, 'user state': 1 });
    clock.now += 400 * DAY;
    expect(await job.runOnce()).toEqual({ feedback: 1 });
    expect((await store.readRange('')).map((r) => r.key)).toEqual(['outbox/pending', 'tickets/MS-7KQ2MX']);
    expect(events()).toContainEqual(expect.objectContaining({ event: 'records_expired', counts: { feedback: 1 } }));
  });

  it('when a free-page pass was cut off, then the fillers it left go at the first sweep an hour later', async () => {
    const clock = { now: Date.parse('2026-01-01T00:00:00Z') };
    const store = new LmdbStorage(join(mkdtempSync(join(tmpdir(), 'expiry-')), 'bot.mdb'), { now: () => clock.now });
    await store.write({ 'scrub/fill/000000001': { fill: 'x' }, 'scrub/tick': { i: 2 }, 'tickets/MS-7KQ2MX': { id: 'MS-7KQ2MX' } });
    const job = new ExpiryJob(store, loadConfig({}), capturedLogger().logger, () => clock.now);

    clock.now += 30 * 60_000;
    expect(await job.runOnce()).toEqual({});
    clock.now += 31 * 60_000;
    expect(await job.runOnce()).toEqual({ 'scrub fillers': 2 });
    expect((await store.readRange('')).map((r) => r.key)).toEqual(['tickets/MS-7KQ2MX']);
  });

  it('when the schedule is configured, then bad values are refused', () => {
    expect(() => loadConfig({ CONVERSATION_STATE_TTL_DAYS: '0' })).toThrow(/CONVERSATION_STATE_TTL_DAYS/);
    expect(loadConfig({ USER_STATE_TTL_DAYS: '90', EXPIRY_INTERVAL_MINUTES: '15' })).toMatchObject({
      USER_STATE_TTL_DAYS: 90,
      EXPIRY_INTERVAL_MINUTES: 15,
    });
  });
});
