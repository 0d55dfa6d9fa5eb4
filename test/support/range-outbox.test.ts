import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Outbox, type OutboxItem } from '../../src/support/outbox';
import { LEGACY_PENDING_KEY } from '../../src/support/range-outbox';
import { LmdbStorage } from '../../src/storage/lmdb-storage';

const T0 = new Date('2026-01-01T09:00:00Z');
const item = (id: string, target = 'channel:certification-support', extra: Partial<OutboxItem> = {}): OutboxItem => ({
  id,
  ticketId: `CS-${id.toUpperCase().padEnd(6, 'X').slice(0, 6)}`,
  target,
  payload: { event: 'ticket.created', ticketId: id },
  attempts: 0,
  nextAttemptAt: T0.toISOString(),
  ...extra,
});

const freshStore = () => new LmdbStorage(join(mkdtempSync(join(tmpdir(), 'range-outbox-')), 'bot.mdb'));

describe('the outbox on LMDB, one record per delivery', () => {
  it('when deliveries wait parked for a target not set up yet, then each new ticket writes one small record, and they go once it is', async () => {
    const store = freshStore();
    const outbox = new Outbox(store);
    for (let i = 0; i < 300; i++) await outbox.enqueue(item(`p${i}`));
    await outbox.settle(
      [],
      new Map(),
      (await outbox.claimDue(T0, 'a', 60_000, 1000)).map((i) => i.id),
    );
    expect(await outbox.due(T0)).toEqual([]);

    const written: number[] = [];
    const write = store.write.bind(store);
    const insert = store.insert.bind(store);
    jest.spyOn(store, 'insert').mockImplementation(async (items) => {
      written.push(JSON.stringify(items).length);
      return insert(items);
    });
    jest.spyOn(store, 'write').mockImplementation(async (items) => {
      written.push(JSON.stringify(items).length);
      return write(items);
    });
    await outbox.enqueue(item('new-one'));
    expect(written.length).toBe(1);
    expect(Math.max(...written)).toBeLessThan(1_000);
    expect((await outbox.due(T0)).map((i) => i.id)).toEqual(['new-one']);

    await outbox.unpark('channel:certification-support', T0);
    const due = await outbox.due(T0);
    expect(due).toHaveLength(301);
    expect(due.every((i) => !i.parked)).toBe(true);
    await store.close();
  });

  it('when a document outbox was left by an older version, then its items are owed here once, and the document is gone', async () => {
    const store = freshStore();
    await store.write({ [LEGACY_PENDING_KEY]: { items: [item('old1'), item('old2', 'webhook:x', { parked: true })] } });
    const [a, b] = [new Outbox(store), new Outbox(store)];
    const [dueA, dueB] = await Promise.all([a.due(T0), b.due(T0)]);
    expect(dueA.map((i) => i.id)).toEqual(['old1']);
    expect(dueB.map((i) => i.id)).toEqual(['old1']);
    expect(await store.read([LEGACY_PENDING_KEY])).toEqual({});
    await a.unpark('webhook:x', T0);
    expect((await a.due(T0)).map((i) => i.id).sort()).toEqual(['old1', 'old2']);
    await store.close();
  });

  it('when a ticket is erased before anything else touched an older document outbox, then its adopted deliveries are erased too', async () => {
    const store = freshStore();
    await store.write({ [LEGACY_PENDING_KEY]: { items: [{ ...item('l1'), ticketId: 'CS-L1XXXX' }] } });
    await new Outbox(store).scrub(['CS-L1XXXX']);
    expect((await new Outbox(store).due(T0)).map((i) => i.payload)).toEqual([{ ticketId: 'CS-L1XXXX', event: 'ticket.created' }]);
    await store.close();
  });

  it('when a ticket is erased, then its owed and parked deliveries keep only the ticket id', async () => {
    const store = freshStore();
    const outbox = new Outbox(store);
    await outbox.enqueue(item('e1'));
    await outbox.enqueue({ ...item('e2'), ticketId: 'CS-E1XXXX', parked: true });
    await outbox.scrub(['CS-E1XXXX']);
    expect((await outbox.due(T0))[0].payload).toEqual({ ticketId: 'CS-E1XXXX', event: 'ticket.created' });
    await outbox.unpark('channel:certification-support', T0);
    expect((await outbox.due(T0)).map((i) => i.payload)).toEqual([
      { ticketId: 'CS-E1XXXX', event: 'ticket.created' },
      { ticketId: 'CS-E1XXXX', event: 'ticket.created' },
    ]);
    await store.close();
  });
});
