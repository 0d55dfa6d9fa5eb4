import { strings } from '../../src/i18n/strings';
import { button, buttonByVerb, onlyCard, replacementCard, textOf, type Card } from '../helpers/cards';
import { ConnectorStandIn } from '../helpers/connector-stand-in';
import { createTestBot } from '../helpers/test-bot';

const en = strings('en');
const connector = new ConnectorStandIn();
beforeAll(() => connector.start());
afterAll(() => connector.stop());

const bot = createTestBot({ env: { SUPPORT_ADMINS: 'admin-1', SUPPORT_AGENTS: 'agent-1' } });
const mention = { type: 'mention', mentioned: { id: 'bot-id', name: 'Certification bot' }, text: '<at>Certification bot</at>' };
const sayInChannel = (userId: string, text: string) => channel(userId).send({ type: 'message', text: `<at>Certification bot</at> ${text}`, entities: [mention] });
const channel = (userId: string) => bot.conversation({ id: 'support-channel-cs', conversationType: 'channel', userId, serviceUrl: connector.url, userName: userId });

function cardOf(activity: Record<string, unknown>): Card {
  return (activity.attachments as { content: Card }[])[0].content;
}

describe('support channel', () => {
  it('when someone not listed tries to register a channel, then it is refused', async () => {
    const replies = await sayInChannel('random-user', 'register certification-support');
    expect(replies.map((r) => r.text)).toContain(en.support.notAllowed);
  });

  it('when a ticket is filed, then support sees it in their channel and can assign, reply and resolve, and the user hears of each step', async () => {
    const registered = await sayInChannel('admin-1', 'register certification-support');
    expect(registered.map((r) => r.text)).toContain(en.support.channelRegistered(en.support.queueNames['certification-support']));

    const user = bot.conversation({ id: 'user-1-chat', userId: 'user-1', serviceUrl: connector.url });
    const form = onlyCard(await user.click({ verb: 'support', data: { verb: 'support', lang: 'en', faqId: 'support-mcid-merge' } }));
    const done = onlyCard(await user.click(buttonByVerb(form, 'support.submit'), { description: 'Please merge my two certification profiles', mcid: '9876543' }));
    const id = /CS-[0-9A-Z]{6}/.exec(textOf(done))![0];
    await bot.app.support.worker.idle(); // the channel post is the outbox's, after the turn

    const posted = connector.to('support-channel-cs').find((c) => c.method === 'POST' && textOf(cardOf(c.activity)).includes(id));
    expect(posted).toBeDefined();
    const ticketCard = cardOf(posted!.activity);
    expect(textOf(ticketCard)).toContain('9876543');
    expect(textOf(ticketCard)).toContain('Please merge my two certification profiles');
    expect((await bot.app.support.tickets.get(id))!.supportPost?.activityId).toBeDefined();

    // Someone who is not in the support list cannot act, whatever the card says.
    const refused = await channel('random-user').click(button(ticketCard, en.support.resolve));
    expect(refused.map((r) => r.text)).toContain(en.support.notAllowed);
    expect((await bot.app.support.tickets.get(id))!.status).toBe('open');

    const assigned = replacementCard(await channel('agent-1').click(button(ticketCard, en.support.assignToMe)));
    expect(textOf(assigned!)).toContain(en.support.statusNames.assigned);
    expect(connector.to('user-1-chat').map((c) => c.activity.text)).toContain(en.support.notifyAssigned(id, 'agent-1'));

    await channel('agent-1').click(button(assigned!, en.support.replyToUser), { reply: 'We are merging them now.' });
    expect(connector.to('user-1-chat').some((c) => String(c.activity.text).includes('We are merging them now.'))).toBe(true);

    const resolved = replacementCard(await channel('agent-1').click(button(assigned!, en.support.resolve)));
    expect(textOf(resolved!)).toContain(en.support.statusNames.resolved);
    const solvedCall = connector.to('user-1-chat').find((c) => c.activity.attachments && textOf(cardOf(c.activity)).includes(en.support.notifyResolved(id)));
    expect(solvedCall).toBeDefined();

    const closed = await user.click(button(cardOf(solvedCall!.activity), en.support.solvedYes));
    expect(closed.map((r) => r.text)).toContain(en.support.closedThanks(id));
    expect((await bot.app.support.tickets.get(id))!.status).toBe('closed');
    const update = connector.to('support-channel-cs').find((c) => c.method === 'PUT');
    expect(textOf(cardOf(update!.activity))).toContain(en.support.statusNames.closed);
  });

  it('when a user tries to close someone else\'s ticket, then it is refused', async () => {
    const owner = bot.conversation({ userId: 'owner-2', serviceUrl: connector.url });
    const form = onlyCard(await owner.click({ verb: 'support', data: { verb: 'support', lang: 'en', faqId: 'unlink' } }));
    const id = /MS-[0-9A-Z]{6}/.exec(textOf(onlyCard(await owner.click(buttonByVerb(form, 'support.submit'), { description: 'Unlinking keeps failing for me' }))))![0];
    const other = await bot.conversation({ userId: 'intruder' }).click({ verb: 'ticket.close', data: { verb: 'ticket.close', lang: 'en', ticketId: id } });
    expect(other.map((r) => r.text)).toContain(en.support.notAllowed);
    expect((await bot.app.support.tickets.get(id))!.status).toBe('open');
  });
});
