import { MemoryStorage } from 'botbuilder';
import { Erasure } from '../../src/support/erasure';
import { Outbox } from '../../src/support/outbox';
import type { TicketRequest, UserRef } from '../../src/support/ticket';
import { ERASED, TicketRepository } from '../../src/support/ticket-repository';

const request = (user: UserRef & { name?: string }): TicketRequest => ({
  queue: 'certification-support',
  topic: null,
  language: 'fr',
  user,
  description: 'Fusionner mes deux profils, Camille Durand',
  email: 'camille@example.test',
  conversation: { channelId: user.channelId },
  transcript: [],
});

describe('erasure', () => {
  it('when a user is forgotten, then owed deliveries keep only the ticket id, follow-ups are queued, and every plugged-in eraser runs', async () => {
    const storage = new MemoryStorage();
    const tickets = new TicketRepository(storage);
    const outbox = new Outbox(storage);
    const me = { id: '29:camille', channelId: 'msteams', name: 'Camille Durand' };
    const mine = await tickets.create(request(me));
    const sameIdElsewhere = await tickets.create(request({ ...me, channelId: 'webchat' }));
    // An item as older versions queued it: the whole ticket in the payload.
    await outbox.enqueue({
      id: 'old',
      ticketId: mine.id,
      target: 'webhook:cs',
      payload: { event: 'ticket.created', ticket: mine },
      attempts: 3,
      nextAttemptAt: new Date(0).toISOString(),
    });
    const erased: UserRef[] = [];
    let kicks = 0;
    const erasure = new Erasure({
      tickets,
      outbox,
      erasers: [async (user) => void erased.push(user)],
      kick: () => void kicks++,
      followUps: (t) => [{ id: `update-${t.id}`, ticketId: t.id, target: 'channel:update', payload: { ticketId: t.id } }],
    });

    expect(await erasure.forget({ id: me.id, channelId: 'msteams' })).toBe(1);

    const owed = await outbox.due(new Date());
    expect(owed.map((i) => [i.id, i.payload])).toEqual([
      ['old', { ticketId: mine.id, event: 'ticket.created' }],
      [`update-${mine.id}`, { ticketId: mine.id }],
    ]);
    expect(JSON.stringify(owed)).not.toMatch(/Camille|camille@|Fusionner/);
    expect((await tickets.get(mine.id))!.description).toBe(ERASED);
    expect((await tickets.get(sameIdElsewhere.id))!.description).toBe(sameIdElsewhere.description);
    expect(erased).toEqual([{ id: me.id, channelId: 'msteams' }]);
    expect(kicks).toBe(1);
  });
});
