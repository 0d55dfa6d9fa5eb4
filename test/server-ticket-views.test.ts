import { MemoryStorage } from 'botbuilder';
import { createApp, type App } from '../src/app';
import type { Lang } from '../src/i18n/language';
import { strings } from '../src/i18n/strings';
import { silentLogger } from '../src/logging/logger';
import { firstResponseDue } from '../src/support/response-targets';
import { targetOf } from '../src/support/routing';
import { startServer, type RunningServer } from '../src/server';
import { localDateTime } from '../src/views/local-time';
import { buttonByVerb, buttonsOf, textOf, type Card } from './helpers/cards';
import { ConnectorStandIn } from './helpers/connector-stand-in';
import { testConfig } from './helpers/test-bot';

const connector = new ConnectorStandIn();
let server: RunningServer;
let app: App;
// The reminders' and "waiting" clock: starts now, moved forward by the tests.
let clock = new Date();

beforeAll(async () => {
  await connector.start();
  const config = testConfig({ SUPPORT_ADMINS: 'aad-admin', SUPPORT_AGENTS: 'aad-agent' });
  app = createApp(config, silentLogger, { storage: new MemoryStorage(), now: () => clock });
  server = await startServer(app, silentLogger, { port: 0, host: '127.0.0.1', maxBodyBytes: 256 * 1024 });
  const mention = [{ type: 'mention', mentioned: { id: 'bot' }, text: '<at>Bot</at>' }];
  await post(supportChannel, admin, { type: 'message', text: '<at>Bot</at> register certification-support', entities: mention });
});
afterAll(async () => {
  await server.close();
  await connector.stop();
});

const supportChannel = { id: '19:cs@thread.tacv2;messageid=1700000000001', conversationType: 'channel' };
const channelRoot = '19:cs@thread.tacv2';
const admin = { id: '29:admin', name: 'Admin', aadObjectId: 'aad-admin' };
const agent = { id: '29:agent', name: 'Alex Agent', aadObjectId: 'aad-agent' };
const stranger = { id: '29:stranger', name: 'Sam Stranger', aadObjectId: 'aad-stranger' };
const LOCALE: Record<Lang, string> = { en: 'en-US', fr: 'fr-FR' };

interface Reply {
  type: string;
  text?: string;
  attachments?: { content: Card }[];
  value?: { body?: { type?: string; value?: Card } };
}

let seq = 0;
async function post(conversation: object, from: object, activity: Record<string, unknown>, locale = 'en-US'): Promise<Reply[]> {
  const res = await fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: `views-${++seq}`,
      channelId: 'msteams',
      serviceUrl: connector.url,
      deliveryMode: 'expectReplies',
      locale,
      recipient: { id: 'bot' },
      from,
      conversation,
      ...activity,
    }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { activities: Reply[] }).activities;
}

const invoke = (verb: string, data: Record<string, unknown>, trigger?: string) => ({
  type: 'invoke',
  name: 'adaptiveCard/action',
  value: { action: { type: 'Action.Execute', verb, data: { verb, ...data } }, ...(trigger ? { trigger } : {}) },
});
const cardIn = (replies: Reply[]): Card => {
  const replaced = replies.find((r) => r.type === 'invokeResponse')?.value?.body;
  if (replaced?.type === 'application/vnd.microsoft.card.adaptive') return replaced.value!;
  return replies
    .flatMap((r) => r.attachments ?? [])
    .map((a) => a.content)
    .pop()!;
};
/** The buttons a person can press (the card's refresh action is Teams', not a button). */
const pressable = (card: Card) => buttonsOf(card).filter((b) => b.verb !== 'ticket.refresh');

/** A user files a ticket from their 1:1 chat, in their language, from Paris; returns it with their confirmation. */
async function fileTicket(lang: Lang) {
  const user = { id: `29:user-${lang}-${++seq}`, name: lang === 'fr' ? 'Camille' : 'Casey' };
  const chat = { id: `a:chat-${user.id}`, conversationType: 'personal' };
  const where = { entities: [{ type: 'clientInfo', locale: LOCALE[lang], timezone: 'Europe/Paris' }] };
  const form = cardIn(await post(chat, user, { ...invoke('support', { lang, faqId: 'support-mcid-merge' }), ...where }, LOCALE[lang]));
  const submit = buttonByVerb(form, 'support.submit').data;
  const description = lang === 'fr' ? 'Merci de fusionner mes deux profils de certification' : 'Please merge my two certification profiles';
  const submitted = invoke('support.submit', { ...submit, description, mcid: '9876543' });
  const confirmation = cardIn(await post(chat, user, { ...submitted, ...where }, LOCALE[lang]));
  const id = /CS-[0-9A-Z]{6}/.exec(textOf(confirmation))![0];
  await app.support.worker.idle(); // the channel post is the outbox's, after the turn
  return { user, chat, id, description, confirmation, ticket: (await app.support.tickets.get(id))! };
}

describe.each(['en', 'fr'] as const)('ticket cards per viewer, in %s, through the HTTP endpoint', (lang) => {
  const s = strings(lang).support;

  it('when a user files a ticket, then the confirmation gives the first-answer time on their clock and refreshes', async () => {
    const { user, confirmation, ticket } = await fileTicket(lang);
    const due = firstResponseDue(ticket, targetOf(app.support.filing.routing, 'certification-support')!);
    expect(textOf(confirmation)).toContain(s.firstAnswerBy(localDateTime(due, lang, 'Europe/Paris')));
    const action = expect.objectContaining({ type: 'Action.Execute', verb: 'ticket.refresh' });
    expect(confirmation.refresh).toEqual({ action, userIds: [user.id] });
  });

  it('when the requester, an agent and a stranger each refresh the ticket card, then each sees their own buttons and no more', async () => {
    const { user, chat, id, description } = await fileTicket(lang);
    const posts = connector.to(channelRoot).filter((c) => c.method === 'POST');
    const posted = posts.map((c) => (c.activity.attachments as { content: Card }[])[0].content).find((c) => textOf(c).includes(id))!;
    const refresh = posted.refresh as { action: { verb: string; data: Record<string, unknown> }; userIds: string[] };
    expect(refresh.userIds).toEqual(expect.arrayContaining([user.id]));
    expect(refresh.userIds.length).toBeLessThanOrEqual(60);
    const asTeamsRefreshes = invoke(refresh.action.verb, refresh.action.data, 'automatic');
    const view = async (conversation: object, from: object) => cardIn(await post(conversation, from, asTeamsRefreshes, LOCALE[lang]));

    const mine = await view(chat, user);
    expect(mine.lang).toBe(lang);
    expect(pressable(mine).map((b) => [b.verb, b.title])).toEqual([
      ['ticket.details', s.addDetails],
      ['ticket.close', s.closeTicket],
    ]);
    expect(textOf(mine)).toContain(description);

    const support = await view(supportChannel, agent);
    expect(support.lang).toBe(lang);
    expect(pressable(support).map((b) => [b.verb, b.title])).toEqual([
      ['ticket.assign', s.assignToMe],
      ['ticket.reply', s.replyToUser],
      ['ticket.resolve', s.resolve],
    ]);
    expect(textOf(support)).toContain('9876543');

    const theirs = await view(supportChannel, stranger);
    expect(pressable(theirs)).toEqual([]);
    expect(textOf(theirs)).toContain(s.statusNames.open);
    expect(textOf(theirs)).toContain(s.statusOnly);
    for (const personal of [description, '9876543', user.name]) expect(textOf(theirs)).not.toContain(personal);
  });

  it('when a stranger or the requester presses an agent button, then it is refused on their card only, ticket unchanged', async () => {
    const { user, chat, id } = await fileTicket(lang);
    const refused = await post(supportChannel, stranger, invoke('ticket.assign', { lang, ticketId: id }), LOCALE[lang]);
    expect(refused.filter((r) => r.type === 'message')).toEqual([]);
    expect(textOf(cardIn(refused))).toContain(s.notAllowedFor('aad-stranger'));
    expect(pressable(cardIn(refused))).toEqual([]);
    const byOwner = cardIn(await post(chat, user, invoke('ticket.resolve', { lang, ticketId: id }), LOCALE[lang]));
    expect(textOf(byOwner)).toContain(s.notAllowedFor(user.id));
    expect(pressable(byOwner).map((b) => b.verb)).toEqual(['ticket.details', 'ticket.close']);
    expect((await app.support.tickets.get(id))!).toMatchObject({ status: 'open' });
    expect((await app.support.tickets.get(id))!.assignee).toBeUndefined();
  });

  it('when the requester adds details from their card, then the ticket, its thread and their card show it; a stranger cannot', async () => {
    const { user, chat, id } = await fileTicket(lang);
    const text = lang === 'fr' ? "L'erreur 403 apparaît aussi sur le second profil" : 'Error 403 shows on the second profile too';
    const forged = invoke('ticket.details', { lang, ticketId: id, reply: 'spam from a stranger' });
    const intruder = cardIn(await post(supportChannel, stranger, forged, LOCALE[lang]));
    expect(textOf(intruder)).toContain(s.notAllowed);
    expect(textOf(intruder)).not.toContain('spam from a stranger');
    const card = cardIn(await post(chat, user, invoke('ticket.details', { lang, ticketId: id, reply: text }), LOCALE[lang]));
    expect(textOf(card)).toContain(`${s.labels.userMessage} · ${user.name}: ${text}`);
    const added = (await app.support.tickets.get(id))!.history.filter((h) => h.kind === 'user-message');
    expect(added).toEqual([expect.objectContaining({ note: text })]);
    const inThreads = connector.calls.filter((c) => c.conversationId.startsWith(`${channelRoot};messageid=`) && c.method === 'POST');
    const thread = inThreads.map((c) => String(c.activity.text));
    expect(thread.some((t) => t.includes(text))).toBe(true);
  });
});

describe('response targets, on a fake clock', () => {
  afterEach(() => (clock = new Date()));

  it('when a ticket stays unassigned past its target, then it shows as waiting; its thread gets a reminder, then one at 2×', async () => {
    const { chat, user, id, ticket } = await fileTicket('fr');
    const target = targetOf(app.support.filing.routing, 'certification-support')!;
    const due = firstResponseDue(ticket, target);
    const en = strings('en').support;
    const fr = strings('fr').support;
    const postId = ticket.supportPost?.activityId ?? (await app.support.tickets.get(id))!.supportPost!.activityId;
    const thread = `${channelRoot};messageid=${postId}`;
    const reminders = () =>
      connector
        .to(thread)
        .map((c) => String(c.activity.text))
        .filter((t) => t.includes(id));
    const mine = async () => textOf(cardIn(await post(chat, user, { type: 'message', text: 'mes tickets' }, 'fr-FR')));

    clock = new Date(due.getTime() - 60_000);
    await app.support.reminders.runOnce();
    expect(reminders()).toEqual([]);
    expect(await mine()).not.toContain(fr.waitingPastTarget);

    clock = due;
    await app.support.reminders.runOnce();
    await app.support.reminders.runOnce();
    const when = localDateTime(due, 'en', target.workingHours.timeZone);
    expect(reminders()).toEqual([en.reminder(id, when)]);
    expect(await mine()).toContain(fr.waitingPastTarget);

    clock = firstResponseDue(ticket, target, 2);
    await app.support.reminders.runOnce();
    clock = new Date(clock.getTime() + 30 * 86_400_000);
    await app.support.reminders.runOnce();
    expect(reminders()).toEqual([en.reminder(id, when), en.secondReminder(id, when)]);
    // The channel's card now tells everyone the ticket waits past its target.
    const card = connector
      .to(channelRoot)
      .filter((c) => c.method === 'PUT' && c.path.endsWith(postId))
      .pop()!;
    expect(textOf((card.activity.attachments as { content: Card }[])[0].content)).toContain(en.waitingPastTarget);
  });
});
