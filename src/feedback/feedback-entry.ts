import { createHash } from 'node:crypto';
import type { Lang } from '../i18n/language';
import type { SupportQueue, TopicId } from '../knowledge/catalog';

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

export const DAY_MS = 86_400_000;

/** A record of the logs' own making; anything else found in the store is skipped. */
const ENTRY_KINDS: ReadonlySet<unknown> = new Set<FeedbackEntry['kind']>(['helpful', 'unanswered', 'outcome', 'escalated', 'rating']);

export function isFeedbackEntry(item: unknown): item is FeedbackEntry {
  if (typeof item !== 'object' || item === null) return false;
  const { at, kind } = item as Record<string, unknown>;
  return typeof at === 'string' && ENTRY_KINDS.has(kind);
}
