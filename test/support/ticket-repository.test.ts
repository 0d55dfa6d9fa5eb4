import { MemoryStorage } from 'botbuilder';
import type { SupportQueue } from '../../src/knowledge/catalog';
import type { TicketRequest } from '../../src/support/ticket';
import { TICKET_ID_PATTERN } from '../../src/support/ticket-id';
import { ERASED, TicketRepository } from '../../src/support/ticket-repository';
import { productionStores } from '../storage/stores';

const PER_INSTANCE = 50;

function request(overrides: Partial<TicketRequest> = {}): TicketRequest {
  return {
    queue: 'certification-support',
    topic: 'association-limit',
    language: 'fr',
    user: { id: '29:user-1', name: 'Dana Tester', aadObjectId: 'aad-1' },
    description: "Mon MCID n'est pas associé",
    email: 'dana@example.test',
    mcid: '987654321',
    partnerId: '1234567',
    errorMessage: 'Association limited',
    conversation: { conversation: { id: 'a:1' }, user: { id: '29:user-1', name: 'Dana Tester' } },
    transcript: [{ from: 'user', text: 'bonjour', at: '2025-01-01T00:00:00.000Z' }],
    ...overrides,
  };
}

describe.each(productionStores())('$name, ticket repository', (kind) => {
  it('when two instances each create 50 tickets at once for one user and one queue, then all 100 are stored once, with unique ids, and both indexes list all', async () => {
    const data = kind.fresh();
    const instances = [new TicketRepository(data.open()), new TicketRepository(data.open())];
    const created = await Promise.all(
      instances.flatMap((repository, i) =>
        Array.from({ length: PER_INSTANCE }, (_, n) => repository.create(request({ description: `${i}-${n}` }))),
      ),
    );
    const ids = created.map((t) => t.id);
    expect(new Set(ids).size).toBe(2 * PER_INSTANCE);
    ids.forEach((id) => expect(id).toMatch(/^CS-[0-9A-HJKMNP-TV-Z]{6}$/));

    const reader = new TicketRepository(data.open());
    const stored = await Promise.all(ids.map((id) => reader.get(id)));
    expect(stored).toEqual(created);
    expect((await reader.listForUser({ id: '29:user-1' })).map((t) => t.id).sort()).toEqual([...ids].sort());
    expect((await reader.listForQueue('certification-support')).map((t) => t.id).sort()).toEqual([...ids].sort());
    expect(await reader.listForQueue('microsoft-support')).toEqual([]);
  }, 30_000);

  it('when two instances change one ticket 25 times each at once, then every change is kept', async () => {
    const data = kind.fresh();
    const [a, b] = [new TicketRepository(data.open()), new TicketRepository(data.open())];
    const ticket = await a.create(request());
    const note = (by: string, n: number) => (t: typeof ticket) => ({
      ...t,
      history: [...t.history, { at: t.createdAt, status: t.status, note: `${by}${n}` }],
    });
    await Promise.all(
      [a, b].flatMap((repository, i) => Array.from({ length: 25 }, (_, n) => repository.update(ticket.id, note('ab'[i], n)))),
    );
    const notes = (await a.get(ticket.id))!.history.map((e) => e.note).filter(Boolean);
    expect(notes.sort()).toEqual(
      [...Array.from({ length: 25 }, (_, n) => `a${n}`), ...Array.from({ length: 25 }, (_, n) => `b${n}`)].sort(),
    );
  }, 30_000);

  it('when a ticket is read after a restart, then it is whole, and its status can be listed and changed', async () => {
    const data = kind.fresh();
    const first = new TicketRepository(data.open());
    const ms = await first.create(request({ queue: 'microsoft-support' }));
    const cs = await first.create(request());
    const restarted = new TicketRepository(data.open());
    expect(await restarted.get(ms.id)).toEqual(ms);
    expect(ms.id).toMatch(/^MS-/);
    const assigned = await restarted.update(cs.id, (t) => ({ ...t, status: 'assigned', assignee: { id: 'agent-1', name: 'Agent' } }));
    expect(assigned.status).toBe('assigned');
    expect((await first.listForQueue('certification-support', 'assigned')).map((t) => t.id)).toEqual([cs.id]);
    expect(await first.listForQueue('certification-support', 'open')).toEqual([]);
    expect((await first.listForUser({ id: '29:user-1' })).map((t) => t.id)).toEqual([ms.id, cs.id]);
  });

  it('when a ticket is missing or the id is malformed, then get finds nothing and update is refused', async () => {
    const repository = new TicketRepository(kind.fresh().open());
    expect(await repository.get('CS-ZZZZZZ')).toBeUndefined();
    expect(await repository.get('index/user/29:user-1')).toBeUndefined();
    await expect(repository.update('CS-ZZZZZZ', (t) => t)).rejects.toThrow(/no ticket CS-ZZZZZZ/);
  });

  it('when transcripts pass the retention period, then they are emptied and newer tickets keep theirs', async () => {
    const data = kind.fresh();
    let now = new Date('2025-01-01T00:00:00Z');
    const repository = new TicketRepository(data.open(), { now: () => now });
    const old = await repository.create(request());
    const oldOther = await repository.create(request({ queue: 'microsoft-support', user: { id: 'u2' } }));
    now = new Date('2025-03-01T00:00:00Z');
    const recent = await repository.create(request());
    expect(await repository.purgeTranscriptsOlderThan(30, new Date('2025-03-02T00:00:00Z'))).toBe(2);
    expect((await repository.get(old.id))!.transcript).toEqual([]);
    expect((await repository.get(oldOther.id))!.transcript).toEqual([]);
    expect((await repository.get(recent.id))!.transcript).toEqual(recent.transcript);
    expect((await repository.get(old.id))!.description).toBe(old.description);
  });

  it("when a user asks to be forgotten, then their tickets lose their personal data, keep ids and status, and other users' tickets are untouched", async () => {
    const repository = new TicketRepository(kind.fresh().open(), { now: () => new Date('2025-02-01T00:00:00Z') });
    const created = await repository.create(request());
    // The user answered support on it: their words and name are in the history.
    const mine = await repository.update(created.id, (t) => ({
      ...t,
      history: [
        ...t.history,
        {
          at: t.createdAt,
          status: t.status,
          by: { id: '29:user-1', name: 'Dana' },
          note: 'my e-mail is dana@contoso.com',
          kind: 'user-message' as const,
        },
      ],
    }));
    const other = await repository.create(request({ user: { id: 'u2', name: 'Sam' } }));
    expect(await repository.forgetUser({ id: '29:user-1' })).toHaveLength(1);
    const forgotten = (await repository.get(mine.id))!;
    expect(forgotten).toMatchObject({
      id: mine.id,
      status: 'open',
      queue: mine.queue,
      topic: mine.topic,
      description: ERASED,
      transcript: [],
    });
    expect(forgotten.user).toEqual({ id: '29:user-1', aadObjectId: 'aad-1' });
    for (const field of ['email', 'mcid', 'partnerId', 'errorMessage'] as const) expect(forgotten).not.toHaveProperty(field);
    expect(JSON.stringify(forgotten)).not.toMatch(/Dana|dana@|987654321|1234567|bonjour/);
    expect((await repository.listForUser({ id: '29:user-1' })).map((t) => t.id)).toEqual([mine.id]);
    expect(await repository.get(other.id)).toEqual(other);
    await repository.forgetUser({ id: '29:user-1' });
    expect((await repository.get(mine.id))!.history).toHaveLength(3);
  });
});

describe('ticket repository ids', () => {
  it('when a drawn id is already taken, then another one is drawn', async () => {
    const draws = ['CS-AAAAAA', 'CS-AAAAAA', 'CS-BBBBBB'];
    const repository = new TicketRepository(new MemoryStorage(), { newId: () => draws.shift()! });
    expect((await repository.create(request())).id).toBe('CS-AAAAAA');
    expect((await repository.create(request())).id).toBe('CS-BBBBBB');
  });

  it('when no free id is found after a few draws, then create fails instead of overwriting', async () => {
    const repository = new TicketRepository(new MemoryStorage(), { newId: () => 'CS-AAAAAA' });
    const first = await repository.create(request());
    await expect(repository.create(request({ description: 'second' }))).rejects.toThrow(/no free ticket id/);
    expect((await repository.get('CS-AAAAAA'))!.description).toBe(first.description);
  });

  it.each<SupportQueue>(['certification-support', 'microsoft-support'])(
    'when a %s ticket is created, then its id matches the ticket id pattern',
    async (queue) => {
      const ticket = await new TicketRepository(new MemoryStorage()).create(request({ queue }));
      expect(ticket.id).toMatch(TICKET_ID_PATTERN);
    },
  );
});
