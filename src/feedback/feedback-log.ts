import { createHash, randomBytes } from 'node:crypto';
import type { Lang } from '../i18n/language';
import type { SupportQueue, TopicId } from '../knowledge/catalog';
import { DocumentUpdater } from '../storage/document-updater';
import { canReadRange, type RangeStore, type Store } from '../support/store';

/** What every record carries: when, in which language, and whose (hashed, see `userRef`). */
interface EventBase {
  readonly at: string;
  readonly lang: Lang;
  /** `userRef(channelId, userId)`: lets "forget me" find a user's records without storing the id. */
  readonly user?: string;
  /** A hashed conversation reference, so later insights can group a session's events. */
  readonly session?: string;
}

/** How a question ended: an answer card, a "Did you mean…" card, or the fallback menu. */
export type QuestionOutcome = 'answered' | 'did-you-mean' | 'fallback';

export type FeedbackEntry =
  | (EventBase & { readonly kind: 'helpful'; readonly topic: TopicId; readonly helpful: boolean })
  /** `text` is already redacted of passwords and access codes by the bot. */
  | (EventBase & { readonly kind: 'unanswered'; readonly text: string })
  /** A typed question (`via: 'text'`) or a topic opened from a button (`via: 'button'`, always answered). */
  | (EventBase & { readonly kind: 'outcome'; readonly outcome: QuestionOutcome; readonly via: 'text' | 'button'; readonly topic?: TopicId })
  /** A ticket was filed; `topic` is the one the ticket was filed from, if any. */
  | (EventBase & { readonly kind: 'escalated'; readonly queue: SupportQueue; readonly topic: TopicId | null })
  /** The owner's 1-5 rating of a resolved ticket; `comment` is capped and redacted. */
  | (EventBase & { readonly kind: 'rating'; readonly queue: SupportQueue; readonly rating: number; readonly comment?: string });

/** Where "was this helpful?" answers and unanswered questions go, for content authors and insights. */
export interface FeedbackLog {
  record(entry: FeedbackEntry): Promise<void>;
  /** Deletes every record of this user; resolves with how many. */
  forgetUser(userId: string, channelId: string): Promise<number>;
}

export interface ReadableFeedbackLog extends FeedbackLog {
  /** Everything recorded in the `days` days up to `now`, oldest first. */
  recent(days: number, now: Date): Promise<FeedbackEntry[]>;
}

/** A stable, one-way reference to a user (or a conversation), the same in every record. */
export function userRef(channelId: string, id: string): string {
  return createHash('sha256').update(`feedback\u0000${channelId}\u0000${id}`).digest('base64url').slice(0, 22);
}

export const FEEDBACK_PREFIX = 'feedback/events/';
/** Records sort by time, so a period is one key range; the suffix keeps same-millisecond events apart. */
export const feedbackEventKey = (at: string, suffix: string) => `${FEEDBACK_PREFIX}${at}/${suffix}`;
const DAY_MS = 86_400_000;

/** One record per event on a store that reads by range (LMDB); the document log elsewhere. */
export function createFeedbackLog(storage: Store): ReadableFeedbackLog {
  return canReadRange(storage) ? new EventFeedbackLog(storage) : new DayDocumentFeedbackLog(storage);
}

/**
 * One record per event, written without an eTag (never a read, never a conflict, never a
 * document rewritten per entry); a period is read back as one key range.
 */
export class EventFeedbackLog implements ReadableFeedbackLog {
  constructor(private readonly storage: RangeStore) {}

  async record(entry: FeedbackEntry): Promise<void> {
    await this.storage.write({ [feedbackEventKey(entry.at, randomBytes(6).toString('hex'))]: { ...entry } });
  }

  async recent(days: number, now: Date): Promise<FeedbackEntry[]> {
    const from = new Date(now.getTime() - days * DAY_MS).toISOString();
    const records = await this.storage.readRange(FEEDBACK_PREFIX, { start: `${FEEDBACK_PREFIX}${from}` });
    return records.flatMap((r) => {
      const entry = withoutETag(r.item);
      return isFeedbackEntry(entry) && entry.at <= now.toISOString() ? [entry] : [];
    });
  }

  async forgetUser(userId: string, channelId: string): Promise<number> {
    const ref = userRef(channelId, userId);
    const mine = (await this.storage.readRange(FEEDBACK_PREFIX)).filter((r) => r.item.user === ref).map((r) => r.key);
    if (mine.length > 0) await this.storage.delete(mine);
    return mine.length;
  }
}

interface DayDocument {
  readonly entries: readonly FeedbackEntry[];
}

const dayKey = (date: string) => `feedback/${date.slice(0, 10)}`;
/** How far back "forget me" looks on the document log (the report reads at most 366 days). */
const FORGET_DAYS = 400;

/**
 * For stores that cannot read a key range (Azure Blob through botbuilder, MemoryStorage): one
 * document per day, appended under its eTag.
 */
export class DayDocumentFeedbackLog implements ReadableFeedbackLog {
  private readonly updater: DocumentUpdater;

  constructor(private readonly storage: Store) {
    this.updater = new DocumentUpdater(storage);
  }

  async record(entry: FeedbackEntry): Promise<void> {
    await this.updater.update<DayDocument>(dayKey(entry.at), (doc) => ({ entries: [...(doc?.entries ?? []), entry] }));
  }

  async recent(days: number, now: Date): Promise<FeedbackEntry[]> {
    const keys = Array.from({ length: days }, (_, i) => dayKey(new Date(now.getTime() - i * DAY_MS).toISOString())).reverse();
    const docs = await this.storage.read(keys);
    return keys.flatMap((k) => (docs[k] as DayDocument | undefined)?.entries ?? []);
  }

  async forgetUser(userId: string, channelId: string): Promise<number> {
    const ref = userRef(channelId, userId);
    const now = Date.now();
    const keys = Array.from({ length: FORGET_DAYS }, (_, i) => dayKey(new Date(now - i * DAY_MS).toISOString()));
    const docs = await this.storage.read(keys);
    let removed = 0;
    for (const key of Object.keys(docs)) {
      const doc = await this.updater.update<DayDocument>(key, (current) => {
        const kept = (current?.entries ?? []).filter((e) => e.user !== ref);
        return current && kept.length === current.entries.length ? current : { entries: kept };
      });
      removed += ((docs[key] as DayDocument).entries?.length ?? 0) - doc.entries.length;
    }
    return Math.max(0, removed);
  }
}

/** A record of this log's own making; anything else under the prefix is skipped. */
const ENTRY_KINDS: ReadonlySet<unknown> = new Set<FeedbackEntry['kind']>(['helpful', 'unanswered', 'outcome', 'escalated', 'rating']);

function isFeedbackEntry(item: Record<string, unknown>): item is Record<string, unknown> & FeedbackEntry {
  return typeof item.at === 'string' && ENTRY_KINDS.has(item.kind);
}

function withoutETag(item: Record<string, unknown>): Record<string, unknown> {
  const { eTag: _eTag, ...rest } = item;
  return rest;
}
