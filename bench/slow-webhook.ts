/**
 * How long the ticket-submitting turn takes while the queue's webhook accepts the connection and
 * never answers: three tickets in a row through the HTTP endpoint, on the file store.
 * `npm run build && node dist/bench/slow-webhook.js`; docs/security.md quotes the figures.
 */
import { createServer, type ServerResponse } from 'node:http';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config/config';
import { silentLogger } from '../src/logging/logger';
import { startServer } from '../src/server';

async function main(): Promise<void> {
  const held: ServerResponse[] = [];
  const hook = createServer((_req, res) => void held.push(res));
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
  const config = loadConfig({
    DATA_DIR: mkdtempSync(join(tmpdir(), 'slow-webhook-')),
    WEBHOOK_URL_CERTIFICATION_SUPPORT: url,
    WEBHOOK_SECRET: 's',
    RATE_LIMIT_PER_MINUTE: '0',
  });
  const app = createApp(config, silentLogger);
  const server = await startServer(app, silentLogger, { port: 0, host: '127.0.0.1', maxBodyBytes: config.MAX_BODY_BYTES });
  let n = 0;
  const click = async (data: Record<string, unknown>): Promise<string> => {
    const body = {
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: `a-${++n}`,
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/',
      deliveryMode: 'expectReplies',
      locale: 'en-US',
      from: { id: '29:u', name: 'U' },
      recipient: { id: 'bot' },
      conversation: { id: 'a:u', conversationType: 'personal' },
      value: { action: { type: 'Action.Execute', verb: data.verb, data } },
    };
    const res = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return res.text();
  };
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const form = await click({ verb: 'support', lang: 'en', faqId: 'support-mcid-merge' });
    const submit = JSON.parse(/"verb":"support\.submit","data":(\{[^}]*\})/.exec(form)![1]) as Record<string, unknown>;
    const start = process.hrtime.bigint();
    const done = await click({ ...submit, verb: 'support.submit', description: `Please merge my profiles, run ${i}` });
    times.push(Math.round(Number(process.hrtime.bigint() - start) / 1e6));
    if (!/CS-[0-9A-Z]{6}/.test(done)) throw new Error('no confirmation came back');
  }
  process.stdout.write(`${JSON.stringify({ submitTurnMs: times })}\n`);
  held.forEach((res) => res.destroy());
  hook.closeAllConnections();
  hook.close();
  await app.support.worker.stop();
  await server.close();
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
