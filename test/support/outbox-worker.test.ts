import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryStorage } from 'botbuilder';
import { Outbox } from '../../src/support/outbox';
import { backoffMs, OutboxDelivery, OutboxWorker } from '../../src/support/outbox-worker';
import { postWebhook, SIGNATURE_HEADER, webhookPayload } from '../../src/support/webhook-sender';
import type { Ticket } from '../../src/support/ticket';
import { silentLogger } from '../../src/logging/logger';

const SECRET = 'test-webhook-secret';

/** A ticketing system's webhook endpoint that fails a set number of times first. */
function receiver(failures: number) {
  const received: { body: string; signature: string; deliveryId: string; status: number }[] = [];
  let calls = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      calls++;
      const status = calls <= failures ? 500 : 200;
      received.push({
        body: Buffer.concat(chunks).toString('utf8'),
        signature: String(req.headers[SIGNATURE_HEADER]),
        deliveryId: String(req.headers['x-delivery-id']),
        status,
      });
      // Not chained: restify, loaded by other suites in this worker, patches writeHead to return nothing.
      res.writeHead(status);
      res.end();
    });
  });
  return {
    received,
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`)),
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const ticket: Ticket = {
  id: 'CS-ABCDEF',
  queue: 'certification-support',
  topic: null,
  language: 'en',
  user: { id: 'u1', channelId: 'msteams' },
  description: 'merge please',
  conversation: { serviceUrl: 'x' },
  transcript: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  status: 'open',
  history: [{ at: '2026-01-01T00:00:00.000Z', status: 'open' }],
};

describe('webhook delivery through the outbox', () => {
  it('when the webhook answers 500 three times then 200, then the ticket arrives exactly once, signed', async () => {
    const hook = receiver(3);
    const url = await hook.start();
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const outbox = new Outbox(new MemoryStorage());
    const worker = new OutboxWorker(
      outbox,
      new Map([['webhook:cs', (item) => postWebhook({ url, secret: SECRET }, item.payload, item.id)]]),
      silentLogger,
      () => new Date(clock),
    );
    const delivery = new OutboxDelivery('webhook', outbox, worker, () => 'webhook:cs', webhookPayload);

    await delivery.deliver(ticket); // first attempt at once: 500
    for (let pass = 0; pass < 6; pass++) {
      clock += 11 * 60_000; // past the longest backoff
      await worker.runOnce();
    }

    expect(hook.received.map((r) => r.status)).toEqual([500, 500, 500, 200]);
    const delivered = hook.received.filter((r) => r.status === 200);
    expect(delivered).toHaveLength(1);
    const expected = `sha256=${createHmac('sha256', SECRET).update(delivered[0].body).digest('hex')}`;
    expect(timingSafeEqual(Buffer.from(delivered[0].signature), Buffer.from(expected))).toBe(true);
    expect(JSON.parse(delivered[0].body)).toMatchObject({ event: 'ticket.created', ticket: { id: 'CS-ABCDEF' } });
    expect(JSON.parse(delivered[0].body).ticket).not.toHaveProperty('conversation');
    expect(new Set(hook.received.map((r) => r.deliveryId)).size).toBe(1);
    expect(await outbox.due(new Date(clock + 3600_000))).toEqual([]);
    await hook.stop();
  });

  it('when a delivery fails, then the next attempt waits longer each time, up to ten minutes', () => {
    const waits = [1, 2, 3, 4, 12].map((n) => backoffMs(n, () => 1));
    expect(waits).toEqual([2000, 4000, 8000, 16000, 600000]);
    expect(backoffMs(1, () => 0)).toBe(1000);
  });

  it('when the process restarts with deliveries owed, then a new worker on the same store sends them', async () => {
    const hook = receiver(1000);
    const url = await hook.start();
    const storage = new MemoryStorage();
    const first = new Outbox(storage);
    const worker1 = new OutboxWorker(
      first,
      new Map([['webhook:cs', (item) => postWebhook({ url, secret: SECRET }, item.payload, item.id)]]),
      silentLogger,
    );
    await new OutboxDelivery('webhook', first, worker1, () => 'webhook:cs', webhookPayload).deliver(ticket);
    await hook.stop();

    const hook2 = receiver(0);
    const url2 = await hook2.start();
    const worker2 = new OutboxWorker(
      new Outbox(storage),
      new Map([['webhook:cs', (item) => postWebhook({ url: url2, secret: SECRET }, item.payload, item.id)]]),
      silentLogger,
      () => new Date(Date.now() + 3600_000),
    );
    expect(await worker2.runOnce()).toBe(1);
    expect(hook2.received).toHaveLength(1);
    await hook2.stop();
  });

  it('when a pass is so slow that its claim runs out, then the items left are not sent on it, and the next pass sends them once', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const outbox = new Outbox(new MemoryStorage());
    const sent: string[] = [];
    const slow = async (item: { id: string }) => {
      sent.push(item.id);
      clock += 61_000; // longer than the lease
    };
    const worker = new OutboxWorker(outbox, new Map([['t', slow]]), silentLogger, () => new Date(clock), { by: 'me', ms: 60_000 });
    for (const id of ['a', 'b'])
      await outbox.enqueue({ id, ticketId: 'CS-ABCDEF', target: 't', payload: {}, attempts: 0, nextAttemptAt: new Date(0).toISOString() });
    expect(await worker.runOnce()).toBe(1);
    expect(sent).toEqual(['a']);
    expect(await worker.runOnce()).toBe(1);
    expect(sent).toEqual(['a', 'b']);
    expect(await outbox.due(new Date(clock))).toEqual([]);
  });
});
