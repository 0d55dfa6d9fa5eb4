import type { AppConfig } from '../config/config';
import type { RangeStorage } from './range-storage';
import type { Logger } from '../logging/logger';
import { SCRUB_PREFIX } from './free-page-scrub';

export type ExpiryConfig = Pick<
  AppConfig,
  'CONVERSATION_STATE_TTL_DAYS' | 'USER_STATE_TTL_DAYS' | 'DEDUPE_TTL_HOURS' | 'FEEDBACK_RETENTION_DAYS' | 'EXPIRY_INTERVAL_MINUTES'
>;

/** A kind of record that ages out: which keys, and how long after their last write. */
interface Rule {
  readonly name: string;
  readonly matches: (key: string) => boolean;
  readonly maxAgeMs: number;
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;
// Quarantined records are kept this long for someone to look at, then go too.
const QUARANTINE_DAYS = 30;

/** The rules from config; keys as botbuilder's ConversationState and UserState and this bot name them. */
export function expiryRules(config: ExpiryConfig): Rule[] {
  return [
    { name: 'conversation state', matches: (k) => /^[^/]+\/conversations\//.test(k), maxAgeMs: config.CONVERSATION_STATE_TTL_DAYS * DAY },
    { name: 'user state', matches: (k) => /^[^/]+\/users\//.test(k), maxAgeMs: config.USER_STATE_TTL_DAYS * DAY },
    { name: 'dedupe claims', matches: (k) => k.startsWith('delivered/'), maxAgeMs: config.DEDUPE_TTL_HOURS * HOUR },
    { name: 'feedback', matches: (k) => k.startsWith('feedback/'), maxAgeMs: config.FEEDBACK_RETENTION_DAYS * DAY },
    { name: 'quarantine', matches: (k) => k.startsWith('quarantine/'), maxAgeMs: QUARANTINE_DAYS * DAY },
    // A free-page pass deletes its fillers at its end; a process that died mid-pass leaves them.
    { name: 'scrub fillers', matches: (k) => k.startsWith(SCRUB_PREFIX), maxAgeMs: HOUR },
  ];
}

/**
 * Deletes records that have not been written for longer than their rule allows, in one pass
 * over the store (read in slices, so turns go on meanwhile): at start, then on a schedule.
 * Tickets, their indexes, the outbox and registrations never expire here (tickets have their
 * own retention). Only for stores that read by range; on Azure Blob, a lifecycle policy on the
 * container does this job (docs/storage.md).
 */
export class ExpiryJob {
  private timer: NodeJS.Timeout | undefined;
  private readonly rules: Rule[];

  constructor(
    private readonly storage: RangeStorage,
    private readonly config: ExpiryConfig,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.rules = expiryRules(config);
  }

  /** One sweep; resolves with how many records of each kind were deleted. */
  async runOnce(): Promise<Record<string, number>> {
    const now = this.now();
    const counts: Record<string, number> = {};
    await this.storage.deleteWhere('', (key, writtenAt) => {
      const rule = this.rules.find((r) => r.matches(key));
      if (!rule || now - writtenAt <= rule.maxAgeMs) return false;
      counts[rule.name] = (counts[rule.name] ?? 0) + 1;
      return true;
    });
    if (Object.keys(counts).length > 0) this.log.info({ event: 'records_expired', counts });
    return counts;
  }

  start(): void {
    const run = () => void this.runOnce().catch((error: Error) => this.log.warn({ event: 'expiry_failed', err: error }));
    run();
    this.timer = setInterval(run, this.config.EXPIRY_INTERVAL_MINUTES * 60_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
