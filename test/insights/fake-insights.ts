import type { InsightsProvider } from '../../src/insights/insights-provider';
import type { DailyPoint, InsightsReport } from '../../src/insights/insights-types';

const day = (n: number) => new Date(Date.UTC(2026, 10, 1 + n)).toISOString().slice(0, 10);

/** Seven days in both languages; days 2 and 5 have no French session (their rate is null). */
function daily(): DailyPoint[] {
  const points: DailyPoint[] = [];
  for (let n = 0; n < 7; n++) {
    const questions = 10 + 3 * n;
    const sessions = 6 + n;
    const answered = questions - 4;
    points.push({ date: day(n), lang: 'en', questions, sessions, answered, didYouMean: 3, fallback: 1, resolutionRate: 0.5 + n / 20 });
    const quiet = n === 2 || n === 5;
    points.push({
      date: day(n),
      lang: 'fr',
      questions: quiet ? 0 : 4 + n,
      sessions: quiet ? 0 : 2,
      answered: quiet ? 0 : 3 + n,
      didYouMean: quiet ? 0 : 1,
      fallback: 0,
      resolutionRate: quiet ? null : 1,
    });
  }
  return points;
}

/** A report with a figure in every part, some of them missing (null), as buildInsights could return. */
export function fakeReport(days: number): InsightsReport {
  return {
    period: { from: '2026-11-01T00:00:00.000Z', to: '2026-11-08T00:00:00.000Z', days },
    daily: daily(),
    totals: { questions: 186, sessions: 73, selfServiceResolutionRate: 0.62, escalationRate: 0.11 },
    perTopic: [
      { topic: 'credit-eligible-exams', title: 'Which exams are eligible', answers: 41, helpful: 17, notHelpful: 3, escalationsAfter: 1 },
      { topic: 'link-overview', title: 'Linking', answers: 23, helpful: 8, notHelpful: 6, escalationsAfter: 4 },
      { topic: 'retired-topic', title: 'A topic no longer in the content', answers: 2, helpful: 0, notHelpful: 1, escalationsAfter: 0 },
    ],
    perQueue: [
      {
        queue: 'certification-support',
        opened: 6,
        unit: 'hours',
        firstResponse: { median: 3.5, p90: 20.25, count: 6 },
        resolution: { median: 26, p90: 71.5, count: 4 },
        breaches: { count: 2, targetHours: 8 },
      },
      {
        queue: 'microsoft-support',
        opened: 2,
        unit: 'hours',
        firstResponse: { median: 1.25, p90: 2, count: 2 },
        resolution: { median: null, p90: null, count: 0 },
        breaches: { count: 0, targetHours: null },
      },
    ],
    satisfaction: {
      count: 9,
      average: 3.9,
      distribution: [1, 0, 2, 2, 4],
      comments: [
        { rating: 5, lang: 'fr', text: 'Réponse rapide, merci', date: '2026-11-06' },
        { rating: 2, lang: 'en', text: 'Took two days to hear back', date: '2026-11-04' },
      ],
    },
    unansweredGroups: [
      { count: 12, examples: ['exam voucher for az-104?', 'how do I get a voucher'], langs: ['en'] },
      { count: 5, examples: ['attestation de réussite en pdf', 'certificat pdf'], langs: ['fr', 'en'] },
    ],
  };
}

/** The page's provider in tests: returns fakeReport and remembers each period asked for. */
export class FakeInsights implements InsightsProvider {
  readonly asked: number[] = [];
  async report(days: number): Promise<InsightsReport> {
    this.asked.push(days);
    return fakeReport(days);
  }
}
