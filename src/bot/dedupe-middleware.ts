import { ActivityTypes, type Middleware, type Storage, type TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger';
import { DocumentUpdater } from '../storage/document-updater';
import { FaultLog } from '../storage/fault-log';

export interface DedupeOptions {
  /** How long a delivered activity id is remembered; channels retry within seconds or minutes. */
  readonly windowMs: number;
  /** At most this many ids per conversation, newest kept, whatever the window. */
  readonly maxIds: number;
  readonly now?: () => number;
}

export const DEFAULT_DEDUPE: DedupeOptions = { windowMs: 60 * 60_000, maxIds: 200 };

/** One document per conversation: activity id → when it was first delivered (epoch ms). */
interface Delivered {
  readonly ids: Readonly<Record<string, number>>;
}

class AlreadyDelivered extends Error {}

/** The key of a conversation's delivered ids, beside its state; exported for tests. */
export function deliveredKey(channelId: string, conversationId: string): string {
  return `delivered/${channelId}/${conversationId}`;
}

/**
 * A channel that gets no answer in time delivers the same activity again, possibly to another
 * instance. The first delivery claims its id in the shared store (create-if-absent, then eTag
 * updates through DocumentUpdater, so two instances cannot both claim it); a repeat is answered
 * without running the turn: one reply, never two tickets.
 *
 * The claim comes before the turn, so a repeat that arrives while the first is still running is
 * caught too; the price is that a process killed mid-turn does not get a second chance at it.
 * Storage stays bounded: each conversation's document keeps the ids of the last hour, at most
 * 200, pruned on every write; the expiry job deletes documents idle for DEDUPE_TTL_HOURS. When
 * the store fails, the turn runs anyway (logged once a minute); a record that cannot be read is
 * set aside by the store and the conversation starts a clean one.
 */
export class DedupeMiddleware implements Middleware {
  private readonly documents: DocumentUpdater;
  private readonly now: () => number;
  private readonly faults: FaultLog;

  constructor(
    storage: Storage,
    private readonly log: Pick<Logger, 'info' | 'warn'>,
    private readonly options: DedupeOptions = DEFAULT_DEDUPE,
  ) {
    this.documents = new DocumentUpdater(storage);
    this.now = options.now ?? Date.now;
    this.faults = new FaultLog(log, this.now);
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { id, channelId, conversation, type } = context.activity;
    if (!id || !conversation?.id) return next();
    let first: boolean;
    try {
      first = await this.claim(deliveredKey(channelId, conversation.id), id);
    } catch (error) {
      // Fail open: with the store down or full, a rare repeat beats no answer at all.
      this.faults.warn('dedupe_unavailable', error);
      first = true;
    }
    if (first) return next();
    this.log.info({ event: 'duplicate_activity_skipped', activityType: type });
    if (type === ActivityTypes.Invoke) await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: duplicateInvokeBody(context) } });
  }

  /** True when this delivery is the first of the id. */
  private async claim(key: string, activityId: string): Promise<boolean> {
    const now = this.now();
    try {
      await this.documents.update<Delivered>(key, (doc) => {
        const seen = doc?.ids[activityId];
        if (seen !== undefined && now - seen < this.options.windowMs) throw new AlreadyDelivered();
        return { ids: this.recent({ ...doc?.ids, [activityId]: now }, now) };
      });
      return true;
    } catch (error) {
      if (error instanceof AlreadyDelivered) return false;
      throw error;
    }
  }

  private recent(ids: Record<string, number>, now: number): Record<string, number> {
    const kept = Object.entries(ids)
      .filter(([, at]) => now - at < this.options.windowMs)
      .sort((a, b) => b[1] - a[1])
      .slice(0, this.options.maxIds);
    return Object.fromEntries(kept);
  }
}

/** Teams needs a well-formed answer to a card click; the first delivery already did the work. */
function duplicateInvokeBody(context: TurnContext): unknown {
  if (context.activity.name !== 'adaptiveCard/action') return undefined;
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: '' };
}
