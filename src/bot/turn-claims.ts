import type { Storage } from 'botbuilder';
import { DocumentUpdater } from '../storage/document-updater';

export interface TurnClaimOptions {
  /** How long a finished activity id is remembered; channels retry within seconds or minutes. */
  readonly windowMs: number;
  /** At most this many finished ids per conversation, newest kept, whatever the window. */
  readonly maxIds: number;
  /** How long a turn that never finished (its instance died) holds the conversation. */
  readonly claimTimeoutMs: number;
  readonly now?: () => number;
}

export const DEFAULT_TURN_CLAIMS: TurnClaimOptions = { windowMs: 60 * 60_000, maxIds: 200, claimTimeoutMs: 30_000 };

/**
 * One document per conversation: the ids of finished turns (→ when they finished, epoch ms) and
 * the turn running now, if any, with the time its claim lapses. Older documents hold only `ids`.
 */
interface ClaimsDocument {
  readonly ids: Readonly<Record<string, number>>;
  readonly active?: { readonly id: string; readonly until: number };
}

/**
 * - `claimed`: this delivery runs the turn, and holds the conversation until `finish`;
 * - `done`: the activity was handled already (a channel's retry);
 * - `running`: the activity is being handled now, elsewhere or here;
 * - `busy`: another activity of the conversation is running: wait and try again.
 */
export type ClaimOutcome = 'claimed' | 'done' | 'running' | 'busy';

class Refused extends Error {
  constructor(readonly outcome: Exclude<ClaimOutcome, 'claimed'>) {
    super(outcome);
  }
}

/**
 * The turn claims of conversations, in the shared store (read-modify-write under eTags, so two
 * instances cannot both claim). A claim is "done" only once the turn finished: a turn cut off by
 * a crash keeps an unfinished claim, which lapses after `claimTimeoutMs`, and then the channel's
 * redelivery runs it. While a turn runs, the conversation's other turns wait: its state is
 * read and written by one turn at a time, on any instance.
 */
export class TurnClaims {
  private readonly claims: DocumentUpdater;
  private readonly now: () => number;

  /**
   * On LMDB the app hands in a view whose writes do not wait for the disk (a claim need only be
   * visible to other instances): TurnDurabilityMiddleware waits once before the turn answers.
   */
  constructor(
    storage: Storage,
    readonly options: TurnClaimOptions = DEFAULT_TURN_CLAIMS,
  ) {
    this.claims = new DocumentUpdater(storage);
    this.now = options.now ?? Date.now;
  }

  async claim(key: string, activityId: string): Promise<ClaimOutcome> {
    const now = this.now();
    try {
      await this.claims.update<ClaimsDocument>(key, (doc) => {
        const finished = doc?.ids[activityId];
        if (finished !== undefined && now - finished < this.options.windowMs) throw new Refused('done');
        const active = doc?.active;
        if (active && active.until > now) throw new Refused(active.id === activityId ? 'running' : 'busy');
        return { ids: this.recent(doc?.ids ?? {}, now), active: { id: activityId, until: now + this.options.claimTimeoutMs } };
      });
      return 'claimed';
    } catch (error) {
      if (error instanceof Refused) return error.outcome;
      throw error;
    }
  }

  /** Extends a running turn's claim, so only a dead instance's claim ever lapses. */
  async renew(key: string, activityId: string): Promise<void> {
    const now = this.now();
    await this.claims.update<ClaimsDocument>(key, (doc) => {
      if (!doc || doc.active?.id !== activityId) return doc as ClaimsDocument;
      return { ...doc, active: { id: activityId, until: now + this.options.claimTimeoutMs } };
    });
  }

  /** Marks the activity done and frees the conversation for its next turn. */
  async finish(key: string, activityId: string): Promise<void> {
    const now = this.now();
    await this.claims.update<ClaimsDocument>(key, (doc) => {
      const ids = this.recent({ ...doc?.ids, [activityId]: now }, now);
      // A claim that lapsed and was taken by another turn stays with that turn.
      const active = doc?.active && doc.active.id !== activityId ? doc.active : undefined;
      return active ? { ids, active } : { ids };
    });
  }

  private recent(ids: Readonly<Record<string, number>>, now: number): Record<string, number> {
    const kept = Object.entries(ids)
      .filter(([, at]) => now - at < this.options.windowMs)
      .sort((a, b) => b[1] - a[1])
      .slice(0, this.options.maxIds);
    return Object.fromEntries(kept);
  }
}
