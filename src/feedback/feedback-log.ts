import { randomBytes } from 'node:crypto';
import { silentLogger, type Logger } from '../logging/logger';
import { canReadRange, type RangeStore, type Store } from '../support/store';
import { BatchFeedbackLog } from './batch-feedback-log';
import { DAY_MS, isFeedbackEntry, userRef, type FeedbackEntry, type ReadableFeedbackLog } from './feedback-entry';

// The entry types live in feedback-entry.ts, shared with the batch log; most callers import them from here.
export { userRef, type FeedbackEntry, type FeedbackLog, type QuestionOutcome, type ReadableFeedbackLog } from './feedback-entry';

export const FEEDBACK_PREFIX = 'feedback/events/';
/** Records sort by time, so a period is one key range; the suffix keeps same-millisecond events apart. */
export const feedbackEventKey = (at: string, suffix: string) => `${FEEDBACK_PREFIX}${at}/${suffix}`;

/** One record per event on a store that reads by range (LMDB); batches written once elsewhere (Azure Blob). */
export function createFeedbackLog(storage: Store, logger: Logger = silentLogger): ReadableFeedbackLog {
  return canReadRange(storage) ? new EventFeedbackLog(storage) : new BatchFeedbackLog(storage, logger);
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

function withoutETag(item: Record<string, unknown>): Record<string, unknown> {
  const { eTag: _eTag, ...rest } = item;
  return rest;
}
