import type { Logger } from '../logging/logger';

export interface TranscriptPurger {
  purgeTranscriptsOlderThan(days: number, now: Date): Promise<number>;
}

const SIX_HOURS = 6 * 3600_000;

/** Blanks ticket transcripts older than the retention period: at start, then every six hours. */
export class RetentionJob {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly tickets: TranscriptPurger,
    private readonly days: number,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async runOnce(): Promise<number> {
    const purged = await this.tickets.purgeTranscriptsOlderThan(this.days, this.now());
    if (purged > 0) this.log.info({ event: 'transcripts_purged', count: purged, olderThanDays: this.days });
    return purged;
  }

  start(intervalMs = SIX_HOURS): void {
    const run = () => void this.runOnce().catch((error: Error) => this.log.warn({ event: 'retention_failed', err: error }));
    run();
    this.timer = setInterval(run, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
