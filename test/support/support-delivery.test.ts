import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app';
import { strings } from '../../src/i18n/strings';
import { startServer, type RunningServer } from '../../src/server';
import { buttonByVerb, textOf, type Card } from '../helpers/cards';
import { ConnectorStandIn } from '../helpers/connector-stand-in';
import { testConfig } from '../helpers/test-bot';
import { WebhookReceiver } from '../helpers/webhook-receiver';
import { activity, click, poster, repliesTo, type Reply } from '../security/endpoint';
import { capturedLogger } from '../helpers/log-capture';

/**
 * Deliveries after the turn, through the real endpoint and the file store: a webhook that
 * hangs, one that is down during "forget me", a queue with no channel yet, simultaneous submits.
 */
const en = strings('en');
const connector = new ConnectorStandIn();
const webhook = new WebhookReceiver();
const log = capturedLogger('info');
let app: App;
let server: RunningServer;
let dataDir: string;
let post: ReturnType<typeof poster>;

beforeAll(async () => {
  await Promise.all([connector.start(), webhook.start()]);
  const config = testConfig({
    SUPPORT_ADMINS: 'aad-admin',
    SUPPORT_AGENTS: 'aad-agent',
    WEBHOOK_URL_CERTIFICATION_SUPPORT: webhook.url,
    WEBHOOK_SECRET: 's',
    RATE_LIMIT_PER_MINUTE: '0',
  });
  dataDir = config.DATA_DIR;
  app = createApp(config, log.logger);
  server = await startServer(app, log.logger, { port: 0, host: '127.0.0.1', maxBodyBytes: 256 * 1024 });
  post = poster(server.url);
});
afterAll(async () => {
  await app.support.worker.stop();
  await server.close();
  await Promise.all([connector.stop(), webhook.stop()]);
});

const supportChannel = { id: '19:cs@thread.tacv2', conversationType: 'channel' };
const admin = { id: '29:admin', name: 'Admin', aadObjectId: 'aad-admin' };
const mention = { entities: [{ type: 'mention', mentioned: { id: 'bot', name: 'Bot' }, text: '<at>Bot</at>' }] };
const as = (from: Record<string, unknown>, conversation: Record<string, unknown>, channelId = 'msteams') => ({
  from,
  conversation,
  channelId,
  serviceUrl: connector.url,
});
const say = (text: string, who: Record<string, unknown>) => repliesTo(post, activity(text, who));
const press = (data: Record<string, unknown>, who: Record<string, unknown>) => repliesTo(post, click(data, who));
const cardIn = (replies: Reply[]): Card => {
  const replaced = replies.find((r) => r.type === 'invokeResponse')?.value?.body as { type?: string; value?: Card } | undefined;
  if (replaced?.type === 'application/vnd.microsoft.card.adaptive') return replaced.value!;
  return replies
    .flatMap((r) => r.attachments ?? [])
    .map((a) => a.content)
    .pop()!;
};

async function fileTicket(who: Record<string, unknown>, fields: Record<string, string>): Promise<string | undefined> {
  const form = cardIn(await press({ verb: 'support', lang: 'en', faqId: 'support-mcid-merge' }, who));
  const submit = buttonByVerb(form, 'support.submit');
  const replies = await press({ ...submit.data, verb: 'support.submit', ...fields }, who);
  return /CS-[0-9A-Z]{6}/.exec(textOf(cardIn(replies)) ?? '')?.[0];
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!condition()) throw new Error(`gave up waiting for ${what}`);
}

const storeText = (): string => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
  return files(dataDir)
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
};

describe('support deliveries happen after the turn', () => {
  it('when no support channel is registered yet, then the card is parked with one log line, and delivered once a channel is registered', async () => {
    const user = as({ id: '29:early', name: 'Early Bird' }, { id: 'a:early', conversationType: 'personal' });
    const id = await fileTicket(user, { description: 'Please merge my two profiles (parked case)' });
    expect(id).toBeDefined();
    await app.support.worker.idle();
    await app.support.worker.runOnce();
    await app.support.worker.runOnce();
    const parkedLines = log.events().filter((e) => e.event === 'outbox_item_parked' && e.ticketId === id);
    expect(parkedLines).toHaveLength(1);
    expect(connector.to(supportChannel.id)).toEqual([]);

    await say('<at>Bot</at> register certification-support', { ...as(admin, supportChannel), ...mention });
    await app.support.worker.idle();
    expect(connector.to(supportChannel.id).some((c) => c.method === 'POST' && JSON.stringify(c.activity).includes(id!))).toBe(true);
  });

  it('when the webhook never answers, then the user still gets the confirmation, and the delivery happens once the webhook is back', async () => {
    webhook.mode = 'hang';
    const user = as({ id: '29:patient', name: 'Pat Ient' }, { id: 'a:patient', conversationType: 'personal' });
    const id = await fileTicket(user, { description: 'Merge my profiles while the webhook hangs' });
    expect(id).toMatch(/^CS-/); // the confirmation came back while the webhook held the request
    await until(() => webhook.received.some((b) => b.includes(id!)), 'the first attempt');
    expect(webhook.delivered.some((b) => b.includes(id!))).toBe(false);

    webhook.mode = 'ok';
    await webhook.dropHanging();
    app.support.worker.start(200);
    await until(() => webhook.delivered.some((b) => b.includes(id!)), 'the delivery');
    await app.support.worker.stop();
  }, 30_000);
});

describe('"forget me" reaches every copy', () => {
  it('when the webhook is down during the erasure and up after, then it finally receives the ticket without name, e-mail or description, and the support card is updated', async () => {
    const name = 'Zéphyrine Quatremains';
    const email = 'zephyrine.q@example.test';
    const description = 'Ticket of Zéphyrine about merging profile 4471';
    const groupLine = 'Zéphyrine asks in the group about merging';
    const me = { id: '29:zephyrine', name };
    const groupChat = { id: '19:group-zq@thread.v2', conversationType: 'groupChat' };
    await say('<at>Bot</at> register certification-support', { ...as(admin, supportChannel), ...mention });
    await say(`<at>Bot</at> ${groupLine}`, { ...as(me, groupChat), ...mention });
    expect(storeText()).toContain(groupLine);

    webhook.mode = 'down';
    const dm = as(me, { id: 'a:zephyrine', conversationType: 'personal' });
    const id = (await fileTicket(dm, { description, email }))!;
    await app.support.worker.idle();
    const card = connector.to(supportChannel.id).find((c) => c.method === 'POST' && JSON.stringify(c.activity).includes(id));
    // The post shows everyone the status; support's own view (by refresh) carries the name.
    expect(JSON.stringify(card!.activity)).not.toContain(name);
    const refresh = { verb: 'ticket.refresh', lang: 'en', ticketId: id };
    const supportView = async () => JSON.stringify(cardIn(await press(refresh, as(admin, supportChannel))));
    expect(await supportView()).toContain(name);

    await say('forget me', dm);
    await press({ verb: 'privacy.forget', lang: 'en', confirm: true }, dm);
    await app.support.worker.idle();
    // LMDB leaves old bytes in free pages; the pass after "forget me" overwrites them.
    await app.scrubber!.idle();
    expect(log.events().some((e) => e.event === 'free_pages_overwritten')).toBe(true);
    const stored = storeText();
    for (const personal of [name, email, description, groupLine]) expect(stored).not.toContain(personal);
    const update = connector
      .to(supportChannel.id)
      .filter((c) => c.method === 'PUT' && JSON.stringify(c.activity).includes(id))
      .pop();
    expect(update).toBeDefined();
    for (const personal of [name, email, description]) expect(JSON.stringify(update!.activity)).not.toContain(personal);
    const erased = await supportView();
    for (const personal of [name, email, description]) expect(erased).not.toContain(personal);

    webhook.mode = 'ok';
    app.support.worker.start(200);
    await until(() => webhook.delivered.filter((b) => b.includes(id)).length >= 2, 'the created and erased events');
    await app.support.worker.stop();
    const bodies = webhook.delivered.filter((b) => b.includes(id));
    expect(bodies.map((b) => JSON.parse(b).event).sort()).toEqual(['ticket.created', 'ticket.erased']);
    for (const body of bodies) for (const personal of [name, email, description]) expect(body).not.toContain(personal);
  }, 30_000);
});

describe('who is who', () => {
  it("when the same ids come from another channel, then they are not the Teams agent, do not list or forget the Teams user's tickets", async () => {
    const teamsUser = as({ id: '29:owner', name: 'Owner' }, { id: 'a:owner', conversationType: 'personal' });
    const id = (await fileTicket(teamsUser, { description: 'A ticket only its Teams owner may see' }))!;
    const impostor = as({ id: '29:owner', name: 'Owner' }, { id: 'emu-owner', conversationType: 'personal' }, 'emulator');
    expect(textOf(cardIn(await say('my tickets', impostor)))).not.toContain(id);
    await say('forget me', impostor);
    await press({ verb: 'privacy.forget', lang: 'en', confirm: true }, impostor);
    expect((await app.support.tickets.get(id))!.description).toBe('A ticket only its Teams owner may see');
    expect(textOf(cardIn(await say('my tickets', teamsUser)))).toContain(id);

    const fakeAgent = as({ id: '29:agent', name: 'Alex', aadObjectId: 'aad-agent' }, supportChannel, 'emulator');
    const refused = await press({ verb: 'ticket.assign', lang: 'en', ticketId: id }, fakeAgent);
    // The refusal is shown to the one who clicked, on their copy of the card, naming the refused id.
    expect(refused.filter((r) => r.type === 'message')).toEqual([]);
    expect(textOf(cardIn(refused))).toContain(en.support.notAllowedFor('aad-agent'));
    expect((await app.support.tickets.get(id))!.status).toBe('open');
    const realAgent = as({ id: '29:agent', name: 'Alex', aadObjectId: 'aad-agent' }, supportChannel);
    await press({ verb: 'ticket.assign', lang: 'en', ticketId: id }, realAgent);
    expect((await app.support.tickets.get(id))!.status).toBe('assigned');
  });

  it('when a user submits 20 tickets at the same moment, then the hourly cap of 5 holds', async () => {
    const user = as({ id: '29:hasty', name: 'Hasty' }, { id: 'a:hasty', conversationType: 'personal' });
    const form = cardIn(await press({ verb: 'support', lang: 'en', faqId: 'support-mcid-merge' }, user));
    const submit = buttonByVerb(form, 'support.submit');
    await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        press({ ...submit.data, verb: 'support.submit', description: `Simultaneous ticket number ${n}` }, user),
      ),
    );
    expect(await app.support.tickets.listForUser({ id: '29:hasty', channelId: 'msteams' })).toHaveLength(5);
  });
});
