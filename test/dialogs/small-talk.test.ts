import { strings } from '../../src/i18n/strings';
import { LANGUAGES } from '../../src/i18n/language';
import { cardsOf, onlyCard, textOf } from '../helpers/cards';
import { createTestBot } from '../helpers/test-bot';

const bot = createTestBot();
const unanswered = () => bot.feedback.entries.filter((e) => e.kind === 'unanswered');

describe('small talk', () => {
  it.each([
    ['thanks!', 'en', 'thanks'],
    ['Thank you very much', 'en', 'thanks'],
    ['ok', 'en', 'acknowledge'],
    ['great', 'en', 'acknowledge'],
    ['bye', 'en', 'goodbye'],
    ['merci beaucoup', 'fr', 'thanks'],
    ["D'accord.", 'fr', 'acknowledge'],
    ['super', 'fr', 'acknowledge'],
    ['au revoir', 'fr', 'goodbye'],
  ] as const)(
    'when the user says "%s", then a short friendly %s reply comes, with no card and nothing logged as unanswered',
    async (text, lang, kind) => {
      const chat = bot.conversation({ locale: lang === 'fr' ? 'fr-FR' : 'en-US' });
      const before = unanswered().length;
      const replies = await chat.say(text);
      expect(replies.map((r) => r.text)).toEqual([strings(lang).smallTalk[kind]]);
      expect(cardsOf(replies)).toEqual([]);
      expect(unanswered()).toHaveLength(before);
    },
  );

  it.each(LANGUAGES)(
    'when %s small talk sits between two unanswered questions, then it does not count towards asking for a person',
    async (lang) => {
      const s = strings(lang);
      const chat = bot.conversation({ locale: lang === 'fr' ? 'fr-FR' : 'en-US' });
      const [weather, thanks, ok] =
        lang === 'fr'
          ? ['quelle est la météo demain à Lyon', 'merci', "d'accord"]
          : ['what is the weather in Paris tomorrow', 'thanks', 'ok'];
      expect(textOf(onlyCard(await chat.say(weather)))).toContain(s.fallbackTitle);
      await chat.say(thanks);
      await chat.say(ok);
      // One more unanswered question is the second, which asks; the small talk did not ask earlier.
      const second = onlyCard(await chat.say(lang === 'fr' ? 'une recette de crêpes' : 'a recipe for pancakes'));
      expect(textOf(second)).toContain(s.support.twoFallbacks);
    },
  );

  it('when thanks come with a real question, then the question is answered', async () => {
    const card = onlyCard(await bot.conversation().say('thanks, but how do I unlink my certification profile?'));
    expect(textOf(card)).toContain(bot.app.kb.text('unlink', 'en').summary);
  });

  it('when the user says "merci" in the middle of the credit flow, then the bot answers kindly and the flow still waits for the exam', async () => {
    const chat = bot.conversation({ locale: 'fr-FR' });
    await chat.click({ verb: 'credit.start', data: { verb: 'credit.start', lang: 'fr' } });
    expect((await chat.say('merci')).map((r) => r.text)).toEqual([strings('fr').smallTalk.thanks]);
    expect(textOf(onlyCard(await chat.say('AZ-103')))).toContain(strings('fr').askVerify);
  });
});
