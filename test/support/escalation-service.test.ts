import { MemoryStorage } from 'botbuilder';
import { silentLogger } from '../../src/logging/logger';
import { EscalationService, TicketLimitError, type TicketDelivery } from '../../src/support/escalation-service';
import { RetentionJob } from '../../src/support/retention-job';
import type { Ticket, TicketRequest } from '../../src/support/ticket';
import { TicketRepository } from '../../src/support/ticket-repository';

const request = (userId: string): TicketRequest => ({
  queue: 'microsoft-support',
  topic: 'unlink',
  language: 'en',
  user: { id: userId },
  description: 'Remove access does nothing',
  conversation: {},
  transcript: [{ from: 'user', text: 'unlink my mcid', at: new Date().toISOString() }],
});

describe('opening tickets', () => {
  it('when a delivery fails, then the ticket is still stored and the other deliveries still get it', async () => {
    const tickets = new TicketRepository(new MemoryStorage());
    const got: string[] = [];
    const failing: TicketDelivery = { name: 'down', deliver: async () => Promise.reject(new Error('webhook down')) };
    const working: TicketDelivery = { name: 'ok', deliver: async (t: Ticket) => void got.push(t.id) };
    const ticket = await new EscalationService(tickets, [failing, working], silentLogger).open(request('u1'));
    expect(await tickets.get(ticket.id)).toMatchObject({ id: ticket.id, status: 'open' });
    expect(got).toEqual([ticket.id]);
  });

  it('when a user reaches the hourly cap, then the next ticket is refused until an hour has passed', async () => {
    let now = Date.parse('2026-11-21T10:00:00Z');
    const tickets = new TicketRepository(new MemoryStorage(), { now: () => new Date(now) });
    const service = new EscalationService(tickets, [], silentLogger, 2);
    await service.open(request('busy'));
    await service.open(request('busy'));
    await expect(service.open(request('busy'))).rejects.toBeInstanceOf(TicketLimitError);
    await expect(service.open(request('someone-else'))).resolves.toMatchObject({ status: 'open' });
    now += 3601_000;
    await expect(service.open(request('busy'))).resolves.toMatchObject({ status: 'open' });
  });
});

describe('retention', () => {
  it('when transcripts are older than the retention period, then they are blanked and newer ones kept', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const tickets = new TicketRepository(new MemoryStorage(), { now: () => new Date(now) });
    const old = await tickets.create(request('u1'));
    now += 20 * 86_400_000;
    const recent = await tickets.create(request('u1'));
    now += 15 * 86_400_000;
    const job = new RetentionJob(tickets, 30, silentLogger, () => new Date(now));
    expect(await job.runOnce()).toBe(1);
    expect((await tickets.get(old.id))!.transcript).toEqual([]);
    expect((await tickets.get(recent.id))!.transcript).toHaveLength(1);
  });
});
