import type { Lang } from '../i18n/language';
import type { Logger } from '../logging/logger';
import { buildInsights } from './build-insights';
import type { InsightsReport, InsightsSource } from './insights-types';

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface DigestSchedule {
  /** The day (UTC) the digest goes out, or `off`. */
  readonly day: Weekday | 'off';
  /** From this hour (UTC) on that day. */
  readonly hour: number;
}

/** A registered support channel: where to post, and in which language. */
export interface DigestTarget {
  readonly lang: Lang;
  post(card: Record<string, unknown>): Promise<void>;
}

export interface WeeklyDigestDeps {
  readonly source: InsightsSource;
  readonly schedule: DigestSchedule;
  /** Insert-if-absent on the shared store: only the first instance to claim a week sends it. */
  readonly claim: (key: string) => Promise<boolean>;
  readonly targets: () => Promise<readonly DigestTarget[]>;
  readonly card: (week: InsightsReport, before: InsightsReport, lang: Lang) => Record<string, unknown>;
  readonly log: Logger;
  readonly now?: () => Date;
}

const DAY_MS = 86_400_000;
const CHECK_EVERY_MS = 10 * 60_000;
// Under feedback/ so the claims expire with the feedback records.
const weekKey = (date: string) => `feedback/digest/${date}`;

export type DigestRun = 'off' | 'not-due' | 'already-sent' | { readonly sent: number; readonly failed: number };

/**
 * Posts the week's insights to every registered support channel once a week, on the
 * configured day from the configured hour. Every instance checks; the first to claim the
 * day's key in the store sends, so two instances never post twice. A channel that fails is
 * logged and not retried: the next digest comes a week later.
 */
export class WeeklyDigest {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: WeeklyDigestDeps) {}

  async runIfDue(): Promise<DigestRun> {
    const { schedule, source } = this.deps;
    if (schedule.day === 'off') return 'off';
    const now = (this.deps.now ?? (() => new Date()))();
    if (WEEKDAYS[now.getUTCDay()] !== schedule.day || now.getUTCHours() < schedule.hour) return 'not-due';
    if (!(await this.deps.claim(weekKey(now.toISOString().slice(0, 10))))) return 'already-sent';
    const [week, before] = await Promise.all([
      buildInsights(source, { days: 7, now }),
      buildInsights(source, { days: 7, now: new Date(now.getTime() - 7 * DAY_MS) }),
    ]);
    let sent = 0;
    let failed = 0;
    for (const target of await this.deps.targets()) {
      try {
        await target.post(this.deps.card(week, before, target.lang));
        sent++;
      } catch (error) {
        failed++;
        this.deps.log.warn({ event: 'digest_post_failed', err: error });
      }
    }
    this.deps.log.info({ event: 'digest_sent', channels: sent, failed });
    return { sent, failed };
  }

  /** Checks every ten minutes; does nothing when the digest is off. */
  start(intervalMs = CHECK_EVERY_MS): void {
    if (this.deps.schedule.day === 'off') return;
    const run = () => void this.runIfDue().catch((error: Error) => this.deps.log.warn({ event: 'digest_failed', err: error }));
    run();
    this.timer = setInterval(run, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
