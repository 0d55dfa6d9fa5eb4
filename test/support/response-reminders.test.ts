import { MemoryStorage } from 'botbuilder';
import { readFileSync } from 'node:fs';
import { silentLogger } from '../../src/logging/logger';
import { ResponseReminderJob } from '../../src/support/response-reminders';
import { routingFileSchema, type RoutingRules } from '../../src/support/routing';
import type { TicketRequest } from '../../src/support/ticket';
import { TicketRepository } from '../../src/support/ticket-repository';

const content = routingFileSchema.parse(JSON.parse(readFileSync('content/support-routing.json', 'utf8')));
// Paris, Monday to Friday 9–17, a first answer within 4 working hours.
const routing: RoutingRules = {
  ...content,
  queues: {
    ...content.queues,
    'certification-support': {
      ...content.queues['certification-support']!,
      responseTarget: {
        workingHours: { timeZone: 'Europe/Paris', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' },
        firstResponseHours: 4,
      },
    },
  },
};

const request: TicketRequest = {
  queue: 'certification-support',
  topic: null,
  language: 'fr',
  user: { id: '29:user-1', name: 'Dana Tester' },
  description: 'Merci de fusionner mes deux profils',
  conversation: {},
  transcript: [],
};

/** A fake clock the test moves; the jobs and the repository read it. */
function clock(start: string) {
  let at = new Date(start);
  return { now: () => at, set: (iso: string) => (at = new Date(iso)) };
}

async function setUp() {
  const storage = new MemoryStorage();
  const time = clock('2026-11-27T15:30:00.000Z'); // Friday 16:30 in Paris
  const tickets = new TicketRepository(storage, { now: time.now });
  const ticket = await tickets.create(request);
  const supportPost = { activityId: 'post-1', conversation: { conversation: { id: '19:cs@thread.tacv2' } } };
  await tickets.update(ticket.id, (t) => ({ ...t, supportPost }));
  const sent: { id: string; count: number; due: string }[] = [];
  // Each "instance" or "restart" is a new job over the same store, as a new process would be.
  const instance = () =>
    new ResponseReminderJob(
      new TicketRepository(storage),
      routing,
      async (t, count, due) => void sent.push({ id: t.id, count, due: due.toISOString() }),
      silentLogger,
      time.now,
    );
  return { time, tickets, ticket, sent, instance };
}

describe('response-target reminders', () => {
  it('when a ticket filed Friday 16:30 waits over the weekend, then reminders at Monday 12:30 and 16:30, none after restarts', async () => {
    const { time, ticket, sent, instance } = await setUp();
    const due = '2026-11-30T11:30:00.000Z';

    time.set('2026-11-29T20:00:00.000Z'); // Sunday evening: the weekend does not count
    expect(await instance().runOnce()).toBe(0);
    time.set('2026-11-30T11:29:00.000Z');
    expect(await instance().runOnce()).toBe(0);

    time.set('2026-11-30T11:30:00.000Z'); // Monday 12:30 in Paris
    expect(await instance().runOnce()).toBe(1);
    expect(await instance().runOnce()).toBe(0); // a restart: nothing new
    expect(sent).toEqual([{ id: ticket.id, count: 1, due }]);

    time.set('2026-11-30T15:30:00.000Z'); // Monday 16:30: twice the target
    expect(await instance().runOnce()).toBe(1);
    time.set('2026-12-07T10:00:00.000Z'); // a week later
    expect(await instance().runOnce()).toBe(0);
    expect(sent).toEqual([
      { id: ticket.id, count: 1, due },
      { id: ticket.id, count: 2, due },
    ]);
  });

  it('when two instances run at the same moment, then the reminder goes out once', async () => {
    const { time, sent, instance } = await setUp();
    time.set('2026-11-30T12:00:00.000Z');
    const counts = await Promise.all([instance().runOnce(), instance().runOnce(), instance().runOnce()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(sent).toHaveLength(1);
  });

  it('when the ticket is assigned before its target, or has no card in a channel yet, then nobody is reminded', async () => {
    const { time, tickets, ticket, sent, instance } = await setUp();
    const parked = await tickets.create(request);
    await tickets.update(ticket.id, (t) => ({ ...t, status: 'assigned', assignee: { id: '29:agent' } }));
    time.set('2026-12-07T10:00:00.000Z');
    expect(await instance().runOnce()).toBe(0);
    expect(sent).toEqual([]);
    expect((await tickets.get(parked.id))!.remindersSent).toBeUndefined();
  });
});
