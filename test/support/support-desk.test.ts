import { strings } from '../../src/i18n/strings';
import { button, buttonByVerb, onlyCard, replacementCard, textOf, type Card } from '../helpers/cards';
import { ConnectorStandIn } from '../helpers/connector-stand-in';
import { createTestBot, type TestConversation } from '../helpers/test-bot';

const en = strings('en');
const connector = new ConnectorStandIn();
beforeAll(() => connector.start());
afterAll(() => connector.stop());

const bot = createTestBot({ env: { SUPPORT_ADMINS: 'admin-1', SUPPORT_AGENTS: 'agent-1' } });
const mention = { type: 'mention', mentioned: { id: 'bot-id', name: 'Certification bot' }, text: '<at>Certification bot</at>' };
const sayInChannel = (userId: string, text: string) =>
  channel(userId).send({ type: 'message', text: `<at>Certification bot</at> ${text}`, entities: [mention] });
const channel = (userId: string) =>
  bot.conversation({ id: 'support-channel-cs', conversationType: 'channel', userId, serviceUrl: connector.url, userName: userId });

function cardOf(activity: Record<string, unknown>): Card {
  return (activity.attachments as { content: Card }[])[0].content;
}

/** What Teams does for a viewer listed in the card's `refresh`: asks the bot for their own view of it. */
async function viewAs(userId: string, card: Card): Promise<Card> {
  const refresh = card.refresh as { action: { verb: string; data: Record<string, unknown> }; userIds: string[] };
  expect(refresh.userIds).toContain(userId);
  return replacementCard(await channel(userId).click(refresh.action))!;
}

describe('support channel', () => {
  it('when someone not listed tries to register a channel, then it is refused', async () => {
    const replies = await sayInChannel('random-user', 'register certification-support');
    expect(replies.map((r) => r.text)).toContain(en.support.notAllowedFor('random-user'));
  });

  it('when a ticket is filed, then support sees it in their channel and can assign, reply and resolve, and the user hears of each step', async () => {
    const registered = await sayInChannel('admin-1', 'register certification-support');
    expect(registered.map((r) => r.text)).toContain(en.support.channelRegistered(en.support.queueNames['certification-support']));

    const user = bot.conversation({ id: 'user-1-chat', userId: 'user-1', serviceUrl: connector.url });
    const form = onlyCard(await user.click({ verb: 'support', data: { verb: 'support', lang: 'en', faqId: 'support-mcid-merge' } }));
    const done = onlyCard(
      await user.click(buttonByVerb(form, 'support.submit'), {
        description: 'Please merge my two certification profiles',
        mcid: '9876543',
      }),
    );
    const id = /CS-[0-9A-Z]{6}/.exec(textOf(done))![0];
    await bot.app.support.worker.idle(); // the channel post is the outbox's, after the turn

    const posted = connector.to('support-channel-cs').find((c) => c.method === 'POST' && textOf(cardOf(c.activity)).includes(id));
    expect(posted).toBeDefined();
    // The post itself shows everyone the status; support gets its own view by refresh.
    expect(textOf(cardOf(posted!.activity))).not.toContain('Please merge my two certification profiles');
    const ticketCard = await viewAs('agent-1', cardOf(posted!.activity));
    expect(textOf(ticketCard)).toContain('9876543');
    expect(textOf(ticketCard)).toContain('Please merge my two certification profiles');
    expect((await bot.app.support.tickets.get(id))!.supportPost?.activityId).toBeDefined();

    // Someone who is not in the support list cannot act, whatever the card says; only they see why.
    const refused = await channel('random-user').click(button(ticketCard, en.support.resolve));
    expect(refused.filter((r) => r.type === 'message')).toEqual([]);
    expect(textOf(replacementCard(refused)!)).toContain(en.support.notAllowedFor('random-user'));
    expect((await bot.app.support.tickets.get(id))!.status).toBe('open');

    const assigned = replacementCard(await channel('agent-1').click(button(ticketCard, en.support.assignToMe)));
    expect(textOf(assigned!)).toContain(en.support.statusNames.assigned);
    expect(connector.to('user-1-chat').map((c) => c.activity.text)).toContain(en.support.notifyAssigned(id, 'agent-1'));

    // An empty reply is shown to the agent alone, on their card; nothing is posted in the channel.
    const empty = await channel('agent-1').click(button(assigned!, en.support.replyToUser), { reply: '   ' });
    expect(empty.filter((r) => r.type === 'message')).toEqual([]);
    expect(textOf(replacementCard(empty)!)).toContain(en.support.replyEmpty);

    const replied = replacementCard(
      await channel('agent-1').click(button(assigned!, en.support.replyToUser), { reply: 'We are merging them now.' }),
    );
    expect(connector.to('user-1-chat').some((c) => String(c.activity.text).includes('We are merging them now.'))).toBe(true);
    // The history shows the reply as a reply, not as one more "Assigned".
    expect(textOf(replied!)).toContain(`${en.support.labels.agentReply} · agent-1: We are merging them now.`);

    const resolved = replacementCard(await channel('agent-1').click(button(assigned!, en.support.resolve)));
    expect(textOf(resolved!)).toContain(en.support.statusNames.resolved);
    const solvedCall = connector
      .to('user-1-chat')
      .find((c) => c.activity.attachments && textOf(cardOf(c.activity)).includes(en.support.notifyResolved(id)));
    expect(solvedCall).toBeDefined();

    const closed = await user.click(button(cardOf(solvedCall!.activity), en.support.solvedYes));
    expect(closed.map((r) => r.text)).toContain(en.support.closedThanks(id));
    expect((await bot.app.support.tickets.get(id))!.status).toBe('closed');
    // The card in the channel follows every change, for everyone who reads it.
    const update = connector
      .to('support-channel-cs')
      .filter((c) => c.method === 'PUT')
      .pop();
    expect(textOf(cardOf(update!.activity))).toContain(en.support.statusNames.closed);
  });

  it('when an admin types whoami in the channel, then their ids go to their 1:1 chat, not to the channel', async () => {
    const replies = await sayInChannel('admin-whoami', 'whoami');
    expect(replies.map((r) => r.text)).toEqual([en.support.whoamiSentPrivately]);
    const privateChat = connector.created[connector.created.length - 1].id;
    expect(connector.to(privateChat).map((c) => c.activity.text)).toEqual([en.support.whoami('admin-whoami', undefined)]);
    const mine = await bot.conversation({ userId: '29:someone', aadObjectId: 'aad-someone' }).say('whoami');
    expect(mine.map((r) => r.text)).toEqual([en.support.whoami('29:someone', 'aad-someone')]);
  });

  it("when a user tries to close someone else's ticket, then it is refused", async () => {
    const owner = bot.conversation({ userId: 'owner-2', serviceUrl: connector.url });
    const form = onlyCard(await owner.click({ verb: 'support', data: { verb: 'support', lang: 'en', faqId: 'unlink' } }));
    const id = /MS-[0-9A-Z]{6}/.exec(
      textOf(onlyCard(await owner.click(buttonByVerb(form, 'support.submit'), { description: 'Unlinking keeps failing for me' }))),
    )![0];
    const other = await bot
      .conversation({ userId: 'intruder' })
      .click({ verb: 'ticket.close', data: { verb: 'ticket.close', lang: 'en', ticketId: id } });
    expect(other.map((r) => r.text)).toContain(en.support.notAllowed);
    expect((await bot.app.support.tickets.get(id))!.status).toBe('open');
  });
});

describe('the user answers support', () => {
  async function ticketWithReply(lang: 'en' | 'fr', userId: string) {
    const s = strings(lang);
    await sayInChannel('admin-1', 'register certification-support');
    const user = bot.conversation({ id: `${userId}-chat`, userId, serviceUrl: connector.url, locale: lang === 'fr' ? 'fr-FR' : 'en-US' });
    const form = onlyCard(await user.click({ verb: 'support', data: { verb: 'support', lang, faqId: 'support-mcid-merge' } }));
    const id = /CS-[0-9A-Z]{6}/.exec(
      textOf(
        onlyCard(
          await user.click(buttonByVerb(form, 'support.submit'), {
            description: s === en ? 'Please merge my two profiles' : 'Merci de fusionner mes deux profils',
          }),
        ),
      ),
    )![0];
    await bot.app.support.worker.idle(); // the channel post is the outbox's, after the turn
    const posted = connector.to('support-channel-cs').find((c) => c.method === 'POST' && textOf(cardOf(c.activity)).includes(id))!;
    const agentCard = await viewAs('agent-1', cardOf(posted.activity));
    await channel('agent-1').click(button(agentCard, en.support.replyToUser), { reply: 'Which e-mail is on the second profile?' });
    return { user, id, postId: (await bot.app.support.tickets.get(id))!.supportPost!.activityId };
  }

  it.each([
    [
      'en',
      'The e-mail is dana@contoso.com',
      (user: TestConversation, card: Card) => user.click(button(card, strings('en').support.addToTicketYes)),
    ],
    ['fr', "L'adresse est dana@contoso.com", (user: TestConversation) => user.say('oui')],
  ] as const)(
    'when a %s user writes after an agent replied and confirms, then the message joins the ticket, its thread and its history',
    async (lang, text, confirm) => {
      const s = strings(lang);
      const { user, id, postId } = await ticketWithReply(lang, `answering-${lang}`);
      expect(connector.to(`answering-${lang}-chat`).some((c) => String(c.activity.text).includes(s.support.replyHint))).toBe(true);

      const offer = onlyCard(await user.say(text));
      expect(offer.lang).toBe(lang);
      expect(textOf(offer)).toContain(s.support.addToTicketTitle(id));
      expect(textOf(offer)).toContain(text);
      expect(bot.feedback.entries.some((e) => e.kind === 'unanswered' && e.text === text)).toBe(false);

      const done = await confirm(user, offer);
      expect(done.map((r) => r.text)).toContain(s.support.answerSent(id));
      const stored = (await bot.app.support.tickets.get(id))!;
      expect(stored.history.at(-1)).toMatchObject({ kind: 'user-message', note: text, by: { id: `answering-${lang}` } });
      expect(stored.awaitingUser).toBe(false);

      // In the support channel: a message in the ticket's own thread, and the card's history shows it as the user's answer.
      const thread = connector.to(`support-channel-cs;messageid=${postId}`);
      expect(thread.map((c) => c.activity.text)).toContain(`${en.support.userAnswered(id, 'Dana Tester')}\n\n${text}`);
      const update = connector
        .to('support-channel-cs')
        .filter((c) => c.method === 'PUT' && c.path.endsWith(postId))
        .pop()!;
      const card = await viewAs('agent-1', cardOf(update.activity));
      expect(textOf(card)).toContain(`${en.support.labels.userMessage} · Dana Tester: ${text}`);
      expect(textOf(card)).toContain(`${en.support.labels.agentReply} · agent-1: Which e-mail is on the second profile?`);

      // Answered: the next message is a question for the bot again.
      expect(textOf(onlyCard(await user.say('how do I unlink my certification profile')))).toContain(
        bot.app.kb.text('unlink', 'en').summary,
      );
    },
  );

  it.each([
    ['en', 'how do I unlink my certification profile', 'no'],
    ['fr', 'comment dissocier mon profil de certification', 'non'],
  ] as const)(
    'when a %s user says it is a new question, then the bot answers it and the ticket is left as it was',
    async (lang, question, no) => {
      const { user, id } = await ticketWithReply(lang, `asking-${lang}`);
      const offer = onlyCard(await user.say(question));
      expect(textOf(offer)).toContain(strings(lang).support.addToTicketTitle(id));
      const answer = onlyCard(await user.say(no));
      expect(textOf(answer)).toContain(bot.app.kb.text('unlink', lang).summary);
      expect((await bot.app.support.tickets.get(id))!.history.some((h) => h.kind === 'user-message')).toBe(false);
      // Declined once: the following questions are not offered to the ticket again for the same reply.
      expect(textOf(onlyCard(await user.say(question)))).toContain(bot.app.kb.text('unlink', lang).summary);
    },
  );
});
