import { randomUUID } from 'node:crypto';
import { createApp, type App } from '../../src/app';
import { deliveredKey } from '../../src/bot/dedupe-middleware';
import type { Lang } from '../../src/i18n/language';
import { strings } from '../../src/i18n/strings';
import { silentLogger } from '../../src/logging/logger';
import { startServer, type RunningServer } from '../../src/server';
import { textOf } from '../helpers/cards';
import { testConfig } from '../helpers/test-bot';
import { activity, poster, type Reply } from '../security/endpoint';

// A safety net on a busy machine, not a time budget: nothing here asserts how fast it went.
jest.setTimeout(180_000);

const CONVERSATIONS = 50;
const TURNS = 50;

/** Conversation i: its own user, language and exam codes; even turns say "menu", odd turns ask about one exam. */
function script(i: number) {
  const lang: Lang = i % 2 ? 'fr' : 'en';
  // 17 codes of its own per conversation; "AZ-365" names a product, not an exam, so it is skipped.
  const code = (t: number) => {
    const n = 100 + i * 17 + (t % 17);
    return `AZ-${n >= 365 ? n + 1 : n}`;
  };
  const question = (t: number) =>
    lang === 'fr' ? `L'examen ${code(t)} donne-t-il droit à des crédits universitaires ?` : `Is ${code(t)} eligible for college credit?`;
  return { id: `load-conv-${i}`, user: `load-user-${i}`, lang, code, text: (t: number) => (t % 2 ? question(t) : 'menu') };
}

let app: App;
let server: RunningServer;
let post: ReturnType<typeof poster>;
const problems: string[] = [];

beforeAll(async () => {
  // The real default store (files under DATA_DIR), as `npm start` uses it.
  app = createApp(testConfig({ RATE_LIMIT_PER_MINUTE: '100' }), silentLogger);
  server = await startServer(app, silentLogger, { port: 0, host: '127.0.0.1', maxBodyBytes: 256 * 1024 });
  post = poster(server.url);
});
afterAll(() => server.close());

async function converse(i: number): Promise<void> {
  const s = script(i);
  for (let t = 0; t < TURNS; t++) {
    const sent = activity(s.text(t), {
      id: randomUUID(),
      locale: s.lang === 'fr' ? 'fr-FR' : 'en-US',
      from: { id: s.user, name: `User ${i}` },
      conversation: { id: s.id, conversationType: 'personal' },
    });
    const res = await post(sent);
    if (res.status !== 200) {
      problems.push(`${s.id} turn ${t}: HTTP ${res.status}`);
      continue;
    }
    const replies = ((await res.json()) as { activities: (Reply & { replyToId?: string })[] }).activities;
    const cards = replies.flatMap((r) => r.attachments ?? []).map((a) => a.content);
    const text = cards.map((c) => textOf(c)).join('\n');
    if (replies.length === 0) problems.push(`${s.id} turn ${t}: no reply`);
    if (replies.some((r) => r.conversation?.id !== s.id || r.replyToId !== sent.id))
      problems.push(`${s.id} turn ${t}: a reply addressed elsewhere`);
    if (cards.some((c) => c.lang !== s.lang)) problems.push(`${s.id} turn ${t}: a card not in ${s.lang}`);
    if (t % 2 === 0 && !text.includes(strings(s.lang).menuTitle)) problems.push(`${s.id} turn ${t}: no menu`);
    if (t % 2 === 1 && !text.includes(s.code(t))) problems.push(`${s.id} turn ${t}: no verdict for ${s.code(t)}`);
  }
}

describe(`load: ${CONVERSATIONS} concurrent conversations x ${TURNS} turns through the HTTP endpoint`, () => {
  it('when every conversation runs its script at the same time, then every reply answers its own conversation, in its language, about its own exam', async () => {
    const started = Date.now();
    await Promise.all(Array.from({ length: CONVERSATIONS }, (_, i) => converse(i)));
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `load: ${CONVERSATIONS * TURNS} turns in ${seconds.toFixed(1)} s (${Math.round((CONVERSATIONS * TURNS) / seconds)} turns/s, LMDB store)\n`,
    );
    expect(problems).toEqual([]);
  });

  it("when the load is over, then each conversation's stored state is the one its script leads to", async () => {
    for (let i = 0; i < CONVERSATIONS; i++) {
      const s = script(i);
      const conversationKey = `msteams/conversations/${s.id}/`;
      const userKey = `msteams/users/${s.user}/`;
      const items = await app.storage.read([conversationKey, userKey, deliveredKey('msteams', s.id)]);
      const conversation = items[conversationKey] as {
        recentTurns: { from: string; text: string }[];
        dialogState?: { dialogStack: unknown[] };
      };
      expect((items[userKey] as { profile: { language: Lang } }).profile.language).toBe(s.lang);
      expect(conversation.recentTurns.filter((turn) => turn.from === 'user').pop()!.text).toBe(s.text(TURNS - 1));
      // The root dialog waits for the next message; no flow is left open inside it.
      const inner = (conversation.dialogState?.dialogStack ?? []).flatMap(
        (d) => (d as { state?: { dialogs?: { dialogStack: unknown[] } } }).state?.dialogs?.dialogStack ?? [],
      );
      expect(inner).toEqual([]);
      expect(Object.keys((items[deliveredKey('msteams', s.id)] as { ids: object }).ids)).toHaveLength(TURNS);
    }
  });
});
