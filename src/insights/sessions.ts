import type { FeedbackEntry } from '../feedback/feedback-log';
import type { Lang } from '../i18n/language';

/** A session ends after this long without a message from its user. */
export const SESSION_GAP_MS = 30 * 60_000;

export interface Session {
  readonly start: string;
  /** The language of its first event. */
  readonly lang: Lang;
  readonly answered: boolean;
  readonly escalated: boolean;
  /** The last "Was this helpful?" vote of the session was "No". */
  readonly lastVoteNotHelpful: boolean;
  /** Topics that were the last one answered when a ticket was filed (one entry per ticket). */
  readonly escalatedAfter: readonly string[];
}

/** Answered, and neither a ticket nor a final "not helpful": the bot resolved it on its own. */
export const isResolved = (s: Session): boolean => s.answered && !s.escalated && !s.lastVoteNotHelpful;

/**
 * Cuts a user's events into sessions: events are grouped by the hashed user (the conversation
 * when there is none), sorted by time, and a gap of more than 30 minutes starts a new session.
 * Ratings come days later and belong to no session.
 */
export function sessionsOf(events: readonly FeedbackEntry[]): Session[] {
  const byActor = new Map<string, FeedbackEntry[]>();
  for (const e of events) {
    if (e.kind === 'rating') continue;
    const actor = e.user ?? e.session ?? 'anonymous';
    const list = byActor.get(actor) ?? [];
    list.push(e);
    byActor.set(actor, list);
  }
  const sessions: Session[] = [];
  for (const list of byActor.values()) {
    list.sort((a, b) => a.at.localeCompare(b.at));
    let current: FeedbackEntry[] = [];
    for (const e of list) {
      const last = current[current.length - 1];
      if (last && Date.parse(e.at) - Date.parse(last.at) > SESSION_GAP_MS) {
        sessions.push(summarise(current));
        current = [];
      }
      current.push(e);
    }
    if (current.length > 0) sessions.push(summarise(current));
  }
  return sessions.sort((a, b) => a.start.localeCompare(b.start));
}

function summarise(events: readonly FeedbackEntry[]): Session {
  let answered = false;
  let lastTopic: string | undefined;
  let lastVoteNotHelpful = false;
  const escalatedAfter: string[] = [];
  let escalated = false;
  for (const e of events) {
    if (e.kind === 'outcome' && e.outcome === 'answered') {
      answered = true;
      if (e.topic) lastTopic = e.topic;
    } else if (e.kind === 'helpful') {
      lastVoteNotHelpful = !e.helpful;
    } else if (e.kind === 'escalated') {
      escalated = true;
      const after = lastTopic ?? e.topic ?? undefined;
      if (after) escalatedAfter.push(after);
    }
  }
  return { start: events[0].at, lang: events[0].lang, answered, escalated, lastVoteNotHelpful, escalatedAfter };
}
