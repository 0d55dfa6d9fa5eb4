import { strings } from '../../src/i18n/strings';
import { button, buttonByVerb, onlyCard, replacementCard, textOf, type Card } from '../helpers/cards';
import { ConnectorStandIn } from '../helpers/connector-stand-in';
import { createTestBot } from '../helpers/test-bot';

const connector = new ConnectorStandIn();
beforeAll(() => connector.start());
afterAll(() => connector.stop());

const bot = createTestBot({ env: { SUPPORT_ADMINS: 'admin-1', SUPPORT_AGENTS: 'agent-1' } });
const mention = { type: 'mention', mentioned: { id: 'bot-id', name: 'Certification bot' }, text: '<at>Certification bot</at>' };
const channel = (userId: string) =>
  bot.conversation({ id: 'survey-channel', conversationType: 'channel', userId, serviceUrl: connector.url, userName: userId });
const cardOf = (activity: Record<string, unknown>): Card => (activity.attachments as { content: Card }[])[0].content;

/** Files a ticket as `userId` in `lang`, then the agent resolves it; returns the ticket id and the user's chat. */
async function resolvedTicket(userId: string, lang: 'en' | 'fr') {
  const user = bot.conversation({ id: `${userId}-chat`, userId, serviceUrl: connector.url, locale: lang === 'fr' ? 'fr-FR' : 'en-US' });
  const form = onlyCard(await user.click({ verb: 'support', data: { verb: 'support', lang, faqId: 'support-mcid-merge' } }));
  const done = onlyCard(
    await user.click(buttonByVerb(form, 'support.submit'), { description: 'Please merge my two certification profiles' }),
  );
  const id = /CS-[0-9A-Z]{6}/.exec(textOf(done))![0];
  await bot.app.support.worker.idle();
  const posted = connector.to('survey-channel').filter((c) => c.method === 'POST' && textOf(cardOf(c.activity)).includes(id));
  expect(posted).toHaveLength(1);
  // The channel post shows everyone the status; the agent's own view (with Resolve) comes by refresh.
  const refresh = { verb: 'ticket.refresh', data: { verb: 'ticket.refresh', lang: 'en', ticketId: id } };
  const agentView = replacementCard(await channel('agent-1').click(refresh))!;
  await channel('agent-1').click(button(agentView, strings('en').support.resolve));
  return { id, user, agentView };
}

const surveysTo = (chat: string, id: string, lang: 'en' | 'fr') =>
  connector.to(chat).filter((c) => c.activity.attachments && textOf(cardOf(c.activity)).includes(strings(lang).insights.rateTitle(id)));

describe('satisfaction after a ticket is resolved', () => {
  beforeAll(async () => {
    await channel('admin-1').send({
      type: 'message',
      text: '<at>Certification bot</at> register certification-support',
      entities: [mention],
    });
  });

  it('when a ticket is resolved, then its owner is asked once for a rating, and the rating and a masked comment are stored', async () => {
    const { id, user, agentView } = await resolvedTicket('rater-1', 'en');
    // Filing it counted an escalation for the insights, from the topic the form came from.
    expect(bot.feedback.entries).toContainEqual(
      expect.objectContaining({ kind: 'escalated', queue: 'certification-support', topic: 'support-mcid-merge' }),
    );
    const asked = surveysTo('rater-1-chat', id, 'en');
    expect(asked).toHaveLength(1);
    const survey = cardOf(asked[0].activity);
    expect(textOf(survey)).toContain(strings('en').insights.ratings[4]);

    const submit = buttonByVerb(survey, 'ticket.rate');
    const picked = await user.click(submit, {});
    expect(picked.map((r) => r.text)).toContain(strings('en').insights.ratePick);

    const thanks = await user.click(submit, { rating: '4', comment: 'Quick, thanks. Write to me at dana@contoso.com, MCID 9876543' });
    expect(thanks.map((r) => r.text)).toContain(strings('en').insights.rateThanks);
    const ratings = bot.feedback.entries.filter((e) => e.kind === 'rating');
    expect(ratings).toEqual([
      expect.objectContaining({
        kind: 'rating',
        queue: 'certification-support',
        rating: 4,
        lang: 'en',
        comment: 'Quick, thanks. Write to me at […] MCID […]',
      }),
    ]);

    // A second submission is not counted twice.
    expect((await user.click(submit, { rating: '1' })).map((r) => r.text)).toContain(strings('en').insights.rateAlready);
    expect(bot.feedback.entries.filter((e) => e.kind === 'rating')).toHaveLength(1);

    // Reopened and resolved again: not asked a second time.
    const solved = connector
      .to('rater-1-chat')
      .find((c) => c.activity.attachments && textOf(cardOf(c.activity)).includes(strings('en').support.notifyResolved(id)));
    await user.click(button(cardOf(solved!.activity), strings('en').support.solvedNo));
    await channel('agent-1').click(button(agentView, strings('en').support.resolve));
    expect(surveysTo('rater-1-chat', id, 'en')).toHaveLength(1);
  });

  it('when the owner wrote in French, then the question is in French, and someone else cannot rate their ticket', async () => {
    const { id } = await resolvedTicket('rater-fr', 'fr');
    const asked = surveysTo('rater-fr-chat', id, 'fr');
    expect(asked).toHaveLength(1);
    const survey = cardOf(asked[0].activity);
    expect(survey.lang).toBe('fr');
    expect(textOf(survey)).toContain(strings('fr').insights.ratings[0]);

    const intruder = bot.conversation({ id: 'intruder-chat', userId: 'intruder', serviceUrl: connector.url });
    const refused = await intruder.click(buttonByVerb(survey, 'ticket.rate'), { rating: '1' });
    expect(refused.map((r) => r.text)).toContain(strings('fr').insights.rateNotYours);
    expect(bot.feedback.entries.filter((e) => e.kind === 'rating' && e.lang === 'fr')).toEqual([]);
  });
});
