import { MemoryStorage } from 'botbuilder';
import { createFeedbackLog } from '../../src/feedback/feedback-log';
import { buildReport, formatReport } from '../../src/feedback/feedback-report';
import { createTestBot } from '../helpers/test-bot';

describe('learning from use', () => {
  it('when users ask unanswerable questions and vote, then the report ranks the questions and the least helpful topics', async () => {
    const log = createFeedbackLog(new MemoryStorage());
    const at = new Date('2026-11-20T10:00:00Z').toISOString();
    await Promise.all([
      log.record({ kind: 'unanswered', text: 'How much is AZ-104?', lang: 'en', at }),
      log.record({ kind: 'unanswered', text: 'how much is az-104', lang: 'en', at }),
      log.record({ kind: 'unanswered', text: 'Combien coûte AZ-104 ?', lang: 'fr', at }),
      log.record({ kind: 'helpful', topic: 'unlink', helpful: false, lang: 'en', at }),
      log.record({ kind: 'helpful', topic: 'unlink', helpful: false, lang: 'fr', at }),
      log.record({ kind: 'helpful', topic: 'unlink', helpful: true, lang: 'en', at }),
      log.record({ kind: 'helpful', topic: 'credit-forms', helpful: true, lang: 'en', at }),
    ]);
    const entries = await log.recent(7, new Date('2026-11-21T09:00:00Z'));
    expect(entries).toHaveLength(7);
    const report = buildReport(entries);
    expect(report.unanswered[0]).toEqual({ text: 'How much is AZ-104?', count: 2, langs: 'en' });
    expect(report.topics[0]).toEqual({ topic: 'unlink', helpful: 1, notHelpful: 2 });
    expect(formatReport(report, 7)).toContain('   2 / 3  unlink');
    expect(await log.recent(1, new Date('2026-11-25T09:00:00Z'))).toEqual([]);
  });

  it('when a user pastes an access code in an unanswerable question, then the stored text is redacted', async () => {
    const storage = new MemoryStorage();
    const bot = createTestBot({ storage });
    await bot.conversation().say('my Access Code 12345678 for the pizza order');
    const stored = JSON.stringify(await createFeedbackLog(storage).recent(1, new Date()));
    // The test bot records feedback in memory; the storage path is covered above. Check the recording log.
    expect(JSON.stringify(bot.feedback.entries)).not.toContain('12345678');
    expect(bot.feedback.entries.some((e) => e.kind === 'unanswered' && e.text.includes('[redacted]'))).toBe(true);
    expect(stored).not.toContain('12345678');
  });
});
