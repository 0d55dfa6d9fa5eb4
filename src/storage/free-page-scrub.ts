import type { Storage } from 'botbuilder';
import type { Logger } from '../logging/logger';

/** What a pass needs from the store: writes, and how far the data file reaches (LmdbStorage). */
export interface ScrubbableStore extends Pick<Storage, 'write' | 'delete'> {
  settled(): Promise<void>;
  stats(): { readonly lastPage: number };
}

/** Every key a pass writes starts with this (the expiry job removes what a cut-off pass left). */
export const SCRUB_PREFIX = 'scrub/';
const PREFIX = `${SCRUB_PREFIX}fill/`;
const TICK = `${SCRUB_PREFIX}tick`;
// A value this long fills one overflow page of its own (LMDB pages are 4 KiB here).
const FILL = 'x'.repeat(3_900);
const DELETE_SLICE = 500;

/**
 * LMDB never writes a record in place: an update or a delete leaves the old bytes in a page
 * that is only marked free, and they stay readable in the data file until LMDB reuses the page.
 * After "forget me", a pass writes filler records until every free page has been reused (LMDB
 * takes free pages before it grows the file, so growth says the free ones are spent), then
 * deletes them: the erased name, e-mail and description no longer sit in the file.
 *
 * A page still read by a snapshot (another process's long read) cannot be reused yet; the next
 * pass reaches it. Passes run one after another, in the background, never during the turn.
 */
export class FreePageScrubber {
  private running: Promise<void> = Promise.resolve();
  private queued = false;

  constructor(
    private readonly store: ScrubbableStore,
    private readonly log: Logger,
    private readonly batch = 64,
  ) {}

  /** Queues a pass after the writes issued so far; several requests before it starts make one pass. */
  request(): void {
    if (this.queued) return;
    this.queued = true;
    this.running = this.running
      .then(() => {
        this.queued = false;
        return this.pass();
      })
      .catch((error: unknown) => this.log.warn({ event: 'free_page_scrub_failed', err: error }));
  }

  /** Resolves once every requested pass is done. */
  idle(): Promise<void> {
    return this.running;
  }

  private async pass(): Promise<void> {
    // After the turn's own writes, which are issued in the same tick as the request.
    await new Promise((resolve) => setImmediate(resolve));
    await this.store.settled();
    // A page freed by a commit can be reused only once no snapshot may still read it: a few commits on.
    for (let i = 0; i < 3; i++) await this.store.write({ [TICK]: { i } });
    const start = this.store.stats().lastPage;
    // Keys are rebuilt from their number, so a pass keeps no list however many pages it writes.
    const keyOf = (n: number) => `${PREFIX}${String(n).padStart(9, '0')}`;
    let written = 0;
    // There are fewer free pages than pages in the file: a bound whatever the store does.
    while (this.store.stats().lastPage === start && written < start) {
      const fillers: Record<string, { fill: string }> = {};
      for (let j = 0; j < this.batch; j++) fillers[keyOf(written++)] = { fill: FILL };
      await this.store.write(fillers);
    }
    for (let from = 0; from < written; from += DELETE_SLICE) {
      const slice = Array.from({ length: Math.min(DELETE_SLICE, written - from) }, (_, i) => keyOf(from + i));
      await this.store.delete(slice);
    }
    await this.store.delete([TICK]);
    this.log.info({ event: 'free_pages_overwritten', pages: written });
  }
}
