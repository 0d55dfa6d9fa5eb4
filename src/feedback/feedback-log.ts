import type { Storage } from 'botbuilder';
import type { Lang } from '../i18n/language';
import type { TopicId } from '../knowledge/catalog';
import { DocumentUpdater } from '../storage/document-updater';

export type FeedbackEntry =
  | { readonly kind: 'helpful'; readonly topic: TopicId; readonly helpful: boolean; readonly lang: Lang; readonly at: string }
  /** `text` is already redacted of passwords and access codes by the bot. */
  | { readonly kind: 'unanswered'; readonly text: string; readonly lang: Lang; readonly at: string };

/** Where "was this helpful?" answers and unanswered questions go, for content authors. */
export interface FeedbackLog {
  record(entry: FeedbackEntry): Promise<void>;
}

interface DayDocument {
  readonly entries: readonly FeedbackEntry[];
}

const dayKey = (date: string) => `feedback/${date.slice(0, 10)}`;
const DAY_MS = 86_400_000;

/**
 * One document per day, appended under its eTag (retried on conflict), so `npm run report` can
 * read a period back through botbuilder's Storage, which has no way to list keys.
 */
export class StorageFeedbackLog implements FeedbackLog {
  private readonly updater: DocumentUpdater;

  constructor(private readonly storage: Storage) {
    this.updater = new DocumentUpdater(storage);
  }

  async record(entry: FeedbackEntry): Promise<void> {
    await this.updater.update<DayDocument>(dayKey(entry.at), (doc) => ({ entries: [...(doc?.entries ?? []), entry] }));
  }

  /** Everything recorded in the `days` days up to `now`. */
  async recent(days: number, now: Date): Promise<FeedbackEntry[]> {
    const keys = Array.from({ length: days }, (_, i) => dayKey(new Date(now.getTime() - i * DAY_MS).toISOString()));
    const docs = await this.storage.read(keys);
    return keys.flatMap((k) => (docs[k] as DayDocument | undefined)?.entries ?? []);
  }
}
