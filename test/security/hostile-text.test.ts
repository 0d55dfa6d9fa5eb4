import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app';
import { strings } from '../../src/i18n/strings';
import { silentLogger } from '../../src/logging/logger';
import { startServer, type RunningServer } from '../../src/server';
import { textOf } from '../helpers/cards';
import { ConnectorStandIn } from '../helpers/connector-stand-in';
import { testConfig } from '../helpers/test-bot';
import { activity, click, poster, repliesTo, type Reply } from './endpoint';

const dataDir = mkdtempSync(join(tmpdir(), 'hostile-'));
const running: RunningServer[] = [];
const connector = new ConnectorStandIn();
beforeAll(() => connector.start());
afterAll(() => connector.stop());

/** A bot process over the shared data folder; a second call is the same bot after a restart. */
async function startBot() {
  const server = await startServer(createApp(testConfig({ DATA_DIR: dataDir }), silentLogger), silentLogger, {
    port: 0,
    host: '127.0.0.1',
    maxBodyBytes: 256 * 1024,
  });
  running.push(server);
  return { server, post: poster(server.url) };
}
afterAll(() => Promise.all(running.map((s) => s.close())));

/** Everything the user can read: texts, cards, and a card that replaces the clicked one. */
const allText = (replies: Reply[]) =>
  replies
    .flatMap((r) => {
      const replacement = r.value?.body?.value;
      return [
        r.text ?? '',
        ...(r.attachments ?? []).map((a) => textOf(a.content)),
        typeof replacement === 'object' && replacement ? textOf(replacement as Record<string, unknown>) : String(replacement ?? ''),
      ];
    })
    .join('\n');
const apologies = (replies: Reply[]) => /quote this reference|donnez cette référence/.test(allText(replies));
const as = (id: string, extra: Record<string, unknown> = {}) => ({
  conversation: { id, conversationType: 'personal' },
  from: { id: `${id}-user`, name: 'Dana' },
  serviceUrl: connector.url,
  ...extra,
});

describe('hostile text and payloads in the conversation', () => {
  let post: ReturnType<typeof poster>;
  beforeAll(async () => ({ post } = await startBot()));

  it.each([
    ['a 20,000-character message', 'Is AZ-104 eligible? '.repeat(1000)],
    ['control characters and bidi overrides', 'AZ-104\u0000\u0007\u001b[2J\u202e\ufeff eligible?'],
    ['emoji and combining marks', '👩‍💻🇫🇷 Z̸̢͓a̴l̶g̷o AZ-104 crédits ? 🎓'.repeat(20)],
  ])('when the user sends %s, then a normal answer comes back and the next message still works', async (_case, text) => {
    const id = `hostile-${Math.random()}`;
    const replies = await repliesTo(post, activity(text, as(id)));
    expect(replies.length).toBeGreaterThan(0);
    expect(apologies(replies)).toBe(false);
    expect((await repliesTo(post, activity('menu', as(id)))).length).toBeGreaterThan(0);
  });

  it('when a description carries ${…} templates and card JSON, then the ticket summary shows it literally, never evaluated', async () => {
    const description =
      'Credit missing ${json(kb)} ${process.env.MicrosoftAppPassword} {{7*7}} {"type":"AdaptiveCard","body":[{"type":"Input.Text","id":"x"}]}';
    await repliesTo(post, click({ verb: 'support.queue', lang: 'en', queue: 'certification-support' }, as('templates')));
    const replies = await repliesTo(
      post,
      click(
        { verb: 'support.submit', lang: 'en', queue: 'certification-support', description, email: 'dana@example.test' },
        as('templates'),
      ),
    );
    expect(allText(replies)).toContain(description);
  });

  it.each([
    ['an unknown verb', { verb: 'tickets.deleteAll', lang: 'fr' }],
    ['a known verb with fields that do not fit', { verb: 'credit.verify', lang: 'fr', examCode: "AZ-104'; DROP TABLE", method: 'fax' }],
    ['a topic that does not exist', { verb: 'topic', lang: 'fr', topicId: '../../etc/passwd' }],
    ['a payload that is not an object', 'menu'],
  ])('when a card sends %s, then the user is told in their language that the button could not be read', async (_case, data) => {
    const replies = await repliesTo(post, activity('', as(`forged-${Math.random()}`, { locale: 'fr-FR', value: data })));
    expect(allText(replies)).toContain(strings('fr').invalidAction);
  });

  it('when a button from a card sent before a restart is clicked, then it is answered, not an error', async () => {
    await repliesTo(post, click({ verb: 'credit.start', lang: 'fr' }, as('restarted')));
    const restarted = await startBot();
    const old = [
      click({ verb: 'credit.verify', lang: 'fr', examCode: 'AZ-104', method: 'badge' }, as('restarted')),
      click({ verb: 'feedback', lang: 'fr', faqId: 'unlink', helpful: true }, as('restarted')),
      click({ verb: 'linking.situation', lang: 'fr', topicId: 'unlink' }, as('restarted')),
    ];
    for (const button of old) {
      const replies = await repliesTo(restarted.post, button);
      expect(replies.length).toBeGreaterThan(0);
      expect(apologies(replies)).toBe(false);
    }
  });
});
