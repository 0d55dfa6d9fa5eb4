import { ActivityEventNames, ActivityTypes, type InvokeResponse, type Middleware, type Storage, type TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger';
import { invokeResponse } from './card-activity';
import { FaultLog } from '../storage/fault-log';
import { KeyedQueue } from './conversation-queue';
import { DEFAULT_TURN_CLAIMS, TurnClaims, type ClaimOutcome, type TurnClaimOptions } from './turn-claims';
import { atTurnEnd, beginTurnEnd, runTurnEnd } from '../dialogs/turn-end';

export interface DedupeOptions extends TurnClaimOptions {
  /**
   * The store commits writes started together as one transaction (LMDB): the done mark then
   * starts with the turn's state save and lands with it, all or nothing, one wait for the disk
   * fewer. Elsewhere (Azure Blob writes each key alone) it must follow the saved state, or the
   * chat's next turn, on another instance, could read the state from before.
   */
  readonly finishWithState?: boolean;
}
export const DEFAULT_DEDUPE: DedupeOptions = DEFAULT_TURN_CLAIMS;

/** The key of a conversation's turn claims, beside its state; exported for tests. */
export function deliveredKey(channelId: string, conversationId: string): string {
  return `delivered/${channelId}/${conversationId}`;
}

// The bot's own proactive turns (support posts, a new 1:1 chat) are never redelivered.
const OWN_EVENTS = new Set<string>([ActivityEventNames.ContinueConversation, ActivityEventNames.CreateConversation]);
// A bound on the loop whatever the clock does; 100-250 ms apiece, about 4 minutes.
const MAX_WAIT_ROUNDS = 1400;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A channel that gets no answer in time delivers the same activity again, possibly to another
 * instance. Each turn claims its activity id in the shared store before it runs (TurnClaims):
 * a repeat of a finished turn, or of one running now, is answered without running it again: one
 * reply, never two tickets. A claim is done only when the turn ends and is renewed while the turn
 * runs, so after a `kill -9` the channel's redelivery of the cut-off turn runs once the dead
 * instance's claim lapses (TURN_CLAIM_TIMEOUT_MS).
 *
 * The claim also orders the turns of a conversation: on this instance they queue in memory; across
 * instances a turn waits while another holds the conversation, so conversation state is never
 * written by two turns at once. When the store does not answer, the turn runs anyway (fail open):
 * a FAQ answer needs no store, and a possible repeat is better than no answer.
 */
export class DedupeMiddleware implements Middleware {
  private readonly claims: TurnClaims;
  private readonly queue = new KeyedQueue();
  private readonly faults: FaultLog;

  constructor(
    storage: Storage,
    private readonly log: Logger,
    private readonly options: DedupeOptions = DEFAULT_DEDUPE,
  ) {
    this.claims = new TurnClaims(storage, options);
    // With the store down or full, one line a minute, not one per turn.
    this.faults = new FaultLog(log, Date.now);
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { id, channelId, conversation, type, name } = context.activity;
    if (!id || !conversation?.id || (type === ActivityTypes.Event && OWN_EVENTS.has(name ?? ''))) return next();
    const key = deliveredKey(channelId, conversation.id);
    await this.queue.run(key, async () => {
      const outcome = await this.claimWhenFree(key, id);
      if (outcome === 'unavailable') return next();
      if (outcome !== 'claimed') return this.skip(context, outcome);
      // A live turn keeps its claim however long it takes: renewed at a third of the timeout.
      const heartbeat = setInterval(() => void this.claims.renew(key, id).catch(() => undefined), this.options.claimTimeoutMs / 3);
      heartbeat.unref();
      const finish = () =>
        this.claims.finish(key, id).catch((error: Error) => this.log.warn({ event: 'turn_claim_not_finished', err: error }));
      if (this.options.finishWithState) {
        beginTurnEnd(context);
        void atTurnEnd(context, finish);
      }
      try {
        await next();
      } finally {
        clearInterval(heartbeat);
        // Only with or after the turn's state save: the chat's next turn, here or elsewhere, reads it.
        // A turn that never reached the bot's save leaves the mark queued: it starts here.
        await (this.options.finishWithState ? Promise.all(runTurnEnd(context)) : finish());
      }
    });
  }

  /**
   * Waits while another turn of the conversation runs (a dead instance's claim lapses after the
   * timeout; a live one is renewed), at most five times the timeout: then the turn runs anyway.
   * Channels give up on a request long before, and their redelivery waits here too.
   */
  private async claimWhenFree(key: string, activityId: string): Promise<ClaimOutcome | 'unavailable'> {
    const deadline = Date.now() + 5 * this.options.claimTimeoutMs;
    for (let round = 0; round < MAX_WAIT_ROUNDS && Date.now() < deadline; round++) {
      let outcome: ClaimOutcome;
      try {
        outcome = await this.claims.claim(key, activityId);
      } catch (error) {
        this.faults.warn('turn_claim_unavailable', error);
        return 'unavailable';
      }
      if (outcome !== 'busy') return outcome;
      await sleep(100 + Math.random() * 150);
    }
    this.log.warn({ event: 'turn_claim_wait_gave_up' });
    return 'unavailable';
  }

  private async skip(context: TurnContext, outcome: ClaimOutcome): Promise<void> {
    this.log.info({ event: 'duplicate_activity_skipped', activityType: context.activity.type, outcome });
    if (context.activity.type === ActivityTypes.Invoke) {
      // Teams needs a well-formed answer to a card click; the first delivery already did the work.
      const response: InvokeResponse = context.activity.name === 'adaptiveCard/action' ? invokeResponse('') : { status: 200 };
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: response });
    }
  }
}
