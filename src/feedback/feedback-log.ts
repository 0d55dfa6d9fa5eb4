import { randomUUID } from 'node:crypto';
import type { Storage } from 'botbuilder';
import type { Lang } from '../i18n/language';
import type { TopicId } from '../knowledge/catalog';

export type FeedbackEntry =
  | { readonly kind: 'helpful'; readonly topic: TopicId; readonly helpful: boolean; readonly lang: Lang; readonly at: string }
  | { readonly kind: 'unanswered'; readonly text: string; readonly lang: Lang; readonly at: string };

/** Where "was this helpful?" answers and unanswered questions go, for content authors. */
export interface FeedbackLog {
  record(entry: FeedbackEntry): Promise<void>;
}

/** One storage item per entry: no shared document, so concurrent writers never conflict. */
export class StorageFeedbackLog implements FeedbackLog {
  constructor(private readonly storage: Storage) {}

  async record(entry: FeedbackEntry): Promise<void> {
    await this.storage.write({ [`feedback/${entry.at}/${randomUUID()}`]: entry });
  }
}
