import { DialogTurnStatus } from 'botbuilder-dialogs';
import { CreditFlowDialog } from '../../../src/dialogs/credit-flow-dialog';
import { LANGUAGES, type Lang } from '../../../src/i18n/language';
import { strings } from '../../../src/i18n/strings';
import { textOf } from '../../helpers/cards';
import { cardsSent, dialogClient, loadTestKnowledge, press } from '../../helpers/dialog-client';

// The credit flow alone, as the core-bot sample tests its dialogs: (what the user does, what they see).
const { kb, cards } = loadTestKnowledge();
const start = (lang: Lang, options?: object) => dialogClient(new CreditFlowDialog(kb, cards), lang, options);

describe('CreditFlowDialog on its own', () => {
  it.each(LANGUAGES)('when it starts (%s), then it asks which exam, in that language', async (lang) => {
    const client = start(lang);
    const [question] = cardsSent(client, await client.sendActivity('credit'));
    expect(question.lang).toBe(lang);
    expect(textOf(question)).toContain(strings(lang).askExamTitle);
    expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
  });

  const verifyCases = LANGUAGES.flatMap((lang) => [
    {
      lang,
      how: 'presses the badge button',
      answer: press({ verb: 'credit.verify', lang, examCode: 'AZ-103', method: 'badge' }),
      topic: 'credit-verify-badge' as const,
    },
    {
      lang,
      how: 'types "transcript"',
      answer: lang === 'fr' ? 'par relevé de notes' : 'by transcript please',
      topic: 'credit-verify-transcript' as const,
    },
  ]);
  it.each(verifyCases)(
    'when a user ($lang) names an eligible exam and $how, then the steps for that method and an e-mail draft follow',
    async ({ lang, answer, topic }) => {
      const s = strings(lang);
      const client = start(lang);
      await client.sendActivity('credit');
      const [verdict] = cardsSent(client, await client.sendActivity(press({ verb: 'credit.exam', lang, examCode: 'AZ-103' })));
      expect(textOf(verdict)).toContain(s.examEligible('AZ-103', 'Microsoft Azure Administrator'));
      expect(textOf(verdict)).toContain(s.askVerify);

      const [steps, draft] = cardsSent(client, await client.sendActivity(answer));
      expect(steps.lang).toBe(lang);
      expect(textOf(steps)).toContain(kb.text(topic, lang).title);
      expect(textOf(draft)).toContain(s.emailTitle);
      expect(textOf(draft)).toContain(s.emailReminder);
      expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    },
  );

  it.each([
    ['en', 'AZ-104'],
    ['fr', 'AZ-900'],
  ] as const)('when a user (%s) names %s, which is not on the list, then the verdict says so and the flow ends', async (lang, code) => {
    const client = start(lang);
    await client.sendActivity('credit');
    const [verdict] = cardsSent(client, await client.sendActivity(code));
    expect(verdict.lang).toBe(lang);
    expect(textOf(verdict)).toContain(strings(lang).examNotEligible(code));
    expect(textOf(verdict)).not.toContain(strings(lang).askVerify);
    expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
  });

  it.each([
    ['en', 'no idea, sorry'],
    ['fr', 'aucune idée'],
  ] as const)(
    'when a user (%s) answers the exam question with no exam code ("%s"), then the question comes again with a hint',
    async (lang, text) => {
      const client = start(lang);
      await client.sendActivity('credit');
      const [again] = cardsSent(client, await client.sendActivity(text));
      expect(textOf(again)).toContain(strings(lang).examRetry);
      expect(textOf(again)).toContain(strings(lang).askExamTitle);
      expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
    },
  );

  it('when the flow starts with an exam already named, then it skips the question and gives the verdict', async () => {
    const client = start('en', { examCode: 'AZ-400' });
    const [verdict] = cardsSent(client, await client.sendActivity('is az-400 eligible for credit'));
    expect(textOf(verdict)).toContain(strings('en').examEligible('AZ-400', 'Designing and Implementing Microsoft DevOps Solutions'));
  });
});
