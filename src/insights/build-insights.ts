import type { FeedbackEntry } from '../feedback/feedback-log';
import { LANGUAGES, type Lang } from '../i18n/language';
import type { DailyPoint, InsightsOptions, InsightsReport, InsightsSource, SatisfactionSummary, TopicOutcome } from './insights-types';
import { isResolved, sessionsOf, type Session } from './sessions';
import { queueTimes } from './ticket-times';
import { groupUnanswered } from './unanswered-groups';

const DAY_MS = 86_400_000;
export const MAX_DAYS = 366;
const MAX_COMMENTS = 5;

/**
 * The figures of the `days` days up to `now`, from the records the bot keeps. The page, the
 * weekly digest and `npm run report` all call this, so they always show the same numbers.
 */
export async function buildInsights(source: InsightsSource, options: InsightsOptions): Promise<InsightsReport> {
  const { days, now } = options;
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
    throw new Error(`buildInsights(): days must be 1 to ${MAX_DAYS}, got ${days}`);
  }
  const from = new Date(now.getTime() - days * DAY_MS);
  const [events, tickets] = await Promise.all([source.events(from, now), source.tickets(from, now)]);
  const sessions = sessionsOf(events);
  const resolved = sessions.filter(isResolved).length;
  const questions = events.filter((e) => e.kind === 'outcome' && e.via === 'text').length;
  return {
    period: { from: from.toISOString(), to: now.toISOString(), days },
    daily: daily(events, sessions, from, days),
    totals: {
      questions,
      sessions: sessions.length,
      selfServiceResolutionRate: rate(resolved, sessions.length),
      escalationRate: rate(sessions.filter((s) => s.escalated).length, sessions.length),
    },
    perTopic: perTopic(events, sessions, source),
    perQueue: queueTimes(tickets, source.queues, now),
    satisfaction: satisfaction(events),
    unansweredGroups: groupUnanswered(
      events
        .flatMap((e) => (e.kind === 'unanswered' ? [{ text: e.text, lang: e.lang, at: e.at }] : []))
        .sort((a, b) => a.at.localeCompare(b.at)),
    ),
  };
}

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);
const dayOf = (at: string) => at.slice(0, 10);

interface DayCounts {
  questions: number;
  answered: number;
  didYouMean: number;
  fallback: number;
  sessions: number;
  resolved: number;
}
const emptyDay = (): DayCounts => ({ questions: 0, answered: 0, didYouMean: 0, fallback: 0, sessions: 0, resolved: 0 });

function daily(events: readonly FeedbackEntry[], sessions: readonly Session[], from: Date, days: number): DailyPoint[] {
  // Counted in one pass into buckets keyed by day and language, then read out day by day.
  const buckets = new Map<string, DayCounts>();
  const bucket = (date: string, lang: string) => {
    const key = `${date}/${lang}`;
    const found = buckets.get(key) ?? emptyDay();
    buckets.set(key, found);
    return found;
  };
  for (const e of events) {
    if (e.kind !== 'outcome' || e.via !== 'text') continue;
    const b = bucket(dayOf(e.at), e.lang);
    b.questions++;
    b[e.outcome === 'answered' ? 'answered' : e.outcome === 'did-you-mean' ? 'didYouMean' : 'fallback']++;
  }
  for (const s of sessions) {
    const b = bucket(dayOf(s.start), s.lang);
    b.sessions++;
    if (isResolved(s)) b.resolved++;
  }
  const points: DailyPoint[] = [];
  // Every day from the day of `from` to the day of `now`, days without activity included.
  const first = Date.parse(dayOf(from.toISOString()));
  for (let t = first; t <= first + days * DAY_MS; t += DAY_MS) {
    const date = new Date(t).toISOString().slice(0, 10);
    for (const lang of LANGUAGES) {
      const { resolved, ...counts } = buckets.get(`${date}/${lang}`) ?? emptyDay();
      points.push({ date, lang, ...counts, resolutionRate: rate(resolved, counts.sessions) });
    }
  }
  return points;
}

function perTopic(events: readonly FeedbackEntry[], sessions: readonly Session[], source: InsightsSource): TopicOutcome[] {
  const topics = new Map<string, { answers: number; helpful: number; notHelpful: number; escalationsAfter: number }>();
  const of = (topic: string) => {
    const found = topics.get(topic) ?? { answers: 0, helpful: 0, notHelpful: 0, escalationsAfter: 0 };
    topics.set(topic, found);
    return found;
  };
  for (const e of events) {
    if (e.kind === 'outcome' && e.outcome === 'answered' && e.topic) of(e.topic).answers++;
    if (e.kind === 'helpful') of(e.topic)[e.helpful ? 'helpful' : 'notHelpful']++;
  }
  for (const s of sessions) for (const topic of s.escalatedAfter) of(topic).escalationsAfter++;
  return [...topics.entries()]
    .map(([topic, t]) => ({ topic, title: source.topicTitle(topic), ...t }))
    .sort((a, b) => b.answers - a.answers || a.topic.localeCompare(b.topic));
}

function satisfaction(events: readonly FeedbackEntry[]): SatisfactionSummary {
  const ratings = events.flatMap((e) => (e.kind === 'rating' && Number.isInteger(e.rating) && e.rating >= 1 && e.rating <= 5 ? [e] : []));
  const distribution: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const r of ratings) distribution[r.rating - 1]++;
  const sum = ratings.reduce((total, r) => total + r.rating, 0);
  return {
    count: ratings.length,
    average: ratings.length === 0 ? null : Math.round((sum / ratings.length) * 100) / 100,
    distribution,
    comments: ratings
      .filter((r) => r.comment)
      .slice(-MAX_COMMENTS)
      .reverse()
      .map((r) => ({ rating: r.rating, lang: r.lang as Lang, text: r.comment ?? '', date: dayOf(r.at) })),
  };
}
