import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config/config';
import { silentLogger } from '../src/logging/logger';
import { startServer } from '../src/server';

/**
 * Times one hostile message at a time through the real endpoint (expectReplies) and prints the
 * heap after the set, for docs/security.md ("Hostile input"). Run with a small heap so a
 * blow-up ends this process, not the machine:
 *   npx tsc -p tsconfig.json && node --max-old-space-size=512 dist/scripts/hostile-input-timing.js [case …]
 */
/** Letters that look like words but are in no dictionary: a fixed pseudo-random sequence. */
export function gibberish(length: number, seed = 7): string {
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i += 1) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    out += 'abcdefghijklmnopqrstuvwxyz'[state % 26];
  }
  return out;
}

/** Made-up words of 5 to 12 letters, as in a pasted log or a foreign text. */
export function gibberishWords(length: number): string {
  const letters = gibberish(length);
  let out = '';
  for (let i = 0; out.length < length; i += 1) out += `${letters.slice(out.length, out.length + 5 + (i % 8))} `;
  return out.slice(0, length);
}

export const HOSTILE_CASES: Record<string, () => string> = {
  'normal-question': () => 'Is AZ-104 eligible for college credit?',
  'word-2200': () => gibberish(2_200),
  'paste-80000': () => gibberishWords(80_000),
  'spaces-20000': () => `a${' '.repeat(20_000)}b`,
  'accents-20000': () => 'é'.repeat(20_000),
  'letters-20000': () => `${'a'.repeat(20_000)}!`,
  'lt-20000': () => '<a'.repeat(10_000),
  'dots-20000': () => '.'.repeat(20_000),
  'password-separators': () => `password${' :'.repeat(10_000)}`,
  'az-spaces': () => `az${' '.repeat(20_000)}x`,
  'jwt-like': () => `eyJ${'a'.repeat(20_000)}`,
};

async function main(): Promise<void> {
  const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(HOSTILE_CASES);
  const config = loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'hostile-timing-')), RATE_LIMIT_PER_MINUTE: '0' });
  const app = createApp(config, silentLogger);
  const server = await startServer(app, silentLogger, { port: 0, host: '127.0.0.1', maxBodyBytes: config.MAX_BODY_BYTES });
  // One ordinary turn first, so the figures are not the first turn's start-up cost.
  await post(server.url, 'warm-up', 'How do I link my MCID to my company?');
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  for (const [i, name] of names.entries()) {
    const text = HOSTILE_CASES[name]();
    const started = performance.now();
    const res = await post(server.url, `c-${i}`, text);
    const answer = (await res.text()).slice(0, 80).replace(/\s+/g, ' ');
    console.log(`${name}\t${res.status}\t${Math.round(performance.now() - started)} ms\t${answer}`);
  }
  global.gc?.();
  const mb = (n: number) => `${Math.round(n / 1e6)} MB`;
  console.log(`heap used: before ${mb(heapBefore)}, after ${mb(process.memoryUsage().heapUsed)}; rss ${mb(process.memoryUsage().rss)}`);
  await server.close();
}

function post(baseUrl: string, conversationId: string, text: string): Promise<Response> {
  const body = {
    type: 'message',
    id: `t-${conversationId}`,
    text,
    locale: 'en-US',
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    deliveryMode: 'expectReplies',
    from: { id: `u-${conversationId}` },
    recipient: { id: 'bot' },
    conversation: { id: conversationId, conversationType: 'personal' },
  };
  return fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

void main();
