import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app';
import { strings } from '../../src/i18n/strings';
import { startServer, type RunningServer } from '../../src/server';
import { buttonByVerb, type Card } from '../helpers/cards';
import { ConnectorStandIn } from '../helpers/connector-stand-in';
import { testConfig } from '../helpers/test-bot';
import { WebhookReceiver } from '../helpers/webhook-receiver';
import { SECRET_PASTES } from '../support/fixtures/secret-pastes';
import { activity, click, poster, repliesTo, type Reply } from './endpoint';
import { capturedLogger } from '../helpers/log-capture';

const en = strings('en');
const fr = strings('fr');
const connector = new ConnectorStandIn();
const webhook = new WebhookReceiver();
const log = capturedLogger('debug');
let app: App;
let server: RunningServer;
let dataDir: string;

beforeAll(async () => {
  await Promise.all([connector.start(), webhook.start()]);
  const config = testConfig({
    SUPPORT_ADMINS: 'aad-admin',
    WEBHOOK_URL_CERTIFICATION_SUPPORT: webhook.url,
    WEBHOOK_SECRET: 'hook-secret',
    LOG_LEVEL: 'debug',
    LOG_MESSAGE_TEXT: 'true',
    RATE_LIMIT_PER_MINUTE: '0',
  });
  dataDir = config.DATA_DIR;
  // The real file store under DATA_DIR: what is on disk is what is checked.
  app = createApp(config, log.logger);
  server = await startServer(app, log.logger, { port: 0, host: '127.0.0.1', maxBodyBytes: 256 * 1024 });
});
afterAll(async () => {
  await server.close();
  await Promise.all([connector.stop(), webhook.stop()]);
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const cardIn = (replies: Reply[]): Card => {
  const replaced = replies.find((r) => r.type === 'invokeResponse')?.value?.body as { type?: string; value?: Card } | undefined;
  if (replaced?.type === 'application/vnd.microsoft.card.adaptive') return replaced.value!;
  return replies
    .flatMap((r) => r.attachments ?? [])
    .map((a) => a.content)
    .pop()!;
};

describe('planted secrets, through the real endpoint, store, logs, webhook and support channel', () => {
  it('when a user pastes secrets in messages and in a ticket, then no planted value is written anywhere, and the user is warned each time', async () => {
    const post = poster(server.url);
    const user = {
      from: { id: '29:planter', name: 'Camille' },
      conversation: { id: 'a:planter', conversationType: 'personal' },
      serviceUrl: connector.url,
    };
    const channel = {
      from: { id: '29:admin', name: 'Admin', aadObjectId: 'aad-admin' },
      conversation: { id: '19:cs@thread.tacv2', conversationType: 'channel' },
      serviceUrl: connector.url,
    };
    const mention = { entities: [{ type: 'mention', mentioned: { id: 'bot', name: 'Bot' }, text: '<at>Bot</at>' }] };
    await repliesTo(post, activity('<at>Bot</at> register certification-support', { ...channel, ...mention }));

    // Every paste of the table as a message: state, recent turns, logs.
    for (const paste of SECRET_PASTES) {
      const replies = await repliesTo(post, activity(paste.text, { ...user, locale: paste.lang === 'fr' ? 'fr-FR' : 'en-US' }));
      // The reply language follows the text (a bare token gives no clue, the last choice holds).
      expect(replies.map((r) => r.text).filter((t) => t === en.support.secretWarning || t === fr.support.secretWarning)).toHaveLength(1);
    }
    const plain = await repliesTo(post, activity('Is AZ-104 eligible?', user));
    expect(plain.map((r) => r.text)).not.toContain(en.support.secretWarning);
    expect(plain.map((r) => r.text)).not.toContain(fr.support.secretWarning);

    // And in the ticket's free-text fields: description and error message.
    const form = cardIn(await repliesTo(post, click({ verb: 'support', lang: 'en', faqId: 'support-mcid-merge' }, user)));
    const submit = buttonByVerb(form, 'support.submit');
    const description = SECRET_PASTES.slice(0, 12)
      .map((p) => p.text)
      .join('\n');
    const errorMessage = SECRET_PASTES.slice(30, 40)
      .map((p) => p.text)
      .join(' ');
    await repliesTo(
      post,
      click({ ...submit.data, verb: 'support.submit', description, errorMessage, mcid: '987654321', partnerId: '1234567' }, user),
    );
    await app.support.worker.idle();

    // The post shows everyone the status; support reads the ticket in its own view (Teams' refresh).
    const posted = connector
      .to('19:cs@thread.tacv2')
      .map((c) => JSON.stringify(c.activity))
      .join('\n');
    const ticketId = /CS-[0-9A-Z]{6}/.exec(posted)![0];
    const supportView = cardIn(await repliesTo(post, click({ verb: 'ticket.refresh', lang: 'en', ticketId }, channel)));
    const cardPosted = `${posted}\n${JSON.stringify(supportView)}`;
    expect(JSON.stringify(supportView)).toContain('987654321'); // support still reads the MCID
    expect(webhook.delivered.join('\n')).toContain('1234567'); // and the Partner ID

    const written = {
      store: filesUnder(dataDir)
        .map((file) => readFileSync(file, 'utf8'))
        .join('\n'),
      logs: log.lines.join('\n'),
      webhook: webhook.received.join('\n'),
      supportChannel: cardPosted,
      connector: connector.calls.map((c) => JSON.stringify(c.activity)).join('\n'),
    };
    expect(written.store.length).toBeGreaterThan(0);
    expect(written.logs).toContain('[redacted]'); // message text was logged, masked
    const leaks = Object.entries(written).flatMap(([where, text]) =>
      SECRET_PASTES.flatMap((p) => p.secrets.filter((s) => text.includes(s)).map((s) => `${where}: ${s}`)),
    );
    expect(leaks).toEqual([]);
  }, 60_000);
});
