import { strings } from '../../src/i18n/strings';
import { userRef } from '../../src/feedback/feedback-log';
import { button, onlyCard } from '../helpers/cards';
import { createTestBot } from '../helpers/test-bot';

describe('forget me, in the feedback log', () => {
  it('when a user who left unanswered questions says "forget me" and confirms, then their feedback records are deleted and other users\' stay', async () => {
    const bot = createTestBot();
    const other = bot.conversation({ userId: 'other-user' });
    await other.say('what is the weather in Paris tomorrow');
    const chat = bot.conversation({ userId: 'forgetful' });
    await chat.say('what is the weather in Paris tomorrow');
    const mine = userRef('msteams', 'forgetful');
    // The unanswered question and its outcome (a fallback), both read by the insights.
    expect(
      bot.feedback.entries
        .filter((e) => e.user === mine)
        .map((e) => e.kind)
        .sort(),
    ).toEqual(['outcome', 'unanswered']);

    const confirm = onlyCard(await chat.say('forget me'));
    await chat.click(button(confirm, strings('en').forgetYes));

    expect(bot.feedback.entries.filter((e) => e.user === mine)).toEqual([]);
    expect(bot.feedback.entries.filter((e) => e.user === userRef('msteams', 'other-user'))).toHaveLength(2);
  });
});
