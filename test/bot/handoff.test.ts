import { strings } from '../../src/i18n/strings';
import { buttonByVerb, onlyCard, textOf } from '../helpers/cards';
import { ConnectorStandIn } from '../helpers/connector-stand-in';
import { createTestBot } from '../helpers/test-bot';

const connector = new ConnectorStandIn();
beforeAll(() => connector.start());
afterAll(() => connector.stop());

describe('handoff to an agent hub', () => {
  it('when handoff is on and a ticket is filed, then handoff.initiate carries the transcript; a failed status falls back to the ticket', async () => {
    const bot = createTestBot({ env: { HANDOFF_ENABLED: 'true' } });
    const chat = bot.conversation({ id: 'handoff-chat', locale: 'fr-FR', serviceUrl: connector.url });
    await chat.say('comment délier mon MCID');
    const form = onlyCard(await chat.click({ verb: 'support', data: { verb: 'support', lang: 'fr', faqId: 'unlink' } }));
    const done = onlyCard(
      await chat.click(buttonByVerb(form, 'support.submit'), { description: "Le bouton Supprimer l'accès ne fait rien" }),
    );
    const id = /MS-[0-9A-Z]{6}/.exec(textOf(done))![0];

    const initiate = connector.to('handoff-chat').find((c) => c.activity.type === 'event' && c.activity.name === 'handoff.initiate');
    expect(initiate).toBeDefined();
    expect(initiate!.activity.value).toMatchObject({ ticketId: id, queue: 'microsoft-support', language: 'fr' });
    const transcript = (initiate!.activity.attachments as { name: string; content: { activities: { text: string }[] } }[]).find(
      (a) => a.name === 'Transcript',
    );
    expect(transcript!.content.activities.map((a) => a.text)).toContain('comment délier mon MCID');

    const replies = await chat.send({ type: 'event', name: 'handoff.status', value: { state: 'failed', message: 'no agents' } });
    expect(replies.map((r) => r.text)).toContain(strings('fr').support.handoffFailed(id));
    expect((await bot.app.support.tickets.get(id))!.status).toBe('open');
  });

  it('when the hub accepts, then the user is told an agent will reply', async () => {
    const bot = createTestBot({ env: { HANDOFF_ENABLED: 'true' } });
    const replies = await bot.conversation().send({ type: 'event', name: 'handoff.status', value: { state: 'accepted' } });
    expect(replies.map((r) => r.text)).toContain(strings('en').support.handoffAccepted);
  });
});
