import { strings } from '../../src/i18n/strings';
import { buttonByVerb, cardsOf, onlyCard, textOf, type Card } from '../helpers/cards';
import { ConnectorStandIn } from '../helpers/connector-stand-in';
import { createTestBot } from '../helpers/test-bot';

const connector = new ConnectorStandIn();
beforeAll(() => connector.start());
afterAll(() => connector.stop());

const bot = createTestBot();
const mention = { type: 'mention', mentioned: { id: 'bot-id', name: 'Certification bot' }, text: '<at>Certification bot</at>' };

describe('group chats and channels', () => {
  it('when the bot is added to a team, then it introduces itself once, not at every member', async () => {
    const channel = bot.conversation({ id: 'team-general', conversationType: 'channel' });
    const first = await channel.send({ type: 'conversationUpdate', membersAdded: [{ id: 'bot-id', name: 'Certification bot' }] });
    expect(first.map((r) => r.text)).toEqual([strings('en').groupIntro]);
    expect(await channel.send({ type: 'conversationUpdate', membersAdded: [{ id: 'new-member', name: 'New' }] })).toEqual([]);
    expect(await channel.send({ type: 'conversationUpdate', membersAdded: [{ id: 'bot-id', name: 'Certification bot' }] })).toEqual([]);
  });

  it('when a group message does not mention the bot, then the bot stays quiet; with a mention it answers without the mention text', async () => {
    const group = bot.conversation({ id: 'group-1', conversationType: 'groupChat' });
    expect(await group.say('is AZ-104 eligible?')).toEqual([]);
    const replies = await group.send({ type: 'message', text: '<at>Certification bot</at> is AZ-104 eligible?', entities: [mention] });
    expect(textOf(onlyCard(replies))).toContain(strings('en').examNotEligible('AZ-104'));
  });

  it('when someone asks for a person in a channel, then the form goes to their 1:1 chat and only a short note stays in the channel', async () => {
    const channel = bot.conversation({
      id: '19:team-thread;messageid=1',
      conversationType: 'channel',
      userId: 'user-in-team',
      serviceUrl: connector.url,
    });
    const replies = await channel.send({ type: 'message', text: '<at>Certification bot</at> parler à un humain', entities: [mention] });
    expect(replies.map((r) => r.text)).toEqual([strings('fr').support.movedToPrivate]);
    expect(cardsOf(replies)).toEqual([]);

    const opened = connector.created.at(-1)!;
    expect(opened.parameters).toMatchObject({ isGroup: false, members: [{ id: 'user-in-team' }] });
    const inPrivate = connector
      .to(opened.id)
      .map((c) => (c.activity.attachments as { content: Card }[] | undefined)?.[0]?.content)
      .filter(Boolean) as Card[];
    expect(textOf(inPrivate[0])).toContain(strings('fr').support.askQueueTitle);

    // The user carries on in the 1:1 chat, where the dialog is waiting.
    const privateChat = bot.conversation({ id: opened.id, userId: 'user-in-team', serviceUrl: connector.url, locale: 'fr-FR' });
    const form = onlyCard(await privateChat.click(buttonByVerb(inPrivate[0], 'support.queue', (d) => d.queue === 'microsoft-support')));
    const done = onlyCard(
      await privateChat.click(buttonByVerb(form, 'support.submit'), { description: 'La liaison échoue avec une erreur' }),
    );
    const id = /MS-[0-9A-Z]{6}/.exec(textOf(done))![0];
    expect((await bot.app.support.tickets.get(id))!.conversation).toMatchObject({ conversation: { id: opened.id } });
  });
});
