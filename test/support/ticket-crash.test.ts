import type { Ticket } from '../../src/support/ticket';
import { TicketRepository } from '../../src/support/ticket-repository';
import { productionStores } from '../storage/stores';
import { startWorker } from '../storage/worker';

/** Enough tickets that the kill lands in the middle of the loop, well after start-up. */
const ACKNOWLEDGED_BEFORE_KILL = 30;

describe.each(productionStores())('$name, when a bot process dies', (kind) => {
  it('when it is killed with SIGKILL while creating tickets, then after a restart every acknowledged ticket is there, whole, and listed', async () => {
    const data = kind.fresh();
    const worker = startWorker(['tickets', 'crash-user', ...data.args]);
    await worker.waitForLines(ACKNOWLEDGED_BEFORE_KILL);
    expect(await worker.kill('SIGKILL')).toBe('SIGKILL');

    const acknowledged = worker.lines.map((line) => JSON.parse(line) as Ticket);
    expect(acknowledged.length).toBeGreaterThanOrEqual(ACKNOWLEDGED_BEFORE_KILL);
    const restarted = new TicketRepository(data.open());
    for (const ticket of acknowledged) expect(await restarted.get(ticket.id)).toEqual(ticket);
    const listed = new Set((await restarted.listForUser({ id: 'crash-user' })).map((t) => t.id));
    expect(acknowledged.filter((t) => !listed.has(t.id))).toEqual([]);

    // A lock the dead writer held is taken over, so the restarted bot can write again.
    const next = await restarted.create({ ...acknowledged[0], description: 'after the crash' });
    expect(await restarted.get(next.id)).toEqual(next);
  }, 30_000);
});
