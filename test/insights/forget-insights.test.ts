import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventFeedbackLog, userRef, type FeedbackEntry } from '../../src/feedback/feedback-log';
import { buildInsights } from '../../src/insights/build-insights';
import { createInsightsSource } from '../../src/insights/insights-source';
import { loadKnowledgeBase } from '../../src/knowledge/content-loader';
import { LmdbStorage } from '../../src/storage/lmdb-storage';
import { loadRoutingRules } from '../../src/support/routing-loader';
import { TicketRepository } from '../../src/support/ticket-repository';

const now = new Date('2026-11-25T12:00:00.000Z');
const at = (minutes: number) => new Date(now.getTime() - 3600_000 + minutes * 60_000).toISOString();

describe('forget me, in the insights', () => {
  it('when a user is forgotten, then their outcome, escalation, vote, unanswered and rating records are gone from the report', async () => {
    const storage = new LmdbStorage(join(mkdtempSync(join(tmpdir(), 'forget-insights-')), 'bot.mdb'));
    const log = new EventFeedbackLog(storage);
    const mine = userRef('msteams', 'leaving');
    const theirs = userRef('msteams', 'staying');
    const events = (user: string, question: string): FeedbackEntry[] => [
      { kind: 'outcome', outcome: 'answered', via: 'text', topic: 'unlink', lang: 'en', user, at: at(0) },
      { kind: 'helpful', topic: 'unlink', helpful: false, lang: 'en', user, at: at(1) },
      { kind: 'outcome', outcome: 'fallback', via: 'text', lang: 'en', user, at: at(2) },
      { kind: 'unanswered', text: question, lang: 'en', user, at: at(2) },
      { kind: 'escalated', queue: 'microsoft-support', topic: 'unlink', lang: 'en', user, at: at(3) },
      { kind: 'rating', queue: 'microsoft-support', rating: 2, comment: 'slow', lang: 'en', user, at: at(50) },
    ];
    for (const e of [...events(mine, 'exam voucher price'), ...events(theirs, 'exam voucher discount')]) await log.record(e);
    const source = createInsightsSource({
      feedback: log,
      tickets: new TicketRepository(storage),
      kb: loadKnowledgeBase('./content'),
      routing: loadRoutingRules('./content'),
    });
    const before = await buildInsights(source, { days: 1, now });
    expect([before.totals.questions, before.totals.sessions, before.satisfaction.count, before.unansweredGroups[0].count]).toEqual([
      4, 2, 2, 2,
    ]);

    expect(await log.forgetUser('leaving', 'msteams')).toBe(6);

    const after = await buildInsights(source, { days: 1, now });
    expect([after.totals.questions, after.totals.sessions, after.satisfaction.count, after.unansweredGroups[0].count]).toEqual([
      2, 1, 1, 1,
    ]);
    expect(after.unansweredGroups[0].examples).toEqual(['exam voucher discount']);
    expect(after.perTopic).toEqual([expect.objectContaining({ topic: 'unlink', answers: 1, notHelpful: 1, escalationsAfter: 1 })]);
    await storage.close();
  });
});
