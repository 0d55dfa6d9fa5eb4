import { buildInsights } from '../../src/insights/build-insights';
import { groupUnanswered } from '../../src/insights/unanswered-groups';
import { NOW, seededSource } from './seeded-insights';

describe('buildInsights over a seeded week', () => {
  const report = () => buildInsights(seededSource(), { days: 7, now: NOW });

  it('when five sessions saw two resolved and two tickets, then both rates are 2 / 5', async () => {
    const { totals, period } = await report();
    // A's first visit and D's (last vote "Yes") are resolved; A's second and C's filed tickets; B voted "No" last.
    expect(totals).toEqual({ questions: 7, sessions: 5, selfServiceResolutionRate: 0.4, escalationRate: 0.4 });
    expect(period).toEqual({ from: '2026-11-18T12:00:00.000Z', to: NOW.toISOString(), days: 7 });
  });

  it('when questions are counted per day and language, then each day shows its outcomes and its resolution rate', async () => {
    const { daily } = await report();
    const day = (date: string, lang: string) => daily.find((d) => d.date === date && d.lang === lang);
    expect(daily).toHaveLength(8 * 2);
    expect(day('2026-11-20', 'en')).toEqual({
      date: '2026-11-20',
      lang: 'en',
      questions: 3,
      sessions: 2,
      answered: 1,
      didYouMean: 0,
      fallback: 2,
      resolutionRate: 0.5,
    });
    expect(day('2026-11-21', 'fr')).toEqual({
      date: '2026-11-21',
      lang: 'fr',
      questions: 2,
      sessions: 1,
      answered: 1,
      didYouMean: 1,
      fallback: 0,
      resolutionRate: 0,
    });
    expect(day('2026-11-22', 'fr')?.resolutionRate).toBe(1);
    // The button that opened a topic is an answer but not a typed question.
    expect(day('2026-11-22', 'en')).toMatchObject({ questions: 1, answered: 1, sessions: 1, resolutionRate: 0 });
    expect(day('2026-11-19', 'en')).toMatchObject({ questions: 0, sessions: 0, resolutionRate: null });
  });

  it('when topics were answered and voted on, then each shows answers, votes and the tickets filed after it', async () => {
    const { perTopic } = await report();
    expect(perTopic).toEqual([
      { topic: 'link-how', title: 'Title of link-how', answers: 2, helpful: 1, notHelpful: 0, escalationsAfter: 0 },
      { topic: 'unlink', title: 'Title of unlink', answers: 2, helpful: 0, notHelpful: 1, escalationsAfter: 1 },
      { topic: 'change-company', title: 'Title of change-company', answers: 1, helpful: 1, notHelpful: 1, escalationsAfter: 0 },
    ]);
  });

  it('when tickets were answered and resolved, then each queue shows the median and 90th percentile and the breaches', async () => {
    const { perQueue } = await report();
    const ms = perQueue.find((q) => q.queue === 'microsoft-support');
    const cs = perQueue.find((q) => q.queue === 'certification-support');
    // First responses 2 h and 4 h; resolutions 5 h and 24 h; the third ticket still waits (60 h, past the 3 h target).
    expect(ms).toEqual({
      queue: 'microsoft-support',
      opened: 3,
      unit: 'hours',
      firstResponse: { median: 3, p90: 3.8, count: 2 },
      resolution: { median: 14.5, p90: 22.1, count: 2 },
      breaches: { count: 2, targetHours: 3 },
    });
    // Resolved without a reply: the resolution is the first response. No target: no breach counted.
    expect(cs).toEqual({
      queue: 'certification-support',
      opened: 1,
      unit: 'hours',
      firstResponse: { median: 10, p90: 10, count: 1 },
      resolution: { median: 10, p90: 10, count: 1 },
      breaches: { count: 0, targetHours: null },
    });
  });

  it('when three ratings were given, then the average, the distribution and the comments (newest first) are shown', async () => {
    const { satisfaction } = await report();
    expect(satisfaction).toEqual({
      count: 3,
      average: 3.67,
      distribution: [0, 1, 0, 1, 1],
      comments: [
        { rating: 2, lang: 'fr', text: 'Trop long', date: '2026-11-24' },
        { rating: 5, lang: 'en', text: 'Great help', date: '2026-11-23' },
      ],
    });
  });

  it('when unanswered questions share words, then they form one group, largest first, with up to three examples', async () => {
    const { unansweredGroups } = await report();
    expect(unansweredGroups[0].count).toBe(3);
    expect(unansweredGroups[0].examples).toEqual([
      'where can I get a voucher for my exam',
      'exam voucher discount for students?',
      'how do I get an exam voucher',
    ]);
    expect(unansweredGroups.map((g) => g.count).reduce((a, b) => a + b)).toBe(5);
  });

  it('when the report is built, then no user reference or name appears in it', async () => {
    const text = JSON.stringify(await report());
    for (const secret of ['"A"', '"B"', '"C"', '"D"', 'Someone', '29:']) expect(text).not.toContain(secret);
  });

  it('when days is out of range, then it is refused with a message naming the function', async () => {
    await expect(buildInsights(seededSource(), { days: 0, now: NOW })).rejects.toThrow('buildInsights(): days must be 1 to 366');
  });
});

describe('groupUnanswered', () => {
  it('when more questions come than the cap, then only the newest are grouped', () => {
    const questions = Array.from({ length: 50 }, (_, i) => ({
      text: i < 40 ? 'exam voucher price' : 'reset my password please',
      lang: 'en' as const,
    }));
    const groups = groupUnanswered(questions, { maxQuestions: 10, maxGroups: 5, threshold: 0.45, top: 5 });
    expect(groups).toEqual([{ count: 10, examples: ['reset my password please'], langs: ['en'] }]);
  });

  it('when the questions are unrelated, then each stands alone', () => {
    const groups = groupUnanswered([
      { text: 'exam voucher price', lang: 'en' },
      { text: 'weather in Paris tomorrow', lang: 'en' },
    ]);
    expect(groups.map((g) => g.count)).toEqual([1, 1]);
  });
});
