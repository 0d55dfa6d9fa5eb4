import type { FeedbackEntry } from '../../src/feedback/feedback-log';
import type { InsightsSource } from '../../src/insights/insights-types';
import type { Ticket, TicketEvent } from '../../src/support/ticket';

/** The report's `now` in the seeded tests: a week from 2026-11-18 12:00 UTC. */
export const NOW = new Date('2026-11-25T12:00:00.000Z');

const at = (iso: string) => new Date(iso).toISOString();

/**
 * Five sessions of four people over the week (plus one the week before, user E, answered):
 * A asks once and says it helped; A comes back an hour later, gets two fallbacks and files a
 * ticket; B (in French) votes "not helpful" on an answer and gets a "Did you mean…"; C opens
 * a topic from a button, asks a question, then files a ticket after it; D (in French) first
 * votes "No", then "Yes".
 */
export const EVENTS: FeedbackEntry[] = [
  { kind: 'outcome', outcome: 'answered', via: 'text', topic: 'link-how', lang: 'en', user: 'E', at: at('2026-11-12T09:00:00Z') },
  { kind: 'outcome', outcome: 'answered', via: 'text', topic: 'link-how', lang: 'en', user: 'A', at: at('2026-11-20T09:00:00Z') },
  { kind: 'helpful', topic: 'link-how', helpful: true, lang: 'en', user: 'A', at: at('2026-11-20T09:01:00Z') },
  { kind: 'outcome', outcome: 'fallback', via: 'text', lang: 'en', user: 'A', at: at('2026-11-20T10:00:00Z') },
  { kind: 'unanswered', text: 'how do I get an exam voucher', lang: 'en', user: 'A', at: at('2026-11-20T10:00:00Z') },
  { kind: 'outcome', outcome: 'fallback', via: 'text', lang: 'en', user: 'A', at: at('2026-11-20T10:05:00Z') },
  { kind: 'unanswered', text: 'exam voucher discount for students?', lang: 'en', user: 'A', at: at('2026-11-20T10:05:00Z') },
  { kind: 'escalated', queue: 'microsoft-support', topic: null, lang: 'en', user: 'A', at: at('2026-11-20T10:06:00Z') },
  { kind: 'outcome', outcome: 'answered', via: 'text', topic: 'unlink', lang: 'fr', user: 'B', at: at('2026-11-21T14:00:00Z') },
  { kind: 'helpful', topic: 'unlink', helpful: false, lang: 'fr', user: 'B', at: at('2026-11-21T14:02:00Z') },
  { kind: 'outcome', outcome: 'did-you-mean', via: 'text', lang: 'fr', user: 'B', at: at('2026-11-21T14:20:00Z') },
  { kind: 'unanswered', text: 'où trouver un bon de réduction pour un examen', lang: 'fr', user: 'B', at: at('2026-11-21T14:25:00Z') },
  { kind: 'outcome', outcome: 'answered', via: 'button', topic: 'link-how', lang: 'en', user: 'C', at: at('2026-11-22T08:00:00Z') },
  { kind: 'outcome', outcome: 'answered', via: 'text', topic: 'unlink', lang: 'en', user: 'C', at: at('2026-11-22T08:10:00Z') },
  { kind: 'escalated', queue: 'microsoft-support', topic: 'unlink', lang: 'en', user: 'C', at: at('2026-11-22T08:15:00Z') },
  { kind: 'unanswered', text: 'where can I get a voucher for my exam', lang: 'en', user: 'C', at: at('2026-11-22T08:16:00Z') },
  { kind: 'outcome', outcome: 'answered', via: 'text', topic: 'change-company', lang: 'fr', user: 'D', at: at('2026-11-22T08:00:00Z') },
  { kind: 'helpful', topic: 'change-company', helpful: false, lang: 'fr', user: 'D', at: at('2026-11-22T08:01:00Z') },
  { kind: 'helpful', topic: 'change-company', helpful: true, lang: 'fr', user: 'D', at: at('2026-11-22T08:02:00Z') },
  { kind: 'unanswered', text: 'what is the weather in Paris', lang: 'en', user: 'D', at: at('2026-11-22T08:05:00Z') },
  { kind: 'rating', queue: 'microsoft-support', rating: 5, comment: 'Great help', lang: 'en', user: 'A', at: at('2026-11-23T10:00:00Z') },
  { kind: 'rating', queue: 'microsoft-support', rating: 4, lang: 'en', user: 'C', at: at('2026-11-24T10:00:00Z') },
  {
    kind: 'rating',
    queue: 'certification-support',
    rating: 2,
    comment: 'Trop long',
    lang: 'fr',
    user: 'B',
    at: at('2026-11-24T11:00:00Z'),
  },
];

const hoursAfter = (start: string, hours: number) => new Date(Date.parse(start) + hours * 3_600_000).toISOString();

function ticket(
  id: string,
  queue: Ticket['queue'],
  createdAt: string,
  events: (Omit<TicketEvent, 'at'> & { readonly hours: number })[],
): Ticket {
  return {
    id,
    queue,
    topic: null,
    language: 'en',
    user: { id: `29:${id}`, name: 'Someone' },
    description: 'x',
    conversation: {},
    transcript: [],
    createdAt,
    status: 'open',
    history: [{ at: createdAt, status: 'open' }, ...events.map(({ hours, ...e }) => ({ ...e, at: hoursAfter(createdAt, hours) }))],
  };
}

/**
 * Microsoft support (target 3 h): answered after 2 h and resolved after 5 h; answered after
 * 4 h (a breach) and resolved after 24 h; still unanswered after 60 h (a breach). Certification
 * support (no target): resolved without a reply after 10 h. One older ticket is outside the week.
 */
export const TICKETS: Ticket[] = [
  ticket('MS-AAAAA1', 'microsoft-support', '2026-11-20T10:06:00.000Z', [
    { status: 'assigned', hours: 1 },
    { status: 'assigned', kind: 'reply', note: 'hi', hours: 2 },
    { status: 'assigned', kind: 'user-message', note: 'ok', hours: 3 },
    { status: 'resolved', hours: 5 },
  ]),
  ticket('MS-AAAAA2', 'microsoft-support', '2026-11-22T08:15:00.000Z', [
    { status: 'open', kind: 'reply', note: 'hi', hours: 4 },
    { status: 'resolved', hours: 24 },
  ]),
  ticket('MS-AAAAA3', 'microsoft-support', '2026-11-23T00:00:00.000Z', []),
  ticket('CS-AAAAA4', 'certification-support', '2026-11-21T00:00:00.000Z', [{ status: 'resolved', hours: 10 }]),
  ticket('CS-AAAAA5', 'certification-support', '2026-11-01T00:00:00.000Z', [{ status: 'resolved', hours: 1 }]),
];

/** The seeded records behind the same interface the bot's store offers. */
export function seededSource(events: readonly FeedbackEntry[] = EVENTS, tickets: readonly Ticket[] = TICKETS): InsightsSource {
  return {
    events: async (from, to) => events.filter((e) => e.at >= from.toISOString() && e.at <= to.toISOString()),
    tickets: async (from, to) => tickets.filter((t) => t.createdAt >= from.toISOString() && t.createdAt <= to.toISOString()),
    topicTitle: (topic) => `Title of ${topic}`,
    queues: [
      { queue: 'certification-support', firstResponseTargetHours: null },
      { queue: 'microsoft-support', firstResponseTargetHours: 3 },
    ],
  };
}
