import { MemoryStorage } from 'botbuilder';
import { createApp, type App } from '../src/app';
import { strings } from '../src/i18n/strings';
import { silentLogger } from '../src/logging/logger';
import { startServer, type RunningServer } from '../src/server';
import type { Ticket, TicketPerson, TicketRequest } from '../src/support/ticket';
import { TICKET_SEARCH_LIMITS } from '../src/support/ticket-search';
import { buttonByVerb, textOf, type Card } from './helpers/cards';
import { ConnectorStandIn } from './helpers/connector-stand-in';
import { extensionPick, extensionQuery, extensionResultIn, previewTitles, type ExtensionResult } from './helpers/extension-invokes';
import { testConfig } from './helpers/test-bot';

const en = strings('en');
const fr = strings('fr');
const connector = new ConnectorStandIn();
let server: RunningServer;
let app: App;

const admin = { id: '29:admin', name: 'Ada Admin', aadObjectId: 'aad-admin' };
const agent = { id: '29:agent', name: 'Alex Agent', aadObjectId: 'aad-agent' };
const otherAgent = { id: '29:agent2', name: 'Sam Agent', aadObjectId: 'aad-agent2' };
const requester = { id: '29:camille', name: 'Camille Dubois' };
const asPerson = (p: { id: string; name: string; aadObjectId?: string }): TicketPerson => ({ ...p, channelId: 'msteams' });

const tickets: Record<'profile' | 'learning' | 'badge' | 'done', Ticket> = {} as never;
const bulk: Ticket[] = [];

function request(over: Partial<TicketRequest>): TicketRequest {
  const user = over.user ?? { id: '29:someone', name: 'Someone', channelId: 'msteams' };
  return {
    queue: 'certification-support',
    topic: null,
    language: 'en',
    user,
    description: 'A question',
    conversation: {
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation: { id: `a:${user.id}` },
      user: { id: user.id },
      bot: { id: 'bot' },
    },
    transcript: [],
    ...over,
  };
}

/** Tickets get distinct creation times, so "newest first" has one right answer. */
async function create(over: Partial<TicketRequest>): Promise<Ticket> {
  await new Promise((resolve) => setTimeout(resolve, 3));
  return app.support.tickets.create(request(over));
}

beforeAll(async () => {
  await connector.start();
  const config = testConfig({ SUPPORT_ADMINS: 'aad-admin', SUPPORT_AGENTS: 'aad-agent,aad-agent2' });
  app = createApp(config, silentLogger, { storage: new MemoryStorage() });
  server = await startServer(app, silentLogger, { port: 0, host: '127.0.0.1', maxBodyBytes: 256 * 1024 });
  for (let i = 1; i <= 14; i++) bulk.push(await create({ description: `Bulk import question number ${i}` }));
  tickets.profile = await create({
    user: { ...requester, channelId: 'msteams' },
    email: 'camille@contoso.com',
    mcid: '123456789',
    description: "Mon profil de certification ne s'affiche pas dans l'Espace partenaires",
  });
  tickets.learning = await create({
    queue: 'microsoft-support',
    user: { id: '29:jordan', name: 'Jordan Lee', channelId: 'msteams' },
    email: 'jordan@fabrikam.com',
    partnerId: '7654321',
    description: 'Associate Microsoft Learning account fails with error 403',
  });
  tickets.badge = await create({
    user: { id: '29:helene', name: 'Hélène Martin', channelId: 'msteams' },
    description: 'My badge is not showing',
  });
  tickets.done = await create({ description: 'Already solved' });
  const assign = (t: Ticket, to: TicketPerson) => app.support.tickets.update(t.id, (c) => ({ ...c, status: 'assigned', assignee: to }));
  tickets.learning = await assign(tickets.learning, asPerson(agent));
  tickets.badge = await assign(tickets.badge, asPerson(otherAgent));
  tickets.done = await app.support.tickets.update(tickets.done.id, (c) => ({ ...c, status: 'resolved' }));
});
afterAll(async () => {
  await server.close();
  await connector.stop();
});

let seq = 0;
type From = { id: string; name: string; aadObjectId?: string };
type Options = { locale?: string; channelId?: string; paging?: Record<string, unknown> };

async function invoke(from: From, activity: Record<string, unknown>, options: Options = {}): Promise<ExtensionResult> {
  const res = await fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: `mx-${++seq}`,
      channelId: options.channelId ?? 'msteams',
      serviceUrl: connector.url,
      deliveryMode: 'expectReplies',
      locale: options.locale ?? 'en-US',
      recipient: { id: 'bot' },
      from,
      conversation: { id: '19:agents-chat', conversationType: 'groupChat' },
      ...activity,
    }),
  });
  expect(res.status).toBe(200);
  return extensionResultIn(((await res.json()) as { activities: { type: string; value?: unknown }[] }).activities);
}

const search = (from: From, query: string | undefined, options: Options = {}) =>
  invoke(from, extensionQuery('searchTickets', query, options.paging), options);
const idsIn = (result: ExtensionResult) => (result.attachments ?? []).map((a) => String(a.preview!.content.tap!.value.ticketId));

describe('the tickets message extension, through the HTTP endpoint', () => {
  it('when someone outside the support team searches, then they get a one-line explanation and never a ticket, in their language', async () => {
    expect(await search(requester, undefined)).toEqual({ type: 'message', text: en.search.ticketsNotAllowed });
    const french = await search(requester, tickets.profile.id, { locale: 'fr-FR' });
    expect(french).toEqual({ type: 'message', text: fr.search.ticketsNotAllowed });
    expect(await search(requester, 'camille@contoso.com')).toEqual({ type: 'message', text: en.search.ticketsNotAllowed });
  });

  it("when an agent's id arrives from another channel, then it is nobody on the support list", async () => {
    const elsewhere = await search(agent, tickets.profile.id, { channelId: 'webchat' });
    expect(elsewhere).toEqual({ type: 'message', text: en.search.ticketsNotAllowed });
  });

  it('when someone outside the support team picks a ticket (a forged pick), then no card is inserted', async () => {
    const picked = await invoke(requester, extensionPick({ kind: 'ticket', ticketId: tickets.profile.id }));
    expect(picked).toEqual({ type: 'message', text: en.search.ticketsNotAllowed });
  });

  it('when an agent opens the search, then their assigned tickets and the open ones are listed, newest first, ten at most', async () => {
    const ids = idsIn(await search(agent, undefined));
    const expected = [tickets.learning, tickets.profile, ...[...bulk].reverse()].slice(0, TICKET_SEARCH_LIMITS.page).map((t) => t.id);
    expect(ids).toEqual(expected);
    // Assigned to someone else, or resolved: not in the agent's list.
    expect(ids).not.toContain(tickets.badge.id);
    expect(ids).not.toContain(tickets.done.id);
    // The other agent sees their own assignment instead.
    expect(idsIn(await search(otherAgent, undefined))[0]).toBe(tickets.badge.id);
  });

  it('when an agent types a ticket id, in any case, then that ticket is found, whoever it is assigned to', async () => {
    expect(idsIn(await search(agent, tickets.badge.id.toLowerCase()))).toEqual([tickets.badge.id]);
    expect(idsIn(await search(admin, tickets.done.id))).toEqual([tickets.done.id]);
  });

  it("when an agent types a requester's name, e-mail, MCID or Partner ID, then the ticket is found", async () => {
    expect(idsIn(await search(agent, 'helene'))).toEqual([tickets.badge.id]);
    expect(idsIn(await search(agent, 'Camille Dubois'))).toEqual([tickets.profile.id]);
    expect(idsIn(await search(agent, 'jordan@fabrikam'))).toEqual([tickets.learning.id]);
    expect(idsIn(await search(agent, '123456789'))).toEqual([tickets.profile.id]);
    expect(idsIn(await search(agent, '7654321'))).toEqual([tickets.learning.id]);
  });

  it('when an agent types words of a description, then the tickets with those words are found, a word start is enough', async () => {
    expect(idsIn(await search(agent, 'espace partenaires'))).toEqual([tickets.profile.id]);
    expect(idsIn(await search(agent, 'learn error'))).toEqual([tickets.learning.id]);
    expect(idsIn(await search(agent, 'badge showing'))).toEqual([tickets.badge.id]);
  });

  it("when nothing matches, then a one-line message says so, in the agent's language", async () => {
    expect(await search(agent, 'nothing like this')).toEqual({ type: 'message', text: en.search.noTicket('nothing like this') });
    expect(await search(agent, 'rien de tel', { locale: 'fr-FR' })).toEqual({ type: 'message', text: fr.search.noTicket('rien de tel') });
  });

  it('when results run over a page, then skip and count are honoured within the cap, and absurd paging is clamped', async () => {
    const newestBulk = [...bulk].reverse().map((t) => t.id);
    expect(idsIn(await search(agent, 'bulk', { paging: { skip: 0, count: 25 } }))).toEqual(newestBulk.slice(0, TICKET_SEARCH_LIMITS.page));
    expect(idsIn(await search(agent, 'bulk', { paging: { skip: 10, count: 25 } }))).toEqual(newestBulk.slice(10));
    expect(idsIn(await search(agent, 'bulk', { paging: { skip: 2, count: 3 } }))).toEqual(newestBulk.slice(2, 5));
    expect(idsIn(await search(agent, 'bulk', { paging: { skip: 0, count: 0 } }))).toEqual(newestBulk.slice(0, 1));
    const past = await search(agent, 'bulk', { paging: { skip: 1e9, count: 1e9 } });
    expect(past).toEqual({ type: 'result', attachmentLayout: 'list', attachments: [] });
  });

  it('when the query is a huge paste, then only its opening is matched and the search still answers', async () => {
    // Past the cap, "nomatch" is never read: the bulk tickets are found.
    const pasted = `bulk${' '.repeat(TICKET_SEARCH_LIMITS.queryChars)}nomatch ${'x'.repeat(20_000)}`;
    expect(idsIn(await search(agent, pasted))).toEqual(
      [...bulk]
        .reverse()
        .slice(0, TICKET_SEARCH_LIMITS.page)
        .map((t) => t.id),
    );
  });

  it('when an agent searches in French, then the previews are in French', async () => {
    const result = await search(agent, tickets.learning.id, { locale: 'fr-FR' });
    expect(previewTitles(result)).toEqual([`${tickets.learning.id} · ${fr.support.statusNames.assigned}`]);
    expect(result.attachments![0].preview!.content.text).toBe(tickets.learning.description);
  });

  it('when an agent picks a ticket, then its live card is inserted: status, assignee and the support actions, which work from that chat', async () => {
    const preview = (await search(agent, tickets.profile.id)).attachments![0];
    expect(preview.preview!.content.title).toBe(`${tickets.profile.id} · ${en.support.statusNames.open}`);
    const picked = await invoke(agent, extensionPick(preview.preview!.content.tap!.value));
    const inserted = picked.attachments![0].content as Card;
    // Everyone in that chat sees the status; the agent's own view (details, actions) comes by refresh.
    expect(textOf(inserted)).toContain(en.support.ticketCardTitle(tickets.profile.id));
    expect(textOf(inserted)).toContain(en.support.statusNames.open);
    expect(textOf(inserted)).not.toContain('camille@contoso.com');
    const clickInChat = (verb: string, data: unknown) =>
      fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          id: `mx-${++seq}`,
          type: 'invoke',
          name: 'adaptiveCard/action',
          channelId: 'msteams',
          serviceUrl: connector.url,
          deliveryMode: 'expectReplies',
          locale: 'en-US',
          recipient: { id: 'bot' },
          from: agent,
          conversation: { id: '19:agents-chat', conversationType: 'groupChat' },
          value: { action: { type: 'Action.Execute', verb, data } },
        }),
      });
    const cardIn = async (res: Response) =>
      ((await res.json()) as { activities: { type: string; value?: { body?: { value?: Card } } }[] }).activities.find(
        (r) => r.type === 'invokeResponse',
      )!.value!.body!.value!;
    const refreshAction = (inserted as { refresh?: { action?: { verb: string; data: unknown } } }).refresh!.action!;
    const card = await cardIn(await clickInChat(refreshAction.verb, refreshAction.data));
    expect(textOf(card)).toContain('camille@contoso.com');

    // The card's own "assign" button, clicked in the chat it was inserted into.
    const res = await clickInChat('ticket.assign', buttonByVerb(card, 'ticket.assign').data);
    const replies = ((await res.json()) as { activities: { type: string; value?: { body?: { value?: Card } } }[] }).activities;
    const updated = replies.find((r) => r.type === 'invokeResponse')!.value!.body!.value!;
    expect(textOf(updated)).toContain(en.support.statusNames.assigned);
    expect(textOf(updated)).toContain(agent.name);
    expect((await app.support.tickets.get(tickets.profile.id))!.assignee?.id).toBe(agent.id);
  });

  it('when a picked ticket no longer exists, then the agent is told so instead of a card', async () => {
    const gone = await invoke(agent, extensionPick({ kind: 'ticket', ticketId: 'CS-0000ZZ' }));
    expect(gone).toEqual({ type: 'message', text: en.search.ticketGone('CS-0000ZZ') });
  });
});
