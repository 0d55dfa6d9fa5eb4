import type { FeedbackEntry } from '../feedback/feedback-log';
import type { Lang } from '../i18n/language';
import type { ResponseTarget } from '../support/response-targets';
import type { Ticket } from '../support/ticket';

/**
 * What the insights report holds: aggregates and redacted question text only. No user id, name,
 * e-mail or conversation reference ever appears in it, so it may be shown on a page, posted in
 * a channel or printed.
 */
export interface InsightsReport {
  readonly period: InsightsPeriod;
  /** One entry per day of the period (oldest first) and per language, days without activity included. */
  readonly daily: readonly DailyPoint[];
  readonly totals: InsightsTotals;
  /** Topics that were answered or voted on in the period, most answers first. */
  readonly perTopic: readonly TopicOutcome[];
  /** Every support queue, even with no ticket in the period. */
  readonly perQueue: readonly QueueTimes[];
  readonly satisfaction: SatisfactionSummary;
  /** Similar unanswered questions gathered, largest group first. */
  readonly unansweredGroups: readonly UnansweredGroup[];
}

export interface InsightsPeriod {
  /** ISO instants: `to` is the `now` given, `from` is `days` days earlier. */
  readonly from: string;
  readonly to: string;
  readonly days: number;
}

export interface DailyPoint {
  /** The UTC day, `YYYY-MM-DD`. */
  readonly date: string;
  readonly lang: Lang;
  /** Free-text questions the matcher handled (small talk and commands are not questions). */
  readonly questions: number;
  /** Sessions that started that day (a session ends after 30 minutes without a message). */
  readonly sessions: number;
  /** How the day's questions ended: an answer, a "Did you mean…", or the fallback. */
  readonly answered: number;
  readonly didYouMean: number;
  readonly fallback: number;
  /** The self-service resolution rate of the sessions that started that day, 0..1; null with no session. */
  readonly resolutionRate: number | null;
}

export interface InsightsTotals {
  readonly questions: number;
  readonly sessions: number;
  /** Sessions that got an answer and neither filed a ticket nor voted "not helpful" last, over all sessions; 0..1, null with none. */
  readonly selfServiceResolutionRate: number | null;
  /** Sessions that filed a ticket, over all sessions; 0..1, null with none. */
  readonly escalationRate: number | null;
}

export interface TopicOutcome {
  readonly topic: string;
  /** The topic's title in English (the report is for the team; the page may show its own). */
  readonly title: string;
  readonly answers: number;
  readonly helpful: number;
  readonly notHelpful: number;
  /** Tickets filed in a session after this topic was the last one answered. */
  readonly escalationsAfter: number;
}

/** Median and 90th percentile of a duration, in hours; null when no ticket got that far. */
export interface DurationStats {
  readonly median: number | null;
  readonly p90: number | null;
  /** How many tickets the figures are computed from. */
  readonly count: number;
}

export interface QueueTimes {
  readonly queue: string;
  /** Tickets opened in the period. */
  readonly opened: number;
  /** Durations are in plain hours: no working hours are defined for support yet. */
  readonly unit: 'hours';
  /** From creation to the first agent reply (or the resolution, when that came first). */
  readonly firstResponse: DurationStats;
  /** From creation to the first "resolved". */
  readonly resolution: DurationStats;
  readonly breaches: BreachCount;
}

export interface BreachCount {
  /** Tickets whose first response came after the target (or that still wait past it). */
  readonly count: number;
  /** The first-response target in `unit`s; null when none is configured, and then `count` is 0. */
  readonly targetHours: number | null;
}

export interface SatisfactionSummary {
  /** Ratings given in the period. */
  readonly count: number;
  /** Mean rating 1..5; null with no rating. */
  readonly average: number | null;
  /** How many gave 1, 2, 3, 4 and 5 (index 0 is the count of 1s). */
  readonly distribution: readonly [number, number, number, number, number];
  /** The latest few comments, redacted and capped, newest first. */
  readonly comments: readonly SatisfactionComment[];
}

export interface SatisfactionComment {
  readonly rating: number;
  readonly lang: Lang;
  readonly text: string;
  /** The UTC day, `YYYY-MM-DD` (no time, so a comment cannot be matched to a ticket by its time). */
  readonly date: string;
}

export interface UnansweredGroup {
  readonly count: number;
  /** Two or three of the group's questions, redacted, the most typical first. */
  readonly examples: readonly string[];
  /** The languages the group's questions were asked in. */
  readonly langs: readonly Lang[];
}

export interface InsightsOptions {
  /** The length of the period, 1 to 366 days, ending at `now`. */
  readonly days: number;
  readonly now: Date;
}

/**
 * Where the figures come from: the store of the running bot (`createInsightsSource` in
 * `insights-source.ts`), or a fake in tests. Only `buildInsights` reads it.
 */
export interface InsightsSource {
  /** The per-event records (outcomes, votes, unanswered questions, escalations, ratings) from `from` to `to`, oldest first. */
  events(from: Date, to: Date): Promise<readonly FeedbackEntry[]>;
  /** The tickets created from `from` to `to`, any status. */
  tickets(from: Date, to: Date): Promise<readonly Ticket[]>;
  /** A topic's English title (the id itself when unknown). */
  topicTitle(topic: string): string;
  /** Every support queue with its first-response target, when the routing config sets one. */
  readonly queues: readonly QueueSettings[];
}

export interface QueueSettings {
  readonly queue: string;
  readonly firstResponseTargetHours: number | null;
  /** The queue's working hours and target: breaches are counted on its clock; without it, in plain hours. */
  readonly responseTarget?: ResponseTarget;
}

/** The signature the page, the digest and `npm run report` call. */
export type BuildInsights = (source: InsightsSource, options: InsightsOptions) => Promise<InsightsReport>;
