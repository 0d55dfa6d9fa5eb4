import { strings } from '../../src/i18n/strings';
import { LANGUAGES } from '../../src/i18n/language';
import { button, buttonByVerb, buttonsOf, cardsOf, lastCard, onlyCard, textOf } from '../helpers/cards';
import { createTestBot } from '../helpers/test-bot';

const bot = createTestBot();
const kb = bot.app.kb;

describe('welcome and menu', () => {
  it.each([
    ['en-US', 'en'],
    ['fr-FR', 'fr'],
  ] as const)(
    'when a user installs the bot with Teams locale %s, then one welcome card in %s shows the three areas',
    async (locale, lang) => {
      const chat = bot.conversation({ locale });
      const card = onlyCard(await chat.install());
      expect(card.lang).toBe(lang);
      expect(textOf(card)).toContain(strings(lang).welcomeTitle);
      const areas = buttonsOf(card).filter((b) => b.verb === 'area');
      expect(areas.map((b) => b.data.area)).toEqual(['credit', 'linking', 'support']);
      expect(areas.map((b) => b.title)).toEqual(kb.areas.map((a) => a[lang].title));
    },
  );

  it('when the same user is added again, then the bot does not repeat its welcome', async () => {
    const chat = bot.conversation();
    expect(cardsOf(await chat.install())).toHaveLength(1);
    expect(cardsOf(await chat.install())).toHaveLength(0);
  });

  it.each([
    ['help', 'en'],
    ['menu', 'en'],
    ['bonjour', 'fr'],
    ['aide', 'fr'],
  ] as const)('when the user types "%s", then the menu comes back in %s', async (text, lang) => {
    const card = onlyCard(await bot.conversation().say(text));
    expect(card.lang).toBe(lang);
    expect(textOf(card)).toContain(strings(lang).menuTitle);
  });

  it.each(LANGUAGES)('when the user opens each area in %s, then every topic of that area is offered and each answers', async (lang) => {
    const chat = bot.conversation({ locale: lang === 'fr' ? 'fr-CA' : 'en-GB' });
    const menu = onlyCard(await chat.install());
    for (const area of kb.areas) {
      const list = onlyCard(await chat.click(buttonByVerb(menu, 'area', (d) => d.area === area.id)));
      expect(list.lang).toBe(lang);
      const topics = buttonsOf(list).filter((b) => b.verb === 'topic');
      expect(topics.map((b) => b.data.topicId)).toEqual(area.topics);
      for (const topic of topics) {
        const answer = onlyCard(await chat.click(topic));
        expect(answer.lang).toBe(lang);
        expect(textOf(answer)).toContain(kb.text(topic.data.topicId as never, lang).summary);
      }
    }
  });
});

describe('language', () => {
  it('when a French-locale user writes in English, then the answer is in English and later menus follow that choice', async () => {
    const chat = bot.conversation({ locale: 'fr-FR' });
    const answer = lastCard(await chat.say('how do I unlink my certification profile from the partner organization'));
    expect(answer.lang).toBe('en');
    const menu = onlyCard(await chat.send({ type: 'conversationUpdate', membersAdded: [{ id: 'someone-else', name: 'Someone' }] }));
    expect(menu.lang).toBe('en');
  });

  it('when the user presses "Français", then the bot confirms in French and the choice is remembered', async () => {
    const chat = bot.conversation({ locale: 'en-US' });
    const menu = onlyCard(await chat.say('menu'));
    const replies = await chat.click(button(menu, strings('en').switchLanguage));
    expect(replies.some((r) => r.text === strings('fr').languageSwitched)).toBe(true);
    expect(lastCard(replies).lang).toBe('fr');
    const next = onlyCard(await chat.say('AZ-400'));
    expect(next.lang).toBe('fr');
  });
});

describe('free text', () => {
  it.each([
    ['Is AZ-104 eligible?', 'en', 'AZ-104', false],
    ['az103 crédits ?', 'fr', 'AZ-103', true],
    ['can I get credit for az 400', 'en', 'AZ-400', true],
    ["l'examen az-900 donne-t-il des crédits ?", 'fr', 'AZ-900', false],
  ] as const)(
    'when the user asks "%s", then the %s answer gives the verdict for %s and lists all nine exams',
    async (text, lang, code, eligible) => {
      const card = onlyCard(await bot.conversation().say(text));
      expect(card.lang).toBe(lang);
      const s = strings(lang);
      const exam = kb.exams.verdict(code);
      expect(exam.eligible).toBe(eligible);
      expect(textOf(card)).toContain(eligible ? s.examEligible(code, exam.name!) : s.examNotEligible(code));
      for (const e of kb.exams.eligible) expect(textOf(card)).toContain(e.code);
    },
  );

  it.each([
    ['what is the weather in Paris tomorrow', 'en'],
    ['donne-moi une recette de crêpes', 'fr'],
  ] as const)(
    'when the question "%s" is outside the catalog, then the bot says so plainly in %s and offers the menu and support',
    async (text, lang) => {
      const card = onlyCard(await bot.conversation().say(text));
      expect(card.lang).toBe(lang);
      expect(textOf(card)).toContain(strings(lang).fallbackTitle);
      expect(buttonsOf(card).map((b) => b.verb)).toEqual(expect.arrayContaining(['area', 'support']));
      expect(buttonsOf(card).some((b) => b.verb === 'feedback')).toBe(false);
    },
  );

  it('when the question is answered, then the feedback buttons carry the topic id as faqId and "No" is recorded', async () => {
    const chat = bot.conversation();
    const card = onlyCard(await chat.say('how do I share my transcript with Excelsior'));
    const no = button(card, strings('en').no);
    expect(no.data).toMatchObject({ verb: 'feedback', faqId: 'credit-verify-transcript', helpful: false });
    const replies = await chat.click(no);
    expect(bot.feedback.entries).toContainEqual(
      expect.objectContaining({ kind: 'helpful', topic: 'credit-verify-transcript', helpful: false }),
    );
    expect(replies.find((r) => r.type === 'invokeResponse')).toBeDefined();
  });
});

describe('traces', () => {
  it('when a question comes from the Emulator, then a FaqRecognizer trace explains the match; from Teams, no trace', async () => {
    const emulator = await bot.conversation({ channelId: 'emulator' }).say('unlink my mcid');
    const trace = emulator.find((a) => a.type === 'trace');
    expect(trace).toMatchObject({ name: 'FaqRecognizer', value: expect.objectContaining({ topic: 'unlink', language: 'en' }) });
    const teams = await bot.conversation({ channelId: 'msteams' }).say('unlink my mcid');
    expect(teams.some((a) => a.type === 'trace')).toBe(false);
  });

  it.each([
    ['menu', 'help', 'en'],
    ['bonjour', 'help', 'fr'],
    ['open a ticket', 'human', 'en'],
  ] as const)('when the shortcut "%s" comes from the Emulator, then it is traced as %s and still answered', async (text, topic, lang) => {
    const replies = await bot.conversation({ channelId: 'emulator', locale: lang === 'fr' ? 'fr-FR' : 'en-US' }).say(text);
    expect(replies.filter((a) => a.type === 'trace')).toEqual([
      expect.objectContaining({ name: 'FaqRecognizer', value: expect.objectContaining({ topic, confidence: 1, text }) }),
    ]);
    const card = lastCard(replies);
    expect(textOf(card)).toContain(topic === 'help' ? strings(lang).menuPrompt : strings(lang).support.askQueueTitle);
  });

  it('when a shortcut interrupts a running flow, then it is traced and answered once', async () => {
    const chat = bot.conversation({ channelId: 'emulator' });
    await chat.click({ verb: 'credit.start', data: { verb: 'credit.start', lang: 'en' } });
    const replies = await chat.say('cancel');
    expect(replies.filter((a) => a.type === 'trace').map((a) => (a.value as { topic: string }).topic)).toEqual(['help']);
    expect(replies.map((a) => a.text)).toContain(strings('en').cancelled);
    expect(textOf(lastCard(replies))).toContain(strings('en').menuPrompt);
    expect(replies.filter((a) => a.type === 'message' && !a.text)).toHaveLength(1);
  });
});

describe('did you mean', () => {
  it('when a question sits between two topics, then up to three suggestions and "None of these" are offered, and each leads somewhere', async () => {
    // Vague questions: which of them lands between two topics moves as the content grows.
    // Each names its support team ("certification profile", "exams"), so "None of these" goes
    // straight to the form; a question naming none would first ask which kind of problem it is.
    const vague = [
      'help with my certification profile',
      'what about my certification profile',
      'what should I do about my certification profile',
      'how does partner center work with my exam result',
    ];
    const text = vague.find((q) => bot.app.recognizer.recognize(q).suggestions.length > 0);
    expect(text).toBeDefined();
    const recognition = bot.app.recognizer.recognize(text!);
    expect(recognition.topic).toBeNull();
    const chat = bot.conversation();
    const card = onlyCard(await chat.say(text!));
    expect(textOf(card)).toContain(strings('en').didYouMeanTitle);
    const offered = buttonsOf(card)
      .filter((b) => b.verb === 'topic')
      .map((b) => b.data.topicId);
    expect(offered).toEqual(recognition.suggestions.slice(0, 3).map((s) => s.topic));
    const answer = onlyCard(await chat.click(buttonsOf(card).find((b) => b.verb === 'topic')!));
    expect(textOf(answer)).toContain(kb.text(offered[0] as never, 'en').summary);
    // "None of these" opens the form with the question in it, and says why.
    const none = button(card, strings('en').noneOfThese);
    const form = lastCard(await chat.click(none));
    expect(textOf(form)).toContain(strings('en').support.formReasons.unsure);
    expect(textOf(form)).toContain(text);
  });
});
