import type { Logger } from '../logging/logger';

const MINUTE = 60_000;

/**
 * Logs a store fault at most once a minute per event, with how many were left out since the
 * last line: when the disk is full every turn fails the same way, and a line per turn would
 * bury everything else.
 */
export class FaultLog {
  private readonly last = new Map<string, { at: number; skipped: number }>();

  constructor(
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  warn(event: string, error: unknown, fields: Record<string, unknown> = {}): void {
    const now = this.now();
    const seen = this.last.get(event);
    if (seen && now - seen.at < MINUTE) {
      seen.skipped++;
      return;
    }
    this.last.set(event, { at: now, skipped: 0 });
    this.log.warn({ event, err: error, ...fields, ...(seen?.skipped ? { sameInLastMinute: seen.skipped } : {}) });
  }
}
