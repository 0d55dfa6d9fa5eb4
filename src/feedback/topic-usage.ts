import type { TopicId } from '../knowledge/catalog';
import type { FeedbackEntry, FeedbackLog, ReadableFeedbackLog } from './feedback-log';

export interface TopicUsageOptions {
  /** How far back the records count. */
  readonly days?: number;
  /** How long one count is reused: an empty search must not read a month of records each time. */
  readonly cacheMs?: number;
  /** Records counted at most, newest first, whatever the period holds. */
  readonly maxEntries?: number;
  readonly now?: () => Date;
}

/** Topics by how many "was this helpful?" answers they drew, most first: each answer is someone who asked. */
export function rankTopics(entries: readonly FeedbackEntry[]): TopicId[] {
  const counts = new Map<TopicId, number>();
  for (const entry of entries) if (entry.kind === 'helpful') counts.set(entry.topic, (counts.get(entry.topic) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([topic]) => topic);
}

/**
 * The most asked topics from the feedback records, counted at most once per `cacheMs`. Only
 * counts are kept in memory, never the records.
 */
export function topicUsage(log: ReadableFeedbackLog, options: TopicUsageOptions = {}): () => Promise<readonly TopicId[]> {
  const { days = 30, cacheMs = 10 * 60_000, maxEntries = 20_000, now = () => new Date() } = options;
  let cached: { at: number; ranking: Promise<TopicId[]> } | undefined;
  return () => {
    const at = now().getTime();
    if (!cached || at - cached.at >= cacheMs) {
      const ranking = log.recent(days, new Date(at)).then((entries) => rankTopics(entries.slice(-maxEntries)));
      // A failed read is not kept: the next search tries again.
      ranking.catch(() => (cached = undefined));
      cached = { at, ranking };
    }
    return cached.ranking;
  };
}

/** The most asked topics when the log can be read back; none (the content's order) when it cannot. */
export function topicUsageOf(log: FeedbackLog, options?: TopicUsageOptions): (() => Promise<readonly TopicId[]>) | undefined {
  const readable = log as Partial<ReadableFeedbackLog>;
  return typeof readable.recent === 'function' ? topicUsage(log as ReadableFeedbackLog, options) : undefined;
}
