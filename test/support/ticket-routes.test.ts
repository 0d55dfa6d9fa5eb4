import { MemoryStorage } from 'botbuilder';
import { createApp } from '../../src/app';
import { strings } from '../../src/i18n/strings';
import { LANGUAGES } from '../../src/i18n/language';
import { buttonByVerb, onlyCard, replacementCard, textOf } from '../helpers/cards';
import { ConnectorStandIn } from '../helpers/connector-stand-in';
import { createTestBot, testConfig } from '../helpers/test-bot';
import { capturedLogger } from '../helpers/log-capture';

const connector = new ConnectorStandIn();
beforeAll(() => connector.start());
afterAll(() => connector.stop());

async function fileTicket(bot: ReturnType<typeof createTestBot>, lang: 'en' | 'fr') {
  const chat = bot.conversation({ locale: lang === 'fr' ? 'fr-FR' : 'en-US', serviceUrl: connector.url });
  const form = onlyCard(await chat.click({ verb: 'support', data: { verb: 'support', lang, faqId: 'support-mcid-merge' } }));
  return onlyCard(await chat.click(buttonByVerb(form, 'support.submit'), { description: 'Please merge my two certification profiles' }));
}

const unrouted = createTestBot();
const withChannel = createTestBot({ env: { SUPPORT_ADMINS: 'admin-1' } });
beforeAll(async () => {
  const mention = { type: 'mention', mentioned: { id: 'bot-id', name: 'Certification bot' }, text: '<at>Certification bot</at>' };
  await withChannel
    .conversation({ id: '19:cs@thread.tacv2;messageid=42', conversationType: 'channel', userId: 'admin-1', serviceUrl: connector.url })
    .send({ type: 'message', text: '<at>Certification bot</at> register certification-support', entities: [mention] });
});

describe('where tickets go', () => {
  it.each(LANGUAGES)(
    'when no channel and no webhook take the queue, then the %s confirmation says the ticket is recorded and how it is followed, not that it went to a team',
    async (lang) => {
      const s = strings(lang).support;
      const done = await fileTicket(unrouted, lang);
      const id = /CS-[0-9A-Z]{6}/.exec(textOf(done))![0];
      expect(textOf(done)).toContain(s.confirmationRecorded(id));
      expect(textOf(done)).toContain(s.confirmationRecordedNext);
      expect(textOf(done)).not.toContain(s.confirmationIntro(s.queueNames['certification-support']));
    },
  );

  it.each(LANGUAGES)('when a support channel is registered for the queue, then the %s confirmation names the team', async (lang) => {
    const s = strings(lang).support;
    const done = await fileTicket(withChannel, lang);
    expect(textOf(done)).toContain(s.confirmationIntro(s.queueNames['certification-support']));
    // The ticket card shows the ticket's language and plain labels, not the form's "…, optional" ones.
    await withChannel.app.support.worker.idle(); // the channel post is the outbox's, after the turn
    const id = /CS-[0-9A-Z]{6}/.exec(textOf(done))![0];
    // Support's own view of the posted card, as Teams asks for it (refresh) for a listed agent.
    const where = { id: '19:cs@thread.tacv2', conversationType: 'channel' as const, userId: 'admin-1', serviceUrl: connector.url };
    const supportChannel = withChannel.conversation(where);
    const refresh = { verb: 'ticket.refresh', data: { verb: 'ticket.refresh', lang: 'en', ticketId: id } };
    const shown = textOf(replacementCard(await supportChannel.click(refresh))!);
    const desk = strings('en').support;
    expect(shown).toContain(`${desk.labels.language}\n${desk.languageNames[lang]}`);
    expect(shown).not.toContain(desk.fieldMcid);
  });

  it('when the bot starts with a webhook for one queue only, then one warning names the other queue', async () => {
    const { logger, events } = capturedLogger('info');
    const app = createApp(
      testConfig({ WEBHOOK_URL_MICROSOFT_SUPPORT: `${connector.url}hook`, WEBHOOK_SECRET: 'test-secret-0123456789' }),
      logger,
      { storage: new MemoryStorage() },
    );
    expect(await app.support.warnIfUnrouted()).toEqual(['certification-support']);
    expect(events().filter((e) => e.event === 'support_unrouted')).toEqual([
      expect.objectContaining({ queues: ['certification-support'] }),
    ]);
  });
});
