import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_MESSAGE_CHARS } from '../../src/bot/message-limits';
import { createApp } from '../../src/app';
import { lmdbPath } from '../../src/storage/create-storage';
import { strings } from '../../src/i18n/strings';
import { silentLogger } from '../../src/logging/logger';
import { startServer, type RunningServer } from '../../src/server';
import { textOf } from '../helpers/cards';
import { testConfig } from '../helpers/test-bot';
import { activity, poster, repliesTo, type Reply } from './endpoint';
import { RecordingStorage } from './recording-storage';

const running: RunningServer[] = [];
afterAll(() => Promise.all(running.map((s) => s.close())));

/** `fileStore`: the default file store (it puts ids in file names), else a recording memory store. */
async function startBot(env: Record<string, string> = {}, fileStore = false) {
  const storage = new RecordingStorage();
  const server = await startServer(createApp(testConfig(env), silentLogger, fileStore ? {} : { storage }), silentLogger, {
    port: 0,
    host: '127.0.0.1',
    maxBodyBytes: 256 * 1024,
  });
  running.push(server);
  return { storage, post: poster(server.url) };
}

const allText = (replies: Reply[]) =>
  replies.map((r) => [r.text ?? '', ...(r.attachments ?? []).map((a) => textOf(a.content))].join('\n')).join('\n');
const apologises = (replies: Reply[]) => /quote this reference|donnez cette référence/.test(allText(replies));
const max = (lang: 'en' | 'fr') => MAX_MESSAGE_CHARS.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-US');
const as = (id: string, extra: Record<string, unknown> = {}) => ({
  conversation: { id, conversationType: 'personal' },
  from: { id: `${id}-user` },
  ...extra,
});

describe('hostile input at the endpoint', () => {
  let post: ReturnType<typeof poster>;
  let storage: RecordingStorage;
  beforeAll(async () => ({ post, storage } = await startBot()));

  it.each([
    ['en', 'How do I link my MCID to my company? ', 'en-US'],
    ['fr', "Comment lier mon MCID à mon entreprise ? J'ai besoin d'aide. ", 'en-US'],
  ] as const)(
    'when a message over the Teams limit comes in (%s), then the user is told it is too long, in their language, and nothing of it is stored',
    async (lang, opening, locale) => {
      const text = (opening + 'détails '.repeat(12_000)).slice(0, 80_000);
      const before = storage.written.length;
      const replies = await repliesTo(post, activity(text, as(`too-long-${lang}`, { locale })));
      expect(replies.map((r) => r.text)).toEqual([strings(lang).messageTooLong(max(lang))]);
      const stored = JSON.stringify(await storage.read(storage.written.slice(before)));
      expect(stored).not.toContain('détails détails');
    },
  );

  it('when a message is just under the limit, then it is answered, not refused', async () => {
    const text = `How do I link my MCID to my company? ${'x'.repeat(MAX_MESSAGE_CHARS - 40)}`.slice(0, MAX_MESSAGE_CHARS);
    const replies = await repliesTo(post, activity(text, as('just-under')));
    expect(replies.length).toBeGreaterThan(0);
    expect(allText(replies)).not.toContain(strings('en').messageTooLong(max('en')));
    expect(apologises(replies)).toBe(false);
  });

  // Lone surrogates reach the embedded store's keys and values.
  const dataDir = mkdtempSync(join(tmpdir(), 'surrogates-'));
  let fileStoreBot: ReturnType<typeof startBot>;
  beforeAll(() => {
    fileStoreBot = startBot({ DATA_DIR: dataDir }, true);
  });
  // JSON.stringify writes a lone surrogate as the escape "\ud83d"; a replaced one is U+FFFD.
  // Values are JSON text in LMDB's one data file: read it as bytes (MDB_NOSUBDIR or a folder).
  const storedText = () => {
    const path = lmdbPath(dataDir);
    const file = statSync(path).isDirectory() ? join(path, 'data.mdb') : path;
    return readFileSync(file).toString('latin1');
  };

  it.each([
    ['the conversation id', (t: string) => activity(t, as('conv-\ud800-lone'))],
    ['the text', (t: string) => activity(`${t} \ud83d`, as('surrogate-text'))],
  ])('when %s holds a lone UTF-16 surrogate, then it is answered, and so is the next message', async (_where, build) => {
    const { post } = await fileStoreBot;
    for (const question of ['Is AZ-104 eligible for credit?', 'menu']) {
      const replies = await repliesTo(post, build(question));
      expect(replies.length).toBeGreaterThan(0);
      expect(apologises(replies)).toBe(false);
    }
    // The ids are in what was stored (so a surrogate would be too), and none is left as an escape.
    expect(storedText()).toContain('conv-');
    expect(storedText()).not.toMatch(/\\ud[89a-f][0-9a-f]{2}/i);
  });

  it('when a user floods the bot, then the messages over the cap cost no store write', async () => {
    const limited = await startBot({ RATE_LIMIT_PER_MINUTE: '3' });
    for (let i = 0; i < 12; i += 1) await limited.post(activity(`question ${i} about my transcript`, as('flood')));
    // Each accepted turn claims its activity, then marks it done: two writes for each of the 3; none for the 9 refused.
    expect(limited.storage.written.filter((key) => key.startsWith('delivered/'))).toHaveLength(2 * 3);
  });
});
