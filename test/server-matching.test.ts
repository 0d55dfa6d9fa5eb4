import { readFileSync } from 'node:fs';
import { MemoryStorage } from 'botbuilder';
import { createApp, type App } from '../src/app';
import { strings } from '../src/i18n/strings';
import type { Lang } from '../src/i18n/language';
import { isTopicId } from '../src/knowledge/catalog';
import { silentLogger } from '../src/logging/logger';
import { startServer, type RunningServer } from '../src/server';
import { textOf, type Card } from './helpers/cards';
import { testConfig } from './helpers/test-bot';

let app: App;
let server: RunningServer;
beforeAll(async () => {
  app = createApp(testConfig(), silentLogger, { storage: new MemoryStorage() });
  server = await startServer(app, silentLogger, { port: 0, host: '127.0.0.1', maxBodyBytes: 256 * 1024 });
});
afterAll(() => server.close());

// Every 12th held-out question: a spread over topics, languages, exam codes and out-of-scope;
// then the typed commands, which are answered before matching but traced all the same.
const questions = [
  ...readFileSync('test/fixtures/matching/heldout.jsonl', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { text: string; lang: Lang })
    .filter((_q, i) => i % 12 === 0),
  ...['menu', 'Hello!', 'bonjour', 'aide', 'open a ticket', 'Ouvrir un ticket', 'contact support', 'cancel'].map((text) => ({ text })),
];

describe('the endpoint behaves as `ask`', () => {
  it.each(questions.map((q, i) => [q.text, i] as const))(
    'when "%s" is posted, then the trace and the card agree with the recognizer',
    async (text, i) => {
      const res = await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: `m-${i}`,
          text,
          channelId: 'emulator',
          serviceUrl: 'http://127.0.0.1:9/',
          deliveryMode: 'expectReplies',
          from: { id: `user-${i}` },
          recipient: { id: 'bot' },
          conversation: { id: `match-${i}` },
        }),
      });
      const { activities } = (await res.json()) as {
        activities: { type: string; name?: string; value?: Record<string, unknown>; attachments?: { content: Card }[] }[];
      };
      const expected = app.recognizer.recognize(text);
      const trace = activities.find((a) => a.type === 'trace' && a.name === 'FaqRecognizer');
      const card = activities
        .flatMap((a) => a.attachments ?? [])
        .map((a) => a.content)
        .at(-1);
      expect(trace?.value).toMatchObject({ topic: expected.topic, language: expected.language, confidence: expected.confidence });
      const lang = expected.language;
      // Commands (help, menu, greetings, "open a ticket") are answered before matching: the menu, or the ticket form.
      if (expected.topic === 'help') expect(textOf(card!)).toContain(strings(lang).menuPrompt);
      if (expected.topic === 'human') expect(textOf(card!)).toContain(strings(lang).support.askQueueTitle);
      if (expected.topic && isTopicId(expected.topic)) expect(textOf(card!)).toContain(app.kb.text(expected.topic, lang).title);
      else if (expected.topic === null && expected.suggestions.length > 0) expect(textOf(card!)).toContain(strings(lang).didYouMeanTitle);
      else if (expected.topic === null) expect(textOf(card!)).toContain(strings(lang).fallbackTitle);
    },
  );
});
