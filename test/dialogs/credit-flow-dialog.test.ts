import { strings } from '../../src/i18n/strings';
import { LANGUAGES, type Lang } from '../../src/i18n/language';
import { button, buttonByVerb, buttonsOf, cardsOf, lastCard, linksOf, onlyCard, textOf } from '../helpers/cards';
import { createTestBot } from '../helpers/test-bot';

const bot = createTestBot();
const kb = bot.app.kb;
const locale = (lang: Lang) => (lang === 'fr' ? 'fr-FR' : 'en-US');

describe('credit flow', () => {
  it.each(LANGUAGES)(
    'when a user in %s picks an exam, then badge, then they get the badge steps and an e-mail draft to Excelsior',
    async (lang) => {
      const s = strings(lang);
      const chat = bot.conversation({ locale: locale(lang) });
      const menu = onlyCard(await chat.install());
      const area = onlyCard(await chat.click(buttonByVerb(menu, 'area', (d) => d.area === 'credit')));
      const question = onlyCard(await chat.click(button(area, s.creditFlowButton)));
      expect(textOf(question)).toContain(s.askExamTitle);

      const verdict = onlyCard(await chat.click(button(question, s.examCheck), { examCode: 'AZ-103' }));
      expect(verdict.lang).toBe(lang);
      expect(textOf(verdict)).toContain(s.examEligible('AZ-103', 'Microsoft Azure Administrator'));
      expect(textOf(verdict)).toContain(s.askVerify);

      const replies = await chat.click(button(verdict, s.verifyBadge));
      const [steps, draft] = cardsOf(replies);
      expect(textOf(steps)).toContain(kb.text('credit-verify-badge', lang).title);
      expect(textOf(steps)).toContain('itcertifications@excelsior.edu');
      expect(textOf(draft)).toContain(s.emailReminder);
      const mailto = linksOf(draft).find((u) => u.startsWith('mailto:'))!;
      expect(mailto).toMatch(/^mailto:itcertifications@excelsior\.edu\?subject=/);
      expect(decodeURIComponent(mailto)).toContain(s.emailSubject('AZ-103'));
      expect(decodeURIComponent(mailto)).toContain(s.emailBody('AZ-103', 'badge'));
    },
  );

  it.each(LANGUAGES)('when a user in %s types the exam code and then "transcript", then the transcript steps follow', async (lang) => {
    const s = strings(lang);
    const chat = bot.conversation({ locale: locale(lang) });
    const menu = onlyCard(await chat.say(lang === 'fr' ? 'menu' : 'menu'));
    const area = onlyCard(await chat.click(buttonByVerb(menu, 'area', (d) => d.area === 'credit')));
    await chat.click(button(area, s.creditFlowButton));
    const verdict = onlyCard(await chat.say('az 400'));
    expect(textOf(verdict)).toContain(s.examEligible('AZ-400', 'Designing and Implementing Microsoft DevOps Solutions'));
    const replies = await chat.say(lang === 'fr' ? 'par relevé de notes' : 'by transcript please');
    const [steps, draft] = cardsOf(replies);
    expect(steps.lang).toBe(lang);
    expect(textOf(steps)).toContain(kb.text('credit-verify-transcript', lang).title);
    expect(decodeURIComponent(linksOf(draft).find((u) => u.startsWith('mailto:'))!)).toContain(s.emailBody('AZ-400', 'transcript'));
  });

  it('when the exam does not qualify, then the verdict says so, lists the nine exams and the flow ends', async () => {
    const s = strings('en');
    const chat = bot.conversation();
    await chat.click({ verb: 'credit.start', data: { verb: 'credit.start', lang: 'en' } });
    const verdict = onlyCard(await chat.say('AZ-104'));
    expect(textOf(verdict)).toContain(s.examNotEligible('AZ-104'));
    for (const exam of kb.exams.eligible) expect(textOf(verdict)).toContain(exam.name);
    expect(buttonsOf(verdict).some((b) => b.verb === 'credit.verify')).toBe(false);
    // The flow is over: a new question is answered normally, not taken as an exam answer.
    expect(textOf(lastCard(await chat.say('how do I unlink my profile')))).toContain(kb.text('unlink', 'en').title);
  });

  it('when the user asks an unrelated question while asked for the exam, then it is answered and the exam question comes back', async () => {
    const s = strings('en');
    const chat = bot.conversation();
    await chat.click({ verb: 'credit.start', data: { verb: 'credit.start', lang: 'en' } });
    const replies = await chat.say('how do I unlink my certification profile');
    const [answer, reprompt] = cardsOf(replies);
    expect(textOf(answer)).toContain(kb.text('unlink', 'en').title);
    expect(replies.some((r) => r.text === s.resumeFlow)).toBe(true);
    expect(textOf(reprompt)).toContain(s.askExamTitle);
    // The flow still works where it was.
    expect(textOf(onlyCard(await chat.say('AZ-301')))).toContain(s.examEligible('AZ-301', 'Microsoft Azure Architect Design'));
  });

  it('when the user types something that is neither an exam nor a question, then the exam question is asked again with a hint', async () => {
    const chat = bot.conversation({ locale: 'fr-FR' });
    await chat.click({ verb: 'credit.start', data: { verb: 'credit.start', lang: 'fr' } });
    const retry = onlyCard(await chat.say('hmm...'));
    expect(textOf(retry)).toContain(strings('fr').examRetry);
  });

  it('when the user says "annuler" mid-flow, then the flow stops and the menu shows', async () => {
    const chat = bot.conversation({ locale: 'fr-FR' });
    await chat.click({ verb: 'credit.start', data: { verb: 'credit.start', lang: 'fr' } });
    const replies = await chat.say('annuler');
    expect(replies.some((r) => r.text === strings('fr').cancelled)).toBe(true);
    expect(textOf(lastCard(replies))).toContain(strings('fr').menuTitle);
    expect(textOf(onlyCard(await chat.say('AZ-104')))).toContain(kb.text('credit-eligible-exams', 'fr').title);
  });

  it('when a badge button from an old verdict card is pressed after the flow ended, then the steps still come, without state', async () => {
    const chat = bot.conversation();
    const replies = await chat.submit({ data: { verb: 'credit.verify', lang: 'en', examCode: 'AZ-300', method: 'badge' } });
    expect(cardsOf(replies)).toHaveLength(2);
    expect(textOf(cardsOf(replies)[1])).toContain(strings('en').emailSubject('AZ-300'));
  });
});
