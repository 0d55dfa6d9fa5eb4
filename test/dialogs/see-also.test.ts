import { strings } from '../../src/i18n/strings';
import type { TopicId } from '../../src/knowledge/catalog';
import { buttonByVerb, buttonsOf, onlyCard, replacementCard, textOf } from '../helpers/cards';
import { createTestBot } from '../helpers/test-bot';

const bot = createTestBot();
const kb = bot.app.kb;

// Questions between two close topics, per language; which of them lands near its runner-up
// moves as the content grows, so the test takes the first that does.
const BETWEEN = {
  en: ['proof for Excelsior', 'send proof to Excelsior', 'badge or transcript for Excelsior', 'proof of my exam for the college'],
  fr: [
    'envoyer une preuve à Excelsior',
    'preuve pour Excelsior',
    'badge ou relevé pour Excelsior',
    'justificatif de certification pour Excelsior',
  ],
} as const;

describe('see also', () => {
  it.each(['en', 'fr'] as const)(
    'when a %s question is answered with a close runner-up, then the card offers it as "See also" in that language, and it answers',
    async (lang) => {
      const text = BETWEEN[lang].find((q) => bot.app.recognizer.recognize(q, lang).seeAlso !== undefined);
      expect(text).toBeDefined();
      const recognition = bot.app.recognizer.recognize(text!, lang);
      const neighbour = recognition.seeAlso!.topic as TopicId;
      const chat = bot.conversation({ locale: lang === 'fr' ? 'fr-CA' : 'en-US' });
      const card = onlyCard(await chat.say(text!));
      expect(card.lang).toBe(lang);
      expect(textOf(card)).toContain(kb.text(recognition.topic as TopicId, lang).summary);
      expect(textOf(card)).toContain(strings(lang).seeAlsoTitle);
      const offered = buttonsOf(card).filter((b) => b.verb === 'topic' && b.data.topicId === neighbour);
      // Once: the neighbour is not listed again among the related questions.
      expect(offered).toHaveLength(1);
      expect(offered[0].title).toBe(kb.text(neighbour, lang).title);
      const answer = onlyCard(await chat.click(offered[0]));
      expect(answer.lang).toBe(lang);
      expect(textOf(answer)).toContain(kb.text(neighbour, lang).summary);
      expect(textOf(answer)).not.toContain(strings(lang).seeAlsoTitle);
    },
  );

  it.each(['en', 'fr'] as const)(
    'when the %s card with "See also" is switched to the other language or rated, then the card drawn again keeps it',
    async (lang) => {
      const text = BETWEEN[lang].find((q) => bot.app.recognizer.recognize(q, lang).seeAlso !== undefined)!;
      const recognition = bot.app.recognizer.recognize(text, lang);
      const neighbour = recognition.seeAlso!.topic as TopicId;
      const chat = bot.conversation({ locale: lang === 'fr' ? 'fr-CA' : 'en-US' });
      const card = onlyCard(await chat.say(text));
      const otherLang = lang === 'en' ? 'fr' : 'en';
      const switched = replacementCard(await chat.click(buttonByVerb(card, 'language')));
      expect(switched?.lang).toBe(otherLang);
      expect(textOf(switched!)).toContain(strings(otherLang).seeAlsoTitle);
      expect(buttonsOf(switched!).filter((b) => b.verb === 'topic' && b.data.topicId === neighbour)[0]?.title).toBe(
        kb.text(neighbour, otherLang).title,
      );
      const rated = replacementCard(await chat.click(buttonByVerb(card, 'feedback', (data) => data.helpful === false)));
      expect(textOf(rated!)).toContain(strings(lang).feedbackSorry);
      expect(textOf(rated!)).toContain(strings(lang).seeAlsoTitle);
    },
  );

  it('when SEE_ALSO_GAP is 0, then the same question gets its answer with no "See also"', async () => {
    const text = BETWEEN.en.find((q) => bot.app.recognizer.recognize(q, 'en').seeAlso !== undefined)!;
    const topic = bot.app.recognizer.recognize(text, 'en').topic as TopicId;
    const off = createTestBot({ env: { SEE_ALSO_GAP: '0' } });
    const card = onlyCard(await off.conversation().say(text));
    expect(textOf(card)).toContain(kb.text(topic, 'en').summary);
    expect(textOf(card)).not.toContain(strings('en').seeAlsoTitle);
  });

  it.each([
    ['how do I unlink my MCID from my company', 'en'],
    ['comment dissocier mon MCID de mon entreprise ?', 'fr'],
  ] as const)('when "%s" is answered clearly, then the %s card has no "See also"', async (text, lang) => {
    expect(bot.app.recognizer.recognize(text, lang).seeAlso).toBeUndefined();
    const card = onlyCard(await bot.conversation().say(text));
    expect(card.lang).toBe(lang);
    expect(textOf(card)).toContain(kb.text('unlink', lang).summary);
    expect(textOf(card)).not.toContain(strings(lang).seeAlsoTitle);
  });
});
