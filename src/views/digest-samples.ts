import { LANGUAGES } from '../i18n/language';
import type { InsightsReport } from '../insights/insights-types';
import type { DigestCards } from './digest-card';

const period = { from: '2026-11-16T08:00:00.000Z', to: '2026-11-23T08:00:00.000Z', days: 7 };
const stats = { median: 2.5, p90: 6, count: 4 };

/** A week with something in every section, to check the template at startup and in the card tests. */
export const SAMPLE_WEEK: InsightsReport = {
  period,
  daily: [],
  totals: { questions: 42, sessions: 30, selfServiceResolutionRate: 0.633, escalationRate: 0.1 },
  perTopic: [{ topic: 'unlink', title: 'Unlink', answers: 9, helpful: 2, notHelpful: 3, escalationsAfter: 1 }],
  perQueue: [
    {
      queue: 'certification-support',
      opened: 4,
      unit: 'hours',
      firstResponse: stats,
      resolution: stats,
      breaches: { count: 1, targetHours: 8 },
    },
    {
      queue: 'microsoft-support',
      opened: 0,
      unit: 'hours',
      firstResponse: { median: null, p90: null, count: 0 },
      resolution: stats,
      breaches: { count: 0, targetHours: null },
    },
  ],
  satisfaction: { count: 3, average: 4.33, distribution: [0, 0, 1, 0, 2], comments: [] },
  unansweredGroups: [{ count: 5, examples: ['exam voucher price', 'where to get a *voucher* [link](https://example.com)'], langs: ['en'] }],
};

/** The week before: nothing happened, so every "before" shows its empty form. */
export const SAMPLE_QUIET_WEEK: InsightsReport = {
  ...SAMPLE_WEEK,
  totals: { questions: 0, sessions: 0, selfServiceResolutionRate: null, escalationRate: null },
  perTopic: [],
  satisfaction: { count: 0, average: null, distribution: [0, 0, 0, 0, 0], comments: [] },
  unansweredGroups: [],
};

export function renderDigestCards(cards: DigestCards): { name: string; lang: string; card: Record<string, unknown> }[] {
  return LANGUAGES.flatMap((lang) => [
    { name: 'digest', lang, card: cards.digest(SAMPLE_WEEK, SAMPLE_QUIET_WEEK, lang) },
    { name: 'digest:quiet', lang, card: cards.digest(SAMPLE_QUIET_WEEK, SAMPLE_WEEK, lang) },
  ]);
}
