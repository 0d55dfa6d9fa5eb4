import { strings } from '../../src/i18n/strings';
import { loadKnowledgeBase } from '../../src/knowledge/content-loader';
import { AzureBlobsStorage } from '../../src/storage/azure-blobs-storage';
import { TicketRepository } from '../../src/support/ticket-repository';
import type { TranscriptLine } from '../../src/support/ticket';
import { startAzurite, type Azurite } from '../helpers/azurite';
import { button, textOf } from '../helpers/cards';
import { ConnectorStandIn } from '../helpers/connector-stand-in';
import { startBotProcess } from '../security/bot-process';
import {
  cardIn,
  clickIn,
  deliver,
  message,
  openSupportForm,
  pool,
  readiness,
  startInstance,
  submitForm,
  TICKET_ID,
  turn,
  until,
  type Chat,
  type Instance,
  type Reply,
} from './instances';

// A safety net on a busy machine, not a time budget: nothing here asserts how fast it went.
jest.setTimeout(180_000);

const CONTAINER = 'scale-out';
// Short, so the kill -9 step waits little; long enough that a live turn on a busy machine renews it in time.
const CLAIM_TIMEOUT_MS = 6000;
const connector = new ConnectorStandIn();
const supportChannel = { id: '19:support@thread.tacv2', conversationType: 'channel' };
const en = strings('en');
const fr = strings('fr');
let azurite: Azurite;
let a: Instance;
let b: Instance;
let store: AzureBlobsStorage;
let tickets: TicketRepository;

const chat = (id: string, locale = 'en-US'): Chat => ({
  conversation: { id, conversationType: 'personal' },
  from: { id: `29:${id}`, name: `User ${id}` },
  serviceUrl: connector.url,
  locale,
});
const channelPosts = () => connector.to(supportChannel.id).filter((c) => c.method === 'POST');
const postedIds = () => channelPosts().map((c) => TICKET_ID.exec(JSON.stringify(c.activity.attachments))?.[0]);
const hasCard = (replies: Reply[]) => {
  try {
    return !!cardIn(replies);
  } catch {
    return false;
  }
};
/** Figures for docs/storage.md, printed, never asserted. */
const figure = (text: string) => process.stderr.write(`[figure] ${text}\n`);
const isApology = (text: string | undefined, lang: 'en' | 'fr') =>
  !!text && text === strings(lang).turnError(/([0-9A-F]{8})/.exec(text)?.[1] ?? '');

beforeAll(async () => {
  [azurite] = await Promise.all([startAzurite(), connector.start()]);
  const env = {
    STORAGE: 'azure-blob',
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    AZURE_STORAGE_CONTAINER: CONTAINER,
    SUPPORT_ADMINS: 'aad-admin',
    RATE_LIMIT_PER_MINUTE: '0',
    OUTBOX_INTERVAL_MS: '300',
    OUTBOX_LEASE_MS: '5000',
    TURN_CLAIM_TIMEOUT_MS: String(CLAIM_TIMEOUT_MS),
  };
  [a, b] = await Promise.all([startInstance('A', env), startInstance('B', env)]);
  store = new AzureBlobsStorage(azurite.connectionString, CONTAINER);
  tickets = new TicketRepository(store);
}, 180_000);

afterAll(async () => {
  for (const instance of [a, b]) instance?.process.signal('SIGKILL');
  await Promise.all([connector.stop(), azurite?.stop()]);
});

describe('two bot processes on one Azure Blob store (Azurite)', () => {
  it('when the account key is wrong, then a third instance refuses to start with a clear message and exits 1', async () => {
    const wrongKey = azurite.connectionString.replace(/AccountKey=[^;]+/, `AccountKey=${Buffer.from('wrong key').toString('base64')}`);
    const refused = startBotProcess({
      STORAGE: 'azure-blob',
      AZURE_STORAGE_CONNECTION_STRING: wrongKey,
      AZURE_STORAGE_CONTAINER: CONTAINER,
    });
    expect(await refused.exited).toBe(1);
    expect(refused.stderr()).toContain('Azure Blob Storage refused the credentials');
    expect(refused.stderr()).toContain('AZURE_STORAGE_CONNECTION_STRING');
    expect(refused.events.map((e) => e.event)).not.toContain('listening');
  });

  it('when the turns of one chat alternate between the instances, then both guided flows go on where they were', async () => {
    expect([await readiness(a), await readiness(b)]).toEqual([200, 200]);
    const credit = chat('flow-credit', 'fr-FR');
    expect(textOf(cardIn(await turn(a, clickIn(credit, { verb: 'credit.start', lang: 'fr' }))))).toContain(fr.askExamTitle);
    const verdict = textOf(cardIn(await turn(b, message(credit, 'AZ-103', { locale: 'fr-FR' }))));
    expect(verdict).toContain(fr.examEligible('AZ-103', 'Microsoft Azure Administrator'));
    expect(JSON.stringify(await turn(a, message(credit, 'par relevé de notes', { locale: 'fr-FR' })))).toContain(
      'itcertifications@excelsior.edu',
    );

    const linking = chat('flow-linking');
    const area = cardIn(await turn(a, message(linking, 'link')));
    const question = cardIn(await turn(b, clickIn(linking, button(area, en.linkingFlowButton).data)));
    const answer = cardIn(await turn(a, clickIn(linking, button(question, en.situations.unlink).data)));
    expect(textOf(answer)).toContain(loadKnowledgeBase('content').text('unlink', 'en').summary);
  });

  it('when 2 instances × 50 users file tickets at once, then the support channel gets exactly 100 posts, one per ticket, and each ticket keeps its post', async () => {
    const admin = {
      conversation: supportChannel,
      from: { id: '29:admin', name: 'Admin', aadObjectId: 'aad-admin' },
      serviceUrl: connector.url,
    };
    const mention = [{ type: 'mention', mentioned: { id: 'bot', name: 'Bot' }, text: '<at>Bot</at>' }];
    expect((await turn(a, message(admin, '<at>Bot</at> register microsoft-support', { entities: mention }))).map((r) => r.text)).toContain(
      en.support.channelRegistered(en.support.queueNames['microsoft-support']),
    );
    const users = Array.from({ length: 100 }, (_, i) => chat(`ticket-user-${i}`));
    const filed = await pool(users, 20, async (user, i) => {
      const on = i % 2 ? b : a;
      const confirmation = cardIn(await turn(on, submitForm(user, await openSupportForm(on, user))));
      return TICKET_ID.exec(textOf(confirmation))![0];
    });
    expect(new Set(filed).size).toBe(100);
    await until(() => channelPosts().length >= 100, '100 channel posts');
    // Two more outbox passes of both instances: nothing more may come.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    figure(`channel posts for 100 tickets: ${channelPosts().length}`);
    expect(channelPosts()).toHaveLength(100);
    expect(postedIds().sort()).toEqual([...filed].sort());
    const stored = await Promise.all(filed.map((id) => tickets.get(id)));
    expect(stored.every((t) => t?.supportPost?.activityId)).toBe(true);
    expect(new Set(stored.map((t) => t!.supportPost!.activityId)).size).toBe(100);
  });

  it('when the store stops under both instances, then questions are still answered, readiness says not ready, and both recover when it is back', async () => {
    await azurite.pause();
    try {
      expect([await readiness(a), await readiness(b)]).toEqual([503, 503]);
      for (const [on, lang] of [
        [a, 'en'],
        [b, 'fr'],
      ] as const) {
        const text =
          lang === 'en' ? 'Is AZ-104 eligible for college credit?' : "L'examen AZ-104 donne-t-il droit à des crédits universitaires ?";
        const asked = Date.now();
        const replies = await turn(on, message(chat(`outage-${on.name}`, lang === 'en' ? 'en-US' : 'fr-FR'), text));
        figure(`store down: FAQ answered by ${on.name} in ${Date.now() - asked} ms`);
        expect(JSON.stringify(replies)).toContain('AZ-104');
        expect(replies.some((r) => isApology(r.text, lang))).toBe(false);
      }
    } finally {
      await azurite.resume();
    }
    const back = Date.now();
    await until(async () => (await readiness(a)) === 200 && (await readiness(b)) === 200, 'both instances ready again');
    figure(`store back: both instances ready after ${Date.now() - back} ms`);
    // State is written again: a flow started now on one instance goes on on the other.
    const after = chat('after-outage');
    expect(textOf(cardIn(await turn(b, clickIn(after, { verb: 'credit.start', lang: 'en' }))))).toContain(en.askExamTitle);
    expect(textOf(cardIn(await turn(a, message(after, 'AZ-103'))))).toContain(en.examEligible('AZ-103', 'Microsoft Azure Administrator'));
  });

  it('when two messages of one chat arrive at the same moment on different instances, then the transcript keeps both (20 pairs)', async () => {
    const pairs = Array.from({ length: 20 }, (_, i) => chat(`pair-${i}`));
    await Promise.all(
      pairs.flatMap((c) => [
        turn(a, message(c, `Is AZ-104 eligible for college credit? (${c.conversation.id})`)),
        turn(b, message(c, `menu ${c.conversation.id}`)),
      ]),
    );
    const keys = pairs.map((c) => `msteams/conversations/${c.conversation.id}/`);
    const states = await store.read(keys);
    const lost = pairs.filter((c, i) => {
      const lines = ((states[keys[i]] as { recentTurns?: TranscriptLine[] } | undefined)?.recentTurns ?? [])
        .filter((l) => l.from === 'user')
        .map((l) => l.text);
      return !lines.some((t) => t.startsWith('Is AZ-104')) || !lines.some((t) => t.startsWith('menu'));
    });
    const unordered = [a, b]
      .flatMap((i) => i.process.events)
      .filter((e) => ['turn_claim_wait_gave_up', 'turn_claim_unavailable'].includes(String(e.event)));
    figure(
      `simultaneous pairs: ${lost.length} of ${pairs.length} lost a transcript line; turns run without their claim: ${unordered.length}`,
    );
    expect(lost.map((c) => c.conversation.id)).toEqual([]);
  });

  it('when an instance is killed (-9) mid-burst and the channel redelivers to the other, then no acknowledged ticket is lost and no cut-off turn is dropped', async () => {
    const users = Array.from({ length: 24 }, (_, i) => chat(`burst-user-${i}`));
    const submits = await pool(users, 12, async (user) => submitForm(user, await openSupportForm(b, user)));
    let acknowledged = 0;
    const burst = submits.map(async (activity) => {
      const outcome = await deliver(a, activity);
      if ('status' in outcome && outcome.status === 200) acknowledged++;
      if (acknowledged === 1) a.process.signal('SIGKILL');
      return outcome;
    });
    const outcomes = await Promise.all(burst);
    expect(await a.process.exited).toBe('SIGKILL');
    const acked = outcomes.map((o) => ('status' in o && o.status === 200 ? TICKET_ID.exec(textOf(cardIn(o.replies)))?.[0] : undefined));
    const cut = submits.filter((_, i) => !acked[i]);
    expect(acked.filter(Boolean).length).toBeGreaterThanOrEqual(1);
    expect(cut.length).toBeGreaterThan(0);
    figure(`kill -9 burst: ${acked.filter(Boolean).length} acknowledged, ${cut.length} cut off`);

    // The channel retries the deliveries it got no answer for; the dead instance's claims lapse first.
    await new Promise((resolve) => setTimeout(resolve, CLAIM_TIMEOUT_MS + 500));
    const redelivered = await Promise.all(cut.map((activity) => turn(b, activity)));
    // And, as channels do, some it did get an answer for: those are repeats, not new tickets.
    const repeats = await Promise.all(submits.filter((_, i) => acked[i]).map((activity) => turn(b, activity)));
    // Teams gets its 200 for a repeated click, and nothing else: no second confirmation.
    expect(repeats.flat().filter((r) => r.type !== 'invokeResponse' || JSON.stringify(r.value).includes('MS-'))).toEqual([]);

    for (const id of acked.filter((x): x is string => !!x)) expect((await tickets.get(id))?.id).toBe(id);
    const byUser = await Promise.all(users.map((u) => tickets.listForUser({ id: u.from.id, channelId: 'msteams' })));
    expect(users.filter((_, i) => byUser[i].length === 0).map((u) => u.from.id)).toEqual([]);
    // A cut-off turn runs on its redelivery and confirms a ticket, unless it had finished before the
    // kill (only its answer was lost with the connection): then its claim says done.
    const rerun = redelivered.filter(hasCard);
    expect(rerun.every((r) => TICKET_ID.test(textOf(cardIn(r))))).toBe(true);
    const claimKeys = cut.map((activity) => `delivered/msteams/${(activity.conversation as { id: string }).id}`);
    const claimDocs = await store.read(claimKeys);
    const dropped = cut.filter(
      (activity, i) => !hasCard(redelivered[i]) && !(claimDocs[claimKeys[i]] as { ids: Record<string, number> }).ids[String(activity.id)],
    );
    expect(dropped).toEqual([]);
    figure(`kill -9 burst: ${rerun.length} cut-off turns run on redelivery, ${cut.length - rerun.length} had finished before the kill`);

    // Every confirmed ticket reaches the channel, also those whose delivery the dead instance had claimed.
    // Delivery is at least once: a kill between Teams' answer to a post and the outbox's "delivered"
    // mark makes the other instance post that one item again (Teams has no idempotency key). So at
    // most the one delivery in flight at the kill may show twice; no other ticket may.
    const confirmed = [...acked, ...rerun.map((r) => TICKET_ID.exec(textOf(cardIn(r)))![0])].filter((x): x is string => !!x);
    await until(() => confirmed.every((id) => postedIds().includes(id)), 'the confirmed tickets posted', 30_000);
    const counts = postedIds().reduce<Record<string, number>>((n, id) => ({ ...n, [id!]: (n[id!] ?? 0) + 1 }), {});
    const repeated = Object.entries(counts).filter(([, n]) => n > 1);
    expect(repeated.length).toBeLessThanOrEqual(1);
    expect(repeated.every(([, n]) => n === 2)).toBe(true);
  });
});
