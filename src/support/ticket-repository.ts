import type { SupportQueue } from '../knowledge/catalog';
import { DEFAULT_RETRY, DocumentUpdater, type RetryOptions } from '../storage/document-updater';
import { insertItems, isETagConflict } from '../storage/insertable-storage';
import { withEvent } from './ticket-history';
import {
  channelOfTicket,
  QUEUE_PREFIX,
  userChannel,
  type Ticket,
  type TicketEvent,
  type TicketRequest,
  type TicketStatus,
  type UserRef,
} from './ticket';
import { canReadRange, type RangeStore, type Store } from './store';
import { newTicketId, TICKET_ID_PATTERN } from './ticket-id';

/** What replaces the description once a user asked to be forgotten. */
export const ERASED = "[removed at the user's request]";

interface TicketIndex {
  readonly ids: readonly string[];
}

interface Quota {
  /** Creation times (ms) of the user's tickets within the last hour. */
  readonly times: readonly number[];
}

const ticketKey = (id: string) => `tickets/${id}`;
// Identities are channel-scoped: the same id typed in from another channel is someone else.
const userIndexKey = (user: UserRef) => `tickets/index/user/${userChannel(user)}/${user.id}`;
// Before identities were channel-scoped; read, filtered by channel, so older tickets stay listed.
const legacyUserIndexKey = (userId: string) => `tickets/index/user/${userId}`;
const quotaKey = (user: UserRef) => `tickets/quota/${userChannel(user)}/${user.id}`;
const queueIndexKey = (queue: SupportQueue) => `tickets/index/queue/${queue}`;
// On a store that reads by range, an index is one empty record per ticket under these prefixes:
// adding a ticket is a plain write (no read, no conflict), listing is one range read.
const userEntryPrefix = (user: UserRef) => `tickets/by-user/${userChannel(user)}/${encodeURIComponent(user.id)}/`;
const queueEntryPrefix = (queue: SupportQueue) => `tickets/by-queue/${queue}/`;
const QUEUES = Object.keys(QUEUE_PREFIX) as SupportQueue[];
const DAY_MS = 24 * 60 * 60 * 1000;
// Reads go in slices so a long index does not open thousands of files or requests at once.
const READ_SLICE = 100;
const ID_TRIES = 5;
let sequence = 0;

export interface TicketRepositoryOptions {
  readonly now?: () => Date;
  readonly retry?: RetryOptions;
  /** Draws a ticket id; tests pass a fixed sequence to force collisions. */
  readonly newId?: (queue: SupportQueue) => string;
}

/**
 * Tickets over any `Store`, safe with several bot instances on one store: a ticket
 * is one document created only if its id is free, and the per-user and per-queue indexes are
 * shared documents changed under eTags, retried on conflict, never overwritten.
 */
export class TicketRepository {
  private readonly updater: DocumentUpdater;
  private readonly now: () => Date;
  private readonly newId: (queue: SupportQueue) => string;
  private readonly ranges: RangeStore | undefined;

  constructor(
    private readonly storage: Store,
    options: TicketRepositoryOptions = {},
  ) {
    this.updater = new DocumentUpdater(storage, options.retry ?? DEFAULT_RETRY);
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? newTicketId;
    this.ranges = canReadRange(storage) ? storage : undefined;
  }

  async create(request: TicketRequest): Promise<Ticket> {
    if (!request.user?.id) throw new Error('TicketRepository.create(): the request has no user id');
    const at = this.now().toISOString();
    for (let attempt = 0; attempt < ID_TRIES; attempt++) {
      const id = this.newId(request.queue);
      const ticket: Ticket = { ...request, id, createdAt: at, status: 'open', history: [{ at, status: 'open' }] };
      try {
        await insertItems(this.storage, { [ticketKey(id)]: ticket });
      } catch (error) {
        if (isETagConflict(error)) continue; // the id is taken: draw another
        throw error;
      }
      // The ticket is stored before it is indexed: a crash in between leaves it unlisted, never a dangling id.
      if (this.ranges) {
        // Entries sort by creation (then by order within this process), as the index documents did.
        const entry = `${at}.${String((sequence = (sequence + 1) % 1e6)).padStart(6, '0')}/${id}`;
        await this.ranges.write({ [`${queueEntryPrefix(request.queue)}${entry}`]: {}, [`${userEntryPrefix(request.user)}${entry}`]: {} });
      } else {
        await Promise.all([this.addToIndex(queueIndexKey(request.queue), id), this.addToIndex(userIndexKey(request.user), id)]);
      }
      return ticket;
    }
    throw new Error(`TicketRepository.create(): no free ticket id after ${ID_TRIES} tries`);
  }

  async get(id: string): Promise<Ticket | undefined> {
    return (await this.readTickets([id]))[0];
  }

  /** Read-modify-write under the ticket's eTag; `change` may run more than once, so keep it pure. */
  update(id: string, change: (ticket: Ticket) => Ticket): Promise<Ticket> {
    if (!TICKET_ID_PATTERN.test(id)) return Promise.reject(new Error(`TicketRepository.update(): no ticket ${id}`));
    return this.updater.update<Ticket>(ticketKey(id), (current) => {
      if (!current) throw new Error(`TicketRepository.update(): no ticket ${id}`);
      // The id and creation date are the ticket's identity: a change cannot move them.
      return { ...change(current), id: current.id, createdAt: current.createdAt };
    });
  }

  async listForUser(user: UserRef): Promise<Ticket[]> {
    const [ids, legacy] = await Promise.all([
      this.indexOf(userIndexKey(user), userEntryPrefix(user)),
      this.indexOf(legacyUserIndexKey(user.id)),
    ]);
    const older = (await this.readTickets(legacy.filter((id) => !ids.includes(id)))).filter(
      (t) => t.user.id === user.id && channelOfTicket(t) === userChannel(user),
    );
    return [...older, ...(await this.readTickets(ids))];
  }

  /**
   * Takes one of the user's `limit` tickets for the hour, or returns false. One shared document
   * per user changed under its eTag, so simultaneous submits (one instance or several) cannot
   * all pass a count read before any of them was stored.
   */
  async takeSlot(user: UserRef, limit: number): Promise<boolean> {
    const now = this.now().getTime();
    let taken = false;
    await this.updater.update<Quota>(quotaKey(user), (current) => {
      const times = (current?.times ?? []).filter((t) => t > now - 3600_000);
      taken = times.length < limit;
      return { times: taken ? [...times, now] : times };
    });
    return taken;
  }

  async listForQueue(queue: SupportQueue, status?: TicketStatus): Promise<Ticket[]> {
    const tickets = await this.readTickets(await this.indexOf(queueIndexKey(queue), queueEntryPrefix(queue)));
    return status ? tickets.filter((t) => t.status === status) : tickets;
  }

  /**
   * The queue's newest `limit` tickets, newest first: the index is read whole (ids only), the
   * tickets themselves only for the newest slice, so a search reads a bounded number of documents.
   */
  async newestForQueue(queue: SupportQueue, limit: number): Promise<Ticket[]> {
    const ids = await this.indexOf(queueIndexKey(queue), queueEntryPrefix(queue));
    // Both indexes list tickets in creation order: the newest are at the end.
    return this.readTickets(ids.slice(Math.max(0, ids.length - limit)).reverse());
  }

  /** Retention: empties the transcript of every ticket created more than `days` days before `now`. */
  async purgeTranscriptsOlderThan(days: number, now: Date): Promise<number> {
    const cutoff = now.getTime() - days * DAY_MS;
    const isOld = (t: Ticket) => Date.parse(t.createdAt) < cutoff && t.transcript.length > 0;
    let purged = 0;
    for (const queue of QUEUES) {
      const old = (await this.listForQueue(queue)).filter(isOld);
      await Promise.all(old.map((t) => this.update(t.id, (current) => (isOld(current) ? { ...current, transcript: [] } : current))));
      purged += old.length;
    }
    return purged;
  }

  /**
   * Erases a user's personal data from their tickets (name, e-mail, MCID, partner id, error text,
   * transcript; the description becomes a marker). Ids, queue, topic and status stay, so
   * support's records still add up. Returns the tickets as erased.
   */
  async forgetUser(user: UserRef): Promise<Ticket[]> {
    const at = this.now().toISOString();
    const tickets = await this.listForUser(user);
    return Promise.all(tickets.map((t) => this.update(t.id, (current) => erasePersonalData(current, at))));
  }

  private addToIndex(key: string, id: string): Promise<TicketIndex> {
    return this.updater.update<TicketIndex>(key, (index) => {
      if (index?.ids.includes(id)) return index;
      return { ids: [...(index?.ids ?? []), id] };
    });
  }

  /** The index document's ids (all of them on Azure; those imported from the file store on LMDB), then the range's. */
  private async indexOf(key: string, prefix?: string): Promise<readonly string[]> {
    const index = (await this.storage.read([key]))[key] as TicketIndex | undefined;
    const ids = Array.isArray(index?.ids) ? index.ids : [];
    if (!this.ranges || !prefix) return ids;
    const entries = (await this.ranges.readRange(prefix)).map((r) => r.key.slice(r.key.lastIndexOf('/') + 1));
    return [...new Set([...ids, ...entries])];
  }

  /** The tickets in the order of `ids`; ids with no stored ticket are skipped. */
  private async readTickets(ids: readonly string[]): Promise<Ticket[]> {
    const valid = ids.filter((id) => TICKET_ID_PATTERN.test(id));
    const tickets: Ticket[] = [];
    for (let i = 0; i < valid.length; i += READ_SLICE) {
      const slice = valid.slice(i, i + READ_SLICE);
      const items = await this.storage.read(slice.map(ticketKey));
      for (const id of slice) {
        const stored = items[ticketKey(id)] as (Ticket & { eTag?: string }) | undefined;
        if (!stored) continue;
        const { eTag: _eTag, ...ticket } = stored;
        tickets.push(ticket);
      }
    }
    return tickets;
  }
}

function erasePersonalData(ticket: Ticket, at: string): Ticket {
  if (ticket.description === ERASED && ticket.user.name === undefined) return ticket;
  const { email: _email, mcid: _mcid, partnerId: _partnerId, errorMessage: _errorMessage, ...kept } = ticket;
  const { name: _name, ...user } = ticket.user;
  const reference = ticket.conversation as { user?: Record<string, unknown> };
  const conversation = reference.user ? { ...ticket.conversation, user: withoutName(reference.user) } : ticket.conversation;
  return {
    ...kept,
    user,
    description: ERASED,
    transcript: [],
    conversation,
    // The user's own answers to support, and their name on them, are personal data too.
    ...withEvent(
      { ...ticket, history: ticket.history.map((h) => erasedEvent(h, ticket.user.id)) },
      { at, status: ticket.status, note: "personal data erased at the user's request" },
    ),
  };
}

function erasedEvent(event: TicketEvent, userId: string): TicketEvent {
  if (event.by?.id !== userId) return event;
  const { name: _name, ...by } = event.by;
  return { ...event, by, ...(event.kind === 'user-message' ? { note: ERASED } : {}) };
}

function withoutName(person: Record<string, unknown>): Record<string, unknown> {
  const { name: _name, ...rest } = person;
  return rest;
}
