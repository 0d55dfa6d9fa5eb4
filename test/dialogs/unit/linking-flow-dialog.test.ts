import { DialogTurnStatus } from 'botbuilder-dialogs';
import { LinkingFlowDialog } from '../../../src/dialogs/linking-flow-dialog';
import { LANGUAGES, type Lang } from '../../../src/i18n/language';
import { strings } from '../../../src/i18n/strings';
import { LINKING_SITUATIONS } from '../../../src/knowledge/catalog';
import { buttonsOf, textOf } from '../../helpers/cards';
import { cardsSent, dialogClient, loadTestKnowledge, press } from '../../helpers/dialog-client';
import { testConfig } from '../../helpers/test-bot';

// The linking flow alone: (what the user does, what they see), in both languages.
const { kb, cards, recognizer } = loadTestKnowledge();
const { SITUATION_THRESHOLD } = testConfig();
const start = (lang: Lang) => dialogClient(new LinkingFlowDialog(kb, cards, recognizer, SITUATION_THRESHOLD), lang);

describe('LinkingFlowDialog on its own', () => {
  it.each(LANGUAGES)('when it starts (%s), then it asks the situation and offers every situation of the catalog by name', async (lang) => {
    const s = strings(lang);
    const client = start(lang);
    const [question] = cardsSent(client, await client.sendActivity('link'));
    expect(question.lang).toBe(lang);
    expect(textOf(question)).toContain(s.askSituationTitle);
    const offered = buttonsOf(question).filter((b) => b.verb === 'linking.situation');
    expect(offered.map((b) => b.data.topicId)).toEqual([...LINKING_SITUATIONS]);
    expect(offered.map((b) => b.title)).toEqual(LINKING_SITUATIONS.map((id) => s.situations[id]));
  });

  const pressed = LANGUAGES.flatMap((lang) => LINKING_SITUATIONS.map((topicId) => ({ lang, topicId })));
  it.each(pressed)(
    'when a user ($lang) presses the situation $topicId, then its answer comes in that language and the flow ends',
    async ({ lang, topicId }) => {
      const client = start(lang);
      await client.sendActivity('link');
      const [answer] = cardsSent(client, await client.sendActivity(press({ verb: 'linking.situation', lang, topicId })));
      expect(answer.lang).toBe(lang);
      expect(textOf(answer)).toContain(kb.text(topicId, lang).summary);
      expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    },
  );

  it.each([
    ['en', 'I am moving to a new company, what happens to my MCID link', 'change-company'],
    ['fr', "je change d'entreprise, que devient la liaison de mon MCID", 'change-company'],
    ['en', 'my assessments are not showing in the skills report', 'skills-report-delay'],
  ] as const)('when a user (%s) describes the situation ("%s"), then the answer for %s comes', async (lang, text, topic) => {
    const client = start(lang);
    await client.sendActivity('link');
    const [answer] = cardsSent(client, await client.sendActivity(text));
    expect(textOf(answer)).toContain(kb.text(topic, lang).summary);
  });

  it.each(LANGUAGES)('when a user (%s) types something that is no situation, then the question comes again with a hint', async (lang) => {
    const client = start(lang);
    await client.sendActivity('link');
    const [again] = cardsSent(client, await client.sendActivity('zzz'));
    expect(textOf(again)).toContain(strings(lang).situationRetry);
    expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
  });
});
