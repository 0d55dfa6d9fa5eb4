import { MemoryStorage } from 'botbuilder';
import { createApp, type App } from '../src/app';
import { createFeedbackLog } from '../src/feedback/feedback-log';
import { strings } from '../src/i18n/strings';
import type { TopicId } from '../src/knowledge/catalog';
import { MAX_TOPIC_RESULTS } from '../src/matching/topic-search';
import { silentLogger } from '../src/logging/logger';
import { startServer, type RunningServer } from '../src/server';
import { buttonsOf, linksOf, textOf, type Card } from './helpers/cards';
import { extensionPick, extensionQuery, extensionResultIn, previewTitles, type ExtensionResult } from './helpers/extension-invokes';
import { testConfig } from './helpers/test-bot';

const en = strings('en');
const fr = strings('fr');
let server: RunningServer;
let app: App;

// Feedback written before the first empty search: the usage count is taken then, and cached.
const storage = new MemoryStorage();
const feedback = createFeedbackLog(storage);

beforeAll(async () => {
  const at = new Date().toISOString();
  const helpful = (topic: TopicId, times: number) =>
    Array.from({ length: times }, (_, i) => feedback.record({ kind: 'helpful', topic, helpful: i % 2 === 0, lang: 'en', at }));
  for (const write of [...helpful('skills-report-delay', 3), ...helpful('unlink', 2)]) await write;
  app = createApp(testConfig(), silentLogger, { storage, feedback });
  server = await startServer(app, silentLogger, { port: 0, host: '127.0.0.1', maxBodyBytes: 256 * 1024 });
});
afterAll(() => server.close());

let seq = 0;
/** One invoke through the HTTP endpoint, from a group chat (the extension works in any conversation). */
async function invoke(activity: Record<string, unknown>, locale = 'en-US'): Promise<ExtensionResult> {
  const res = await fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: `mx-${++seq}`,
      channelId: 'msteams',
      serviceUrl: 'https://smba.example.test/',
      deliveryMode: 'expectReplies',
      locale,
      recipient: { id: 'bot' },
      from: { id: '29:dana', name: 'Dana', aadObjectId: 'aad-dana' },
      conversation: { id: '19:group-chat', conversationType: 'groupChat' },
      ...activity,
    }),
  });
  expect(res.status).toBe(200);
  return extensionResultIn(((await res.json()) as { activities: { type: string; value?: unknown }[] }).activities);
}

const answers = (query: string | undefined, locale?: string, options?: Record<string, unknown>) =>
  invoke(extensionQuery('searchAnswers', query, options), locale);
const title = (topic: TopicId, lang: 'en' | 'fr') => app.kb.text(topic, lang).title;
/** The card a picked result inserts: an answer result carries it, so picking needs no round trip. */
function pick(result: ExtensionResult, index = 0): Card {
  const chosen = result.attachments![index];
  expect(chosen.preview!.content.tap).toBeUndefined();
  expect(chosen.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return chosen.content;
}

describe('the answers message extension, through the HTTP endpoint', () => {
  it('when someone types words in English, then the best-matching topic comes first, as a preview with its title and summary', async () => {
    const result = await answers('how do I unlink my MCID');
    expect(result.type).toBe('result');
    expect(result.attachmentLayout).toBe('list');
    const first = result.attachments![0];
    expect(first.preview!.content.title).toBe(title('unlink', 'en'));
    expect(app.kb.text('unlink', 'en').summary.replaceAll('**', '')).toContain(first.preview!.content.text!.replace(/…$/, ''));
    expect(first.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(first.content)).toContain(title('unlink', 'en'));
  });

  it('when the query is in French, then the topics are in French, whatever the Teams locale', async () => {
    expect(previewTitles(await answers('délier mon profil', 'fr-FR'))[0]).toBe(title('unlink', 'fr'));
    expect(previewTitles(await answers('délier mon profil', 'en-US'))[0]).toBe(title('unlink', 'fr'));
  });

  it('when a word is half typed, then its topic is already offered', async () => {
    expect(previewTitles(await answers('unli'))).toContain(title('unlink', 'en'));
  });

  it('when the query gives no clue of its language, then the Teams locale decides', async () => {
    const titles = previewTitles(await answers('AZ-104', 'fr-CA'));
    expect(titles[0]).toBe(title('credit-eligible-exams', 'fr'));
  });

  it('when the search opens with no query, then the most asked topics come first, then the content order, ten at most', async () => {
    const result = await answers(undefined);
    const titles = previewTitles(result);
    expect(titles.slice(0, 2)).toEqual([title('skills-report-delay', 'en'), title('unlink', 'en')]);
    expect(titles[2]).toBe(title('credit-overview', 'en'));
    expect(titles).toHaveLength(MAX_TOPIC_RESULTS);
    expect(previewTitles(await answers('', 'fr-FR')).slice(0, 2)).toEqual([title('skills-report-delay', 'fr'), title('unlink', 'fr')]);
  });

  it('when Teams asks for another page, then skip and count are honoured within the cap, and a page past the end is empty', async () => {
    const all = previewTitles(await answers(undefined));
    expect(previewTitles(await answers(undefined, 'en-US', { skip: 3, count: 2 }))).toEqual(all.slice(3, 5));
    expect(previewTitles(await answers(undefined, 'en-US', { skip: 0, count: 500 }))).toHaveLength(MAX_TOPIC_RESULTS);
    const past = await answers(undefined, 'en-US', { skip: 1_000_000, count: 25 });
    expect(past).toEqual({ type: 'result', attachmentLayout: 'list', attachments: [] });
    expect(previewTitles(await answers(undefined, 'en-US', { skip: -4, count: 'ten' }))).toEqual(all);
  });

  it("when nothing matches, then a one-line message says so in the user's language", async () => {
    expect(await answers('zzqx wvvk')).toEqual({ type: 'message', text: en.search.noAnswer('zzqx wvvk') });
    expect(await answers('zzqx wvvk', 'fr-FR')).toEqual({ type: 'message', text: fr.search.noAnswer('zzqx wvvk') });
  });

  it('when the query is a huge paste, then it is cut before matching and the search still answers', async () => {
    const result = await answers(`how do I unlink my MCID ${'lorem ipsum '.repeat(2000)}`);
    expect(result.type).toBe('result');
    expect(previewTitles(result)[0]).toBe(title('unlink', 'en'));
  });

  it('when a result is picked, then the answer card is inserted, with its links and no button that needs the bot', async () => {
    const card = pick(await answers('how do I unlink my MCID'));
    expect(textOf(card)).toContain(title('unlink', 'en'));
    expect(textOf(card)).toContain(app.kb.text('unlink', 'en').summary);
    expect(textOf(card)).toContain(en.search.sharedNote);
    expect(buttonsOf(card)).toEqual([]);
    expect(linksOf(card)).toEqual((app.kb.text('unlink', 'en').links ?? []).map((l) => l.url));
  });

  it('when a French result is picked, then the inserted card is French', async () => {
    const card = pick(await answers('délier mon profil', 'fr-FR'));
    expect(card.lang).toBe('fr');
    expect(textOf(card)).toContain(title('unlink', 'fr'));
    expect(textOf(card)).toContain(fr.search.sharedNote);
    expect(buttonsOf(card)).toEqual([]);
  });

  it('when a forged pick names no known topic, then nothing is inserted', async () => {
    const empty = { type: 'result', attachmentLayout: 'list', attachments: [] };
    expect(await invoke(extensionPick({ kind: 'answer', topicId: 'secrets', lang: 'en' }))).toEqual(empty);
    expect(await invoke(extensionQuery('noSuchCommand', 'unlink'))).toEqual(empty);
  });
});

describe('searches through the HTTP endpoint, under their own cap', () => {
  it('when one person searches more than the cap allows in a minute, then the extra search gets a one-line message instead of results', async () => {
    const limited = createApp(testConfig({ RATE_LIMIT_PER_MINUTE: '1' }), silentLogger, { storage: new MemoryStorage() });
    const other = await startServer(limited, silentLogger, { port: 0, host: '127.0.0.1', maxBodyBytes: 256 * 1024 });
    try {
      const results: ExtensionResult[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`${other.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            id: `cap-${i}`,
            channelId: 'msteams',
            serviceUrl: 'https://smba.example.test/',
            deliveryMode: 'expectReplies',
            locale: 'en-US',
            recipient: { id: 'bot' },
            from: { id: '29:eager', name: 'Eager' },
            conversation: { id: 'a:eager', conversationType: 'personal' },
            ...extensionQuery('searchAnswers', 'unlink'),
          }),
        });
        results.push(extensionResultIn(((await res.json()) as { activities: { type: string; value?: unknown }[] }).activities));
      }
      // One chat message a minute gives four searches (app.ts, SEARCHES_PER_MESSAGE).
      expect(results.slice(0, 4).map((r) => r.type)).toEqual(['result', 'result', 'result', 'result']);
      expect(results[4]).toEqual({ type: 'message', text: en.search.tooFast });
    } finally {
      await other.close();
    }
  });
});
