import type { SupportQueue } from '../../src/knowledge/catalog';
import type { Ticket, TicketPerson } from '../../src/support/ticket';
import { pageOf, TicketSearch, ticketMatcher, type TicketSource } from '../../src/support/ticket-search';

const agent: TicketPerson = { id: 'agent', channelId: 'msteams' };
const isAgent = (p: TicketPerson) => p.id === 'agent' && p.channelId === 'msteams';
const limits = { queryChars: 20, scanPerQueue: 3, matches: 4, page: 2 };

function ticket(n: number, over: Partial<Ticket> = {}): Ticket {
  const id = `CS-${String(n)
    .padStart(6, '0')
    .replace(/[ILOU]/g, '0')}`;
  return {
    id,
    queue: 'certification-support',
    topic: null,
    language: 'en',
    user: { id: `u${n}`, name: `User ${n}`, channelId: 'msteams' },
    description: `question ${n}`,
    conversation: {},
    transcript: [],
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
    status: 'open',
    history: [],
    ...over,
  };
}

/** A source that records how much the search asked for. */
class CountingSource implements TicketSource {
  readonly asked: number[] = [];
  constructor(private readonly all: Ticket[]) {}
  async get(id: string) {
    return this.all.find((t) => t.id === id);
  }
  async newestForQueue(queue: SupportQueue, limit: number) {
    this.asked.push(limit);
    return this.all
      .filter((t) => t.queue === queue)
      .slice(-limit)
      .reverse();
  }
}

describe('ticket search', () => {
  const all = Array.from({ length: 9 }, (_, i) => ticket(i + 1));

  it('when a query is given, then only the newest tickets of each queue are scanned, and an older ticket is still found by its id', async () => {
    const source = new CountingSource(all);
    const search = new TicketSearch(source, isAgent, limits);
    const found = await search.search({ query: 'question', viewer: agent, count: 10 });
    expect(found).toEqual({ allowed: true, skip: 0, tickets: [all[8], all[7]] });
    expect(Math.max(...source.asked)).toBe(limits.scanPerQueue);
    expect(await search.search({ query: all[0].id, viewer: agent })).toEqual({ allowed: true, skip: 0, tickets: [all[0]] });
  });

  it('when many tickets are scanned, then the scan pauses between slices, so other work runs meanwhile', async () => {
    const many = Array.from({ length: 300 }, (_, i) => ticket(i + 1));
    let ticks = 0;
    let running = true;
    const tick = () => {
      ticks++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const search = new TicketSearch(new CountingSource(many), isAgent, { ...limits, scanPerQueue: 300 });
    expect(await search.search({ query: 'nothing like it', viewer: agent })).toEqual({ allowed: true, skip: 0, tickets: [] });
    running = false;
    // Without pauses the whole scan runs in one go of microtasks, and no tick gets in.
    expect(ticks).toBeGreaterThanOrEqual(5);
  });

  it('when the viewer is not on the support list, then nothing is read and nothing returned', async () => {
    const source = new CountingSource(all);
    const search = new TicketSearch(source, isAgent, limits);
    expect(await search.search({ query: '', viewer: { id: 'agent', channelId: 'webchat' } })).toEqual({ allowed: false });
    expect(source.asked).toEqual([]);
  });

  it('when paging values are missing, negative, fractional or huge, then they are clamped to the caps', () => {
    expect(pageOf(undefined, undefined, limits)).toEqual({ skip: 0, count: 2 });
    expect(pageOf(-3, 0.5, limits)).toEqual({ skip: 0, count: 1 });
    expect(pageOf(2.7, 99, limits)).toEqual({ skip: 2, count: 2 });
    expect(pageOf(Number.POSITIVE_INFINITY, '5', limits)).toEqual({ skip: 0, count: 2 });
    expect(pageOf(1e12, 1, limits)).toEqual({ skip: 4, count: 1 });
  });

  it("when a query has several words, then each must begin a word of the description or the requester's name", () => {
    const t = ticket(1, { description: 'Le profil ne s’affiche pas dans l’Espace partenaires', user: { id: 'x', name: 'Hélène' } });
    expect(ticketMatcher('espace part')(t)).toBe(true);
    expect(ticketMatcher('helene profil')(t)).toBe(true);
    expect(ticketMatcher('espace badge')(t)).toBe(false);
    expect(ticketMatcher('pa')(t)).toBe(false); // two letters must be a whole word
  });
});
