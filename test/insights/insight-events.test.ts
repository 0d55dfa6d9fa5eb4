import { userRef } from '../../src/feedback/feedback-log';
import { createTestBot } from '../helpers/test-bot';

describe('what the bot records for the insights', () => {
  const bot = createTestBot();
  const outcomes = () => bot.feedback.entries.filter((e) => e.kind === 'outcome');

  it('when a user asks, gets unsure and out-of-scope questions, and opens a topic, then each records how it ended, with the hashed user', async () => {
    const chat = bot.conversation({ userId: 'asker', locale: 'fr-FR' });
    await chat.say('comment délier mon MCID de mon entreprise ?');
    await chat.say('quelle est la météo à Paris demain');
    await chat.click({ verb: 'topic', data: { verb: 'topic', lang: 'en', topicId: 'link-how' } });
    expect(outcomes().map(({ outcome, via, topic, lang }) => ({ outcome, via, topic, lang }))).toEqual([
      { outcome: 'answered', via: 'text', topic: 'unlink', lang: 'fr' },
      { outcome: 'fallback', via: 'text', topic: undefined, lang: 'fr' },
      { outcome: 'answered', via: 'button', topic: 'link-how', lang: 'en' },
    ]);
    expect(outcomes().every((e) => e.user === userRef('msteams', 'asker'))).toBe(true);
    expect(JSON.stringify(bot.feedback.entries)).not.toContain('asker');
  });

  it('when small talk comes in, then no outcome is recorded: it is not a question', async () => {
    const before = outcomes().length;
    await bot.conversation({ userId: 'polite' }).say('thanks!');
    expect(outcomes()).toHaveLength(before);
  });
});
