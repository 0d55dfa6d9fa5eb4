import { MemoryStorage } from 'botbuilder';
import { createApp, type App } from '../src/app';
import { strings } from '../src/i18n/strings';
import { silentLogger } from '../src/logging/logger';
import { startServer, type RunningServer } from '../src/server';
import { buttonByVerb, textOf, type Card } from './helpers/cards';
import { ConnectorStandIn } from './helpers/connector-stand-in';
import { testConfig } from './helpers/test-bot';

const en = strings('en');
const connector = new ConnectorStandIn();
let server: RunningServer;
let app: App;

beforeAll(async () => {
  await connector.start();
  app = createApp(
    testConfig({
      SUPPORT_ADMINS: 'aad-admin',
      SUPPORT_AGENTS: 'aad-agent',
      WEBHOOK_URL_MICROSOFT_SUPPORT: `${connector.url}hook`,
      WEBHOOK_SECRET: 'test-secret-0123456789',
    }),
    silentLogger,
    { storage: new MemoryStorage() },
  );
  server = await startServer(app, silentLogger, { port: 0, host: '127.0.0.1', maxBodyBytes: 256 * 1024 });
});
afterAll(async () => {
  await server.close();
  await connector.stop();
});

interface Reply {
  type: string;
  text?: string;
  attachments?: { content: Card }[];
  value?: { body?: { type?: string; value?: Card } };
}

let seq = 0;
async function post(
  conversation: { id: string; conversationType: string },
  from: { id: string; name: string; aadObjectId?: string },
  activity: Record<string, unknown>,
): Promise<Reply[]> {
  const res = await fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: `http-${++seq}`,
      channelId: 'msteams',
      serviceUrl: connector.url,
      deliveryMode: 'expectReplies',
      locale: 'en-US',
      recipient: { id: 'bot' },
      from,
      conversation,
      ...activity,
    }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { activities: Reply[] }).activities;
}

const click = (data: Record<string, unknown>, inputs: Record<string, unknown> = {}) => ({
  type: 'invoke',
  name: 'adaptiveCard/action',
  value: { action: { type: 'Action.Execute', verb: data.verb, data: { ...data, ...inputs } } },
});
/** The card the turn ended on: a new message, or the card that replaced the clicked one. */
const cardIn = (replies: Reply[]) => {
  const replaced = (replies.find((r) => r.type === 'invokeResponse')?.value?.body ?? {}) as { type?: string; value?: Card };
  if (replaced.type === 'application/vnd.microsoft.card.adaptive') return replaced.value!;
  return replies
    .flatMap((r) => r.attachments ?? [])
    .map((a) => a.content)
    .pop()!;
};

describe('from a question to a resolved ticket, through the HTTP endpoint', () => {
  it('when a user asks for a person, support gets the ticket as a new channel post, replies, the user answers into the ticket thread and the webhook, and sees the outcome', async () => {
    // Teams delivers a channel message with the thread in the conversation id: the register message's own thread.
    const supportChannel = { id: '19:support@thread.tacv2;messageid=1700000000001', conversationType: 'channel' };
    const channelRoot = '19:support@thread.tacv2';
    const admin = { id: '29:admin', name: 'Admin', aadObjectId: 'aad-admin' };
    const agent = { id: '29:agent', name: 'Alex Agent', aadObjectId: 'aad-agent' };
    const userChat = { id: 'a:user-chat', conversationType: 'personal' };
    const user = { id: '29:user', name: 'Camille' };

    expect(
      (
        await post(supportChannel, admin, {
          type: 'message',
          text: '<at>Bot</at> register microsoft-support',
          entities: [{ type: 'mention', mentioned: { id: 'bot', name: 'Bot' }, text: '<at>Bot</at>' }],
        })
      ).map((r) => r.text),
    ).toContain(en.support.channelRegistered(en.support.queueNames['microsoft-support']));

    const question = cardIn(await post(userChat, user, { type: 'message', text: 'I want to talk to someone' }));
    const form = cardIn(
      await post(userChat, user, click(buttonByVerb(question, 'support.queue', (d) => d.queue === 'microsoft-support').data)),
    );
    const confirmation = cardIn(
      await post(
        userChat,
        user,
        click(buttonByVerb(form, 'support.submit').data, {
          description: 'Associate Microsoft Learning account fails with an error',
          partnerId: '1234567',
        }),
      ),
    );
    const id = /MS-[0-9A-Z]{6}/.exec(textOf(confirmation))![0];

    await app.support.worker.idle(); // the channel post is the outbox's, after the turn
    // The ticket is a new post of the channel, not a reply under the register message.
    expect(connector.to(supportChannel.id)).toEqual([]);
    const posted = connector.to(channelRoot).find((c) => c.method === 'POST');
    const postedCard = (posted!.activity.attachments as { content: Card }[])[0].content;
    expect(textOf(postedCard)).toContain(id);
    // Everyone in the channel sees the status; the agent's client asks for their own view (Universal Actions' refresh).
    expect(textOf(postedCard)).not.toContain('1234567');
    const refresh = postedCard.refresh as { action: { verb: string; data: Record<string, unknown> } };
    const refreshAction = { type: 'Action.Execute', ...refresh.action };
    const asTeamsRefreshes = { ...click(refresh.action.data), value: { action: refreshAction, trigger: 'automatic' } };
    const ticketCard = cardIn(await post(supportChannel, agent, asTeamsRefreshes));
    expect(textOf(ticketCard)).toContain('1234567');

    const assigned = (await post(supportChannel, agent, click(buttonByVerb(ticketCard, 'ticket.assign').data))).find(
      (r) => r.type === 'invokeResponse',
    );
    expect(textOf(assigned!.value!.body!.value!)).toContain(en.support.statusNames.assigned);
    expect(connector.to(userChat.id).map((c) => c.activity.text)).toContain(en.support.notifyAssigned(id, 'Alex Agent'));

    // The agent asks; the user's answer goes back to the ticket, its thread and the webhook.
    await post(supportChannel, agent, click(buttonByVerb(ticketCard, 'ticket.reply').data, { reply: 'Which partner ID shows the error?' }));
    expect(connector.to(userChat.id).some((c) => String(c.activity.text).includes('Which partner ID shows the error?'))).toBe(true);
    const offer = cardIn(await post(userChat, user, { type: 'message', text: 'It is partner ID 1234567, error 403' }));
    expect(textOf(offer)).toContain(en.support.addToTicketTitle(id));
    const sent = await post(userChat, user, click(buttonByVerb(offer, 'ticket.answer', (d) => d.accept === true).data));
    expect(sent.map((r) => r.text)).toContain(en.support.answerSent(id));
    const threadPosts = connector.calls.filter((c) => c.conversationId.startsWith(`${channelRoot};messageid=`) && c.method === 'POST');
    expect(threadPosts.map((c) => c.activity.text)).toContain(
      `${en.support.userAnswered(id, 'Camille')}\n\nIt is partner ID 1234567, error 403`,
    );
    const hooks = connector.calls
      .filter((c) => c.path === '/hook')
      .map((c) => c.activity as { event?: string; ticketId?: string; message?: { text?: string } });
    expect(hooks).toContainEqual(
      expect.objectContaining({
        event: 'ticket.user-message',
        ticketId: id,
        message: expect.objectContaining({ text: 'It is partner ID 1234567, error 403' }),
      }),
    );

    await post(supportChannel, agent, click(buttonByVerb(ticketCard, 'ticket.resolve').data));
    const list = cardIn(await post(userChat, user, { type: 'message', text: 'my tickets' }));
    expect(textOf(list)).toContain(id);
    expect(textOf(list)).toContain(en.support.statusNames.resolved);
  });
});
