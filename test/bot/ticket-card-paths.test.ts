import { createApp, loadKnowledge, type App } from '../../src/app';
import { strings } from '../../src/i18n/strings';
import { startServer, type RunningServer } from '../../src/server';
import { buttonByVerb, buttonsOf, textOf, type Card } from '../helpers/cards';
import { ConnectorStandIn } from '../helpers/connector-stand-in';
import { testConfig } from '../helpers/test-bot';
import { activity, click, poster, repliesTo, type Reply } from '../security/endpoint';
import { capturedLogger } from '../helpers/log-capture';

/**
 * A French ticket with the longest description and error the form takes, a full transcript and
 * a dozen long agent replies, driven through every path that renders it: the post in the
 * support channel, its updates on assign, reply, the user's answer, resolve, reopen and close,
 * the user's own cards, and the cards that replace a clicked one (invoke responses). Every
 * activity the bot sends must stay under Teams' message limit and still show the ticket.
 */
const TEAMS_LIMIT_BYTES = 28 * 1024;
const fr = strings('fr');
const connector = new ConnectorStandIn();
const log = capturedLogger('info');
const { supportCards } = loadKnowledge(testConfig());
let app: App;
let server: RunningServer;
let post: ReturnType<typeof poster>;

beforeAll(async () => {
  await connector.start();
  const config = testConfig({
    SUPPORT_ADMINS: 'aad-admin',
    SUPPORT_AGENTS: 'aad-agent',
    SUPPORT_LANGUAGE: 'fr',
    RATE_LIMIT_PER_MINUTE: '0',
  });
  app = createApp(config, log.logger);
  server = await startServer(app, log.logger, { port: 0, host: '127.0.0.1', maxBodyBytes: 256 * 1024 });
  post = poster(server.url);
});
afterAll(async () => {
  await app.support.worker.stop();
  await server.close();
  await connector.stop();
});

const channel = { id: '19:ms@thread.tacv2', conversationType: 'channel' };
const dm = { id: 'a:camille', conversationType: 'personal' };
const mention = { entities: [{ type: 'mention', mentioned: { id: 'bot', name: 'Bot' }, text: '<at>Bot</at>' }] };
const as = (from: Record<string, unknown>, conversation: Record<string, unknown>) => ({
  from,
  conversation,
  locale: 'fr-FR',
  channelId: 'msteams',
  serviceUrl: connector.url,
});
// Functions: the stand-in's address is known once it listens.
const admin = () => as({ id: '29:admin', name: 'Admin', aadObjectId: 'aad-admin' }, channel);
const agent = () => as({ id: '29:agent', name: 'Agnès Support', aadObjectId: 'aad-agent' }, channel);
const user = () => as({ id: '29:camille', name: 'Camille Lefèvre' }, dm);

/** Text as a French-speaking user or agent writes it, accents included, cut to `n` characters. */
const french = (n: number, seed: string) =>
  (
    `${seed} : impossible d'associer mon profil de certification à l'organisation partenaire ; ` +
    "l'erreur réapparaît après chaque connexion. "
  )
    .repeat(Math.ceil(n / 100))
    .slice(0, n);

/** Everything the bot sent during the scenario, by path, as it went out. */
const sent: { path: string; bytes: number; card?: Card }[] = [];
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

function record(path: string, replies: Reply[]): Reply[] {
  for (const reply of replies) {
    if (reply.type === 'invokeResponse') {
      const body = reply.value?.body as { type?: string; value?: unknown } | undefined;
      const card = body?.type === 'application/vnd.microsoft.card.adaptive' ? (body.value as Card) : undefined;
      sent.push({ path: `${path} (invoke response)`, bytes: bytes(body ?? {}), card });
    } else if (reply.type === 'message') {
      sent.push({ path: `${path} (reply)`, bytes: bytes(reply), card: reply.attachments?.[0]?.content });
    }
  }
  return replies;
}

const say = async (path: string, text: string, who: Record<string, unknown>) => record(path, await repliesTo(post, activity(text, who)));
const press = async (path: string, data: Record<string, unknown>, who: Record<string, unknown>) =>
  record(path, await repliesTo(post, click(data, who)));

/** What reached the stand-in connector (channel posts and updates, the user's notifications) since `from`. */
function proactive(path: string, from: number): void {
  for (const call of connector.calls.slice(from)) {
    const attachments = call.activity.attachments as { content?: Card }[] | undefined;
    const where = call.conversationId === channel.id ? 'channel' : 'user chat';
    sent.push({ path: `${path} (${call.method} ${where})`, bytes: bytes(call.activity), card: attachments?.[0]?.content });
  }
}

async function step(path: string, run: () => Promise<unknown>): Promise<void> {
  const from = connector.calls.length;
  await run();
  await app.support.worker.idle();
  proactive(path, from);
}

/** The support channel's card of the ticket (its title is the ticket id alone), not a card that mentions it. */
const isTicketCard = (card: Card | undefined, id: string): card is Card =>
  !!card && textOf(card).split('\n').includes(fr.support.ticketCardTitle(id));

describe('a ticket card with a long history, on every path', () => {
  let id = '';

  it('when a French ticket gathers a dozen long replies, then every activity stays under the limit and shows the ticket', async () => {
    await say('register', '<at>Bot</at> enregistrer microsoft-support', { ...admin(), ...mention });
    // A full transcript: the last turns before the form, each as long as the transcript keeps.
    for (let i = 0; i < 6; i++) await say('questions', french(600, `Question ${i}`), user());

    await step('filing', async () => {
      await press('form', { verb: 'support.queue', lang: 'fr', queue: 'microsoft-support' }, user());
      const replies = await press(
        'confirmation',
        {
          verb: 'support.submit',
          lang: 'fr',
          queue: 'microsoft-support',
          description: french(2000, 'Description'),
          errorMessage: french(1000, 'Erreur'),
          email: 'camille.lefevre@example.fr',
          mcid: '123456789',
          partnerId: '1234567',
        },
        user(),
      );
      id = /MS-[0-9A-Z]{6}/.exec(JSON.stringify(replies))?.[0] ?? '';
    });
    expect(id).toMatch(/^MS-/);

    await step('assign', () => press('assign', { verb: 'ticket.assign', lang: 'fr', ticketId: id }, agent()));
    for (let i = 0; i < 12; i++) {
      const reply = french(2000, `Réponse ${i}`);
      await step('reply', () => press('reply', { verb: 'ticket.reply', lang: 'fr', ticketId: id, reply }, agent()));
    }
    // Support's own view of the channel card, as Teams asks for it: the largest card of all.
    await step('refresh', () => press('refresh', { verb: 'ticket.refresh', lang: 'fr', ticketId: id }, agent()));
    await step('user answers', async () => {
      await say('user answers', french(1500, 'Ma réponse'), user());
      await press('user answers', { verb: 'ticket.answer', lang: 'fr', ticketId: id, accept: true }, user());
    });
    await step('resolve', () => press('resolve', { verb: 'ticket.resolve', lang: 'fr', ticketId: id }, agent()));
    await step('reopen', () => press('reopen', { verb: 'ticket.reopen', lang: 'fr', ticketId: id }, user()));
    await step('resolve again', () => press('resolve', { verb: 'ticket.resolve', lang: 'fr', ticketId: id }, agent()));
    await step('close', () => press('close', { verb: 'ticket.close', lang: 'fr', ticketId: id }, user()));
    await step('my tickets', () => say('my tickets', 'mes tickets', user()));

    // The scenario is worth running only if the card, as rendered, is too large for Teams.
    const stored = (await app.support.tickets.get(id))!;
    expect(stored.status).toBe('closed');
    const beforeResolve = stored.history.filter((h) => h.status === 'open' || h.status === 'assigned');
    const afterReplies = { ...stored, status: 'assigned' as const, history: beforeResolve };
    expect(afterReplies.history.filter((h) => h.kind === 'reply')).toHaveLength(12);
    const unfitted = bytes(supportCards.ticket(afterReplies, 'fr', { viewer: 'agent' }));
    expect(unfitted).toBeGreaterThan(TEAMS_LIMIT_BYTES);

    const largest = new Map<string, number>();
    for (const s of sent) largest.set(s.path, Math.max(s.bytes, largest.get(s.path) ?? 0));
    console.log([`ticket card as rendered: ${unfitted} B`, ...[...largest].map(([path, size]) => `${path}: ${size} B`)].join('\n'));
    expect(sent.filter((s) => s.bytes > TEAMS_LIMIT_BYTES).map((s) => `${s.path}: ${s.bytes} B`)).toEqual([]);
  });

  it('then each ticket card shown still names the ticket, its status and, while open, its buttons', () => {
    const cards = sent.filter((s) => isTicketCard(s.card, id));
    const paths = new Set(cards.map((s) => s.path));
    for (const path of ['assign', 'reply', 'refresh', 'resolve'].map((p) => `${p} (invoke response)`)) expect(paths).toContain(path);
    const channelPaths = [
      'filing (POST channel)',
      ...['assign', 'reply', 'user answers', 'resolve', 'reopen', 'close'].map((p) => `${p} (PUT channel)`),
    ];
    for (const path of channelPaths) expect(paths).toContain(path);
    const statuses = Object.values(fr.support.statusNames);
    for (const { card, path } of cards) {
      const text = textOf(card!);
      expect(statuses.some((status) => text.includes(status))).toBe(true);
      const closed = text.includes(fr.support.statusNames.closed) || text.includes(fr.support.statusNames.resolved);
      const verbs = buttonsOf(card!)
        .map((b) => b.verb)
        .filter((verb) => verb !== 'ticket.refresh');
      // The channel's post shows everyone the status only; the agent's view (by refresh or click) has the actions.
      if (path.includes('channel)')) expect({ path, verbs }).toEqual({ path, verbs: [] });
      else if (!closed) expect({ path, verbs }).toEqual({ path, verbs: ['ticket.assign', 'ticket.reply', 'ticket.resolve'] });
    }
    const last = cards.filter((s) => s.path.includes('PUT channel')).pop()!;
    expect(textOf(last.card!)).toContain(fr.support.statusNames.closed);
  });

  it('then the user\'s own cards (confirmation, "is it solved?", my tickets) carry the ticket id and their buttons', () => {
    const userCards = sent.filter((s) => s.card && !isTicketCard(s.card, id) && textOf(s.card).includes(id));
    const paths = new Set(userCards.map((s) => s.path));
    expect(paths).toContain('confirmation (invoke response)');
    expect(paths).toContain('resolve (POST user chat)');
    expect(paths).toContain('my tickets (reply)');
    const solved = userCards.find((s) => s.path === 'resolve (POST user chat)')!.card!;
    expect(buttonByVerb(solved, 'ticket.close').data.ticketId).toBe(id);
    expect(buttonByVerb(solved, 'ticket.reopen').data.ticketId).toBe(id);
  });
});
