import type { Middleware, TurnContext } from 'botbuilder';

/**
 * On LMDB every transaction waits for the one before it to reach the disk, so a turn that
 * flushed each of its writes (claim, insight, state, claim done) waited for the disk four times.
 * Inside a turn the writes only commit (`LmdbStorage.committedOnly()`), and this middleware,
 * outermost, waits once for all of them to be flushed before the turn's HTTP response goes back,
 * even when the turn failed: what the user was told is on disk first. LMDB flushes in commit
 * order, so one wait covers every write the turn issued, and concurrent turns share it.
 */
export class TurnDurabilityMiddleware implements Middleware {
  constructor(private readonly settled: () => Promise<void>) {}

  async onTurn(_context: TurnContext, next: () => Promise<void>): Promise<void> {
    try {
      await next();
    } finally {
      await this.settled();
    }
  }
}
