import { z } from 'zod';
import type { BuildInsights, InsightsReport, InsightsSource } from './insights-types';

/** What the page's API asks for: the report of the last `days` days, ending now. */
export interface InsightsProvider {
  report(days: number): Promise<InsightsReport>;
}

export const DAYS = { min: 1, max: 90, default: 28 } as const;

/** `?days=N` of GET /api/insights: a whole number in DAYS, 28 when absent. */
export const daysQuery = z.object({
  days: z
    .string()
    .max(4)
    .regex(/^\d+$/)
    .transform(Number)
    .pipe(z.number().int().min(DAYS.min).max(DAYS.max))
    .optional()
    .transform((days) => days ?? DAYS.default),
});

/** The provider the composition root wires: the report built from the store, up to the moment asked. */
export function insightsProvider(build: BuildInsights, source: InsightsSource, now: () => Date = () => new Date()): InsightsProvider {
  return { report: (days) => build(source, { days, now: now() }) };
}

/** Until the figures are computed from the store: every count zero, every rate and time unknown. */
export const noFiguresYet: InsightsProvider = {
  async report(days) {
    const to = new Date();
    const from = new Date(to.getTime() - days * 86_400_000);
    return {
      period: { from: from.toISOString(), to: to.toISOString(), days },
      daily: [],
      totals: { questions: 0, sessions: 0, selfServiceResolutionRate: null, escalationRate: null },
      perTopic: [],
      perQueue: [],
      satisfaction: { count: 0, average: null, distribution: [0, 0, 0, 0, 0], comments: [] },
      unansweredGroups: [],
    };
  },
};
