import { SUPPORT_QUEUES, type SupportQueue } from '../knowledge/catalog';
import { foldAccents } from '../matching/text-normalizer';
import { userChannel, type Ticket, type TicketPerson } from './ticket';
import { TICKET_ID_PATTERN } from './ticket-id';

/** What the search reads: one ticket by id, or a queue's newest tickets (see TicketRepository). */
export interface TicketSource {
  get(id: string): Promise<Ticket | undefined>;
  newestForQueue(queue: SupportQueue, limit: number): Promise<Ticket[]>;
}

export interface TicketSearchLimits {
  /** Characters of the query kept; an id, an e-mail or a few words fit well within it. */
  readonly queryChars: number;
  /** Newest tickets read per queue: older ones are found by their id. */
  readonly scanPerQueue: number;
  /** Matches kept across every page. */
  readonly matches: number;
  /** Results on one page, whatever count the client asks for. */
  readonly page: number;
}

export const TICKET_SEARCH_LIMITS: TicketSearchLimits = { queryChars: 100, scanPerQueue: 500, matches: 50, page: 10 };

export interface TicketSearchRequest {
  readonly query: string;
  readonly viewer: TicketPerson;
  /** Paging as the client sent it: clamped here. */
  readonly skip?: unknown;
  readonly count?: unknown;
}

/** `allowed` false: the viewer is not support, and sees no ticket at all. */
export type TicketSearchResult =
  { readonly allowed: false } | { readonly allowed: true; readonly tickets: readonly Ticket[]; readonly skip: number };

/** Lower case, accents folded: "Hélène" is found by "helene". */
const fold = (text: string) => foldAccents(text.toLowerCase());
// One pass over the text, no nested quantifier: linear.
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
/** " word word … ": each word with a space before and after, so a word start is one `includes`. */
const spaced = (text: string) => ` ${fold(text).replace(NOT_WORD, ' ').trim()} `;
const wordsOf = (text: string) =>
  spaced(text)
    .split(' ')
    .filter((w) => w.length > 0);
/** Tickets matched between two pauses, so a long scan never holds the event loop for long. */
const SLICE = 50;
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Clamps the client's paging to what the search keeps: never a negative, fractional or huge number. */
export function pageOf(skip: unknown, count: unknown, limits: { matches: number; page: number }): { skip: number; count: number } {
  const int = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? Math.floor(value) : fallback);
  return {
    skip: Math.min(Math.max(int(skip, 0), 0), limits.matches),
    count: Math.min(Math.max(int(count, limits.page), 1), limits.page),
  };
}

/**
 * Finds tickets for support people: by id, requester name or e-mail, MCID, Partner ID or words of
 * the description; with no query, the open tickets and those assigned to the viewer. Who may
 * search is decided here, by the same rule as the ticket card's actions, never by the caller.
 */
export class TicketSearch {
  constructor(
    private readonly source: TicketSource,
    private readonly isAgent: (person: TicketPerson) => boolean,
    private readonly limits: TicketSearchLimits = TICKET_SEARCH_LIMITS,
  ) {}

  canSearch(viewer: TicketPerson): boolean {
    return this.isAgent(viewer);
  }

  async search(request: TicketSearchRequest): Promise<TicketSearchResult> {
    if (!this.isAgent(request.viewer)) return { allowed: false };
    const query = request.query.slice(0, this.limits.queryChars).trim();
    const { skip, count } = pageOf(request.skip, request.count, this.limits);
    const matches = (await this.matches(query, request.viewer)).slice(0, this.limits.matches);
    return { allowed: true, tickets: matches.slice(skip, skip + count), skip };
  }

  /** One ticket by its id, for the card inserted when a result is picked; support only. */
  async ticket(id: string, viewer: TicketPerson): Promise<TicketSearchResult> {
    if (!this.isAgent(viewer)) return { allowed: false };
    const ticket = TICKET_ID_PATTERN.test(id) ? await this.source.get(id) : undefined;
    return { allowed: true, tickets: ticket ? [ticket] : [], skip: 0 };
  }

  private async matches(query: string, viewer: TicketPerson): Promise<Ticket[]> {
    const id = query.toUpperCase();
    if (TICKET_ID_PATTERN.test(id)) {
      const ticket = await this.source.get(id);
      return ticket ? [ticket] : [];
    }
    const newest = await this.newest();
    if (!query) return newest.filter((t) => t.status === 'open' || (t.status === 'assigned' && isAssignedTo(t, viewer)));
    const matcher = ticketMatcher(query);
    const found: Ticket[] = [];
    for (let i = 0; i < newest.length && found.length < this.limits.matches; i += SLICE) {
      if (i > 0) await pause();
      found.push(...newest.slice(i, i + SLICE).filter(matcher));
    }
    return found;
  }

  /** Every queue's newest tickets, newest first. */
  private async newest(): Promise<Ticket[]> {
    const perQueue = await Promise.all(SUPPORT_QUEUES.map((queue) => this.source.newestForQueue(queue, this.limits.scanPerQueue)));
    return perQueue.flat().sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
}

function isAssignedTo(ticket: Ticket, viewer: TicketPerson): boolean {
  return !!ticket.assignee && ticket.assignee.id === viewer.id && userChannel(ticket.assignee) === userChannel(viewer);
}

/**
 * A ticket matches when the whole query is part of its id, requester name, e-mail, MCID or
 * Partner ID, or when every word of the query begins a word of its description or name.
 */
export function ticketMatcher(query: string): (ticket: Ticket) => boolean {
  const whole = fold(query);
  const words = wordsOf(query);
  return (ticket) => {
    const fields = [ticket.id, ticket.user.name, ticket.email, ticket.mcid, ticket.partnerId];
    if (whole.length >= 3 && fields.some((f) => f !== undefined && fold(f).includes(whole))) return true;
    if (words.length === 0) return false;
    const text = spaced(`${ticket.user.name ?? ''} ${ticket.description}`);
    // Three letters or more may begin a word; shorter ones must be a whole word.
    return words.every((w) => text.includes(w.length >= 3 ? ` ${w}` : ` ${w} `));
  };
}
