import { strings } from '../../src/i18n/strings';
import { LANGUAGES, type Lang } from '../../src/i18n/language';
import { button, buttonByVerb, onlyCard, replacementCard, textOf } from '../helpers/cards';
import { createTestBot } from '../helpers/test-bot';

const bot = createTestBot();
const kb = bot.app.kb;
const other = (lang: Lang): Lang => (lang === 'en' ? 'fr' : 'en');
const locale = (lang: Lang) => (lang === 'fr' ? 'fr-FR' : 'en-US');

describe('the language switch', () => {
  it.each(LANGUAGES)(
    'when a %s user switches on an answer card, then that same answer comes in the other language, and the choice holds for typed messages until switched again',
    async (lang) => {
      const chat = bot.conversation({ locale: locale(lang) });
      const card = onlyCard(await chat.click({ verb: 'topic', data: { verb: 'topic', lang, topicId: 'unlink' } }));
      const to = other(lang);
      const replies = await chat.click(button(card, strings(lang).switchLanguage));
      expect(replies.map((r) => r.text)).toContain(strings(to).languageSwitched);
      const again = replacementCard(replies)!;
      expect(again.lang).toBe(to);
      expect(textOf(again)).toContain(kb.text('unlink', to).summary);

      // Written in the first language, the next question is still answered in the chosen one.
      const question =
        lang === 'en'
          ? 'how do I change company with my certification profile'
          : "je change d'entreprise, que devient mon profil de certification";
      const next = onlyCard(await chat.say(question));
      expect(next.lang).toBe(to);

      // Switching back restores the first language.
      const back = replacementCard(await chat.click(button(next, strings(to).switchLanguage)))!;
      expect(back.lang).toBe(lang);
    },
  );

  it.each(LANGUAGES)('when a %s user switches on an exam verdict, then each verdict comes again in the other language', async (lang) => {
    const chat = bot.conversation({ locale: locale(lang) });
    const card = onlyCard(
      await chat.say(lang === 'en' ? 'is az-900 eligible? and what about az 103' : "l'az-900 donne-t-il des crédits ? et l'az 103 ?"),
    );
    const again = replacementCard(await chat.click(button(card, strings(lang).switchLanguage)))!;
    const to = strings(other(lang));
    expect(textOf(again)).toContain(to.examNotEligible('AZ-900'));
    expect(textOf(again)).toContain(to.examEligible('AZ-103', kb.exams.verdict('AZ-103').name!));
  });

  it('when the user switches in the middle of a flow, then the flow stays and asks its question in the chosen language', async () => {
    const chat = bot.conversation({ locale: 'en-US' });
    const question = onlyCard(await chat.click({ verb: 'credit.start', data: { verb: 'credit.start', lang: 'en' } }));
    const again = onlyCard(await chat.click(button(question, strings('en').switchLanguage)));
    expect(textOf(again)).toContain(strings('fr').askExamTitle);
    expect(textOf(onlyCard(await chat.say('AZ-103')))).toContain(strings('fr').askVerify);
  });
});

describe('several exam codes in one question', () => {
  it.each([
    ['az-900? and what about az 203', 'en'],
    ["l'az-900 et l'az-103 donnent-ils des crédits ?", 'fr'],
  ] as const)('when the user asks "%s", then the %s answer gives a verdict for each exam', async (text, lang) => {
    const card = onlyCard(await bot.conversation({ locale: locale(lang) }).say(text));
    const s = strings(lang);
    const codes = text.includes('203') ? ['AZ-900', 'AZ-203'] : ['AZ-900', 'AZ-103'];
    for (const code of codes) {
      const verdict = kb.exams.verdict(code);
      expect(textOf(card)).toContain(verdict.eligible ? s.examEligible(code, verdict.name!) : s.examNotEligible(code));
    }
  });
});

describe('the linking flow takes the situation it asked for', () => {
  it.each([
    ['en', "my manager says my certs don't count for our company in Partner Center"],
    ['fr', "mon responsable dit que mes certifications ne comptent pas pour notre société dans l'Espace partenaires"],
  ] as const)(
    'when a %s user describes their situation in words, then a linking answer comes, not the question again',
    async (lang, text) => {
      const chat = bot.conversation({ locale: locale(lang) });
      onlyCard(await chat.click({ verb: 'linking.start', data: { verb: 'linking.start', lang } }));
      const replies = await chat.say(text);
      expect(replies.map((r) => r.text)).not.toContain(strings(lang).resumeFlow);
      const answer = onlyCard(replies);
      const topic = buttonByVerb(answer, 'feedback').data.faqId as string;
      expect(kb.topic(topic as never).area).toBe('linking');
    },
  );

  it('when the user asks a clearly different question in the linking flow, then it is answered and the flow asks again', async () => {
    const chat = bot.conversation();
    onlyCard(await chat.click({ verb: 'linking.start', data: { verb: 'linking.start', lang: 'en' } }));
    const replies = await chat.say('is AZ-104 eligible for college credit?');
    expect(replies.map((r) => r.text)).toContain(strings('en').resumeFlow);
  });
});

describe('comparing the two proofs', () => {
  it.each([
    ['Which is better to send, the badge or the transcript?', 'en'],
    ['Vaut-il mieux envoyer le badge ou le relevé de notes ?', 'fr'],
  ] as const)('when the user asks "%s", then the %s answer compares the badge and the transcript', async (text, lang) => {
    const card = onlyCard(await bot.conversation({ locale: locale(lang) }).say(text));
    expect(card.lang).toBe(lang);
    const compared = kb.text('credit-badge-or-transcript', lang);
    expect(textOf(card)).toContain(compared.summary);
    for (const note of compared.notes!) expect(textOf(card)).toContain(note);
  });

  it('when the question comes while the credit flow asks how to verify, then the comparison comes and the flow asks again', async () => {
    const chat = bot.conversation();
    await chat.click({ verb: 'credit.start', data: { verb: 'credit.start', lang: 'en' } });
    await chat.say('AZ-103');
    const replies = await chat.say('which is better, the badge or the transcript?');
    expect(textOf(replies.flatMap((r) => r.attachments ?? []).map((a) => a.content)[0] as Record<string, unknown>)).toContain(
      kb.text('credit-badge-or-transcript', 'en').summary,
    );
    expect(replies.map((r) => r.text)).toContain(strings('en').resumeFlow);
  });
});
