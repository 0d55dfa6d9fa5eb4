import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import { createApp } from '../../src/app';
import { routeConsoleToLogger } from '../../src/logging/console-capture';
import { MESSAGES, startServer, type RunningServer } from '../../src/server';
import { testConfig } from '../helpers/test-bot';
import { activity, poster } from './endpoint';
import { capturedLogger } from '../helpers/log-capture';
import { RecordingStorage } from './recording-storage';

const APP_ID = '4c1d0b3e-8f7a-4a55-9d2e-2f6a1b9c7e10';
const CHANNEL_ISSUER = 'https://api.botframework.com';
const EMULATOR_ISSUER = 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

const rsa = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const channelKey = rsa();
const emulatorKey = rsa();
const rogueKey = rsa();

const jwk = (key: KeyObject, kid: string, endorsements: string[]) => ({ ...key.export({ format: 'jwk' }), kid, use: 'sig', endorsements });

/** The Bot Framework's OpenID metadata and signing keys, served on loopback: the channel's and the Emulator's. */
let keyServer: Server;
let metadataBase = '';
let server: RunningServer;
const storage = new RecordingStorage();
let post: ReturnType<typeof poster>;
const log = capturedLogger();
const tokensSent: string[] = [];
let restoreConsole: () => void;

beforeAll(async () => {
  keyServer = createServer((req, res) => {
    const [, who, what] = /^\/(channel|emulator)\/(metadata|keys)$/.exec(req.url ?? '') ?? [];
    res.setHeader('content-type', 'application/json');
    if (what === 'metadata') return void res.end(JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `${metadataBase}/${who}/keys` }));
    if (who === 'channel')
      return void res.end(JSON.stringify({ keys: [jwk(channelKey.publicKey, 'channel-key', ['msteams', 'webchat'])] }));
    if (who === 'emulator') return void res.end(JSON.stringify({ keys: [jwk(emulatorKey.publicKey, 'emulator-key', [])] }));
    res.statusCode = 404;
    res.end('{}');
  });
  await new Promise<void>((resolve) => keyServer.listen(0, '127.0.0.1', resolve));
  metadataBase = `http://127.0.0.1:${(keyServer.address() as AddressInfo).port}`;

  // botbuilder reports each refusal with console.error; in production that goes to the log too.
  restoreConsole = routeConsoleToLogger(log.logger);
  const config = testConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret-value' });
  const app = createApp(config, log.logger, {
    storage,
    // Every endpoint as in the public cloud, except where the keys come from.
    auth: {
      ToBotFromChannelOpenIdMetadataUrl: `${metadataBase}/channel/metadata`,
      ToBotFromEmulatorOpenIdMetadataUrl: `${metadataBase}/emulator/metadata`,
      ToBotFromChannelTokenIssuer: CHANNEL_ISSUER,
      ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
      ToChannelFromBotOAuthScope: 'https://api.botframework.com',
      OAuthUrl: 'https://api.botframework.com',
      CallerId: 'urn:botframework:azure',
    },
  });
  server = await startServer(app, log.logger, { port: 0, host: '127.0.0.1', maxBodyBytes: 256 * 1024 });
  post = poster(server.url);
});
afterAll(async () => {
  restoreConsole();
  await server.close();
  await new Promise((resolve) => keyServer.close(resolve));
});

interface TokenOptions {
  readonly key?: KeyObject;
  readonly kid?: string;
  readonly iss?: string;
  readonly aud?: string;
  readonly serviceurl?: string;
  readonly expiresIn?: number;
  readonly extra?: Record<string, unknown>;
}

/** A channel token as the Bot Connector signs it; each option breaks one property. */
function token(options: TokenOptions = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    iss: options.iss ?? CHANNEL_ISSUER,
    aud: options.aud ?? APP_ID,
    serviceurl: options.serviceurl ?? SERVICE_URL,
    nbf: now - 60,
    exp: now + (options.expiresIn ?? 3600),
    ...options.extra,
  };
  return remember(jwt.sign(payload, options.key ?? channelKey.privateKey, { algorithm: 'RS256', keyid: options.kid ?? 'channel-key' }));
}

function remember(sent: string): string {
  tokensSent.push(sent);
  return sent;
}

function message(conversationId: string, extra: Record<string, unknown> = {}) {
  return activity('Is AZ-104 eligible for college credit?', {
    serviceUrl: SERVICE_URL,
    conversation: { id: conversationId, conversationType: 'personal' },
    ...extra,
  });
}

const withToken = (value: string | undefined) => ({
  'content-type': 'application/json',
  ...(value === undefined ? {} : { authorization: value }),
});

const unsigned = (payload: object) =>
  `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;

const refused: [string, () => { header: string | undefined; channelId?: string }][] = [
  ['no Authorization header', () => ({ header: undefined })],
  ['a bearer that is not a JWT', () => ({ header: 'Bearer not-a-token' })],
  ['a token signed with a key the channel does not publish', () => ({ header: `Bearer ${token({ key: rogueKey.privateKey })}` })],
  ['a token naming a key id that does not exist', () => ({ header: `Bearer ${token({ kid: 'unknown-key' })}` })],
  ['a token for another bot (wrong audience)', () => ({ header: `Bearer ${token({ aud: randomUUID() })}` })],
  ['a token from another issuer', () => ({ header: `Bearer ${token({ iss: 'https://issuer.example.test' })}` })],
  ['an expired token', () => ({ header: `Bearer ${token({ expiresIn: -3600 })}` })],
  ['a token issued for another service URL', () => ({ header: `Bearer ${token({ serviceurl: 'https://attacker.example.test/' })}` })],
  [
    'an unsigned token (alg none)',
    () => ({
      header: `Bearer ${unsigned({ iss: CHANNEL_ISSUER, aud: APP_ID, serviceurl: SERVICE_URL, exp: Math.floor(Date.now() / 1000) + 600 })}`,
    }),
  ],
  [
    'an Emulator-style token signed with the channel key',
    () => ({ header: `Bearer ${token({ iss: EMULATOR_ISSUER, extra: { ver: '1.0', appid: APP_ID } })}` }),
  ],
  ['a valid token on a channel its key is not endorsed for', () => ({ header: `Bearer ${token()}`, channelId: 'slack' })],
  ['a valid token with the wrong scheme', () => ({ header: `Basic ${token()}` })],
];

describe('channel authentication with an app id configured', () => {
  it.each(refused)('when the request carries %s, then 401 with a short message and nothing is processed or stored', async (_case, make) => {
    const { header, channelId } = make();
    const conversationId = `refused-${randomUUID()}`;
    const res = await post(message(conversationId, channelId ? { channelId } : {}), withToken(header));
    expect(res.status).toBe(401);
    expect(await res.text()).toBe(JSON.stringify({ error: MESSAGES.unauthorized }));
    expect(storage.written).toEqual([]);
    expect(storage.deleted).toEqual([]);
  });

  it('when the token is valid, then the activity is processed, answered and its state stored', async () => {
    const conversationId = `valid-${randomUUID()}`;
    const res = await post(message(conversationId), withToken(`Bearer ${token()}`));
    expect(res.status).toBe(200);
    const { activities } = (await res.json()) as { activities: { conversation: { id: string } }[] };
    expect(activities.length).toBeGreaterThan(0);
    expect(activities.every((a) => a.conversation.id === conversationId)).toBe(true);
    expect(storage.written.some((key) => key.includes(conversationId))).toBe(true);
  });

  it('when requests were refused, then each refusal is one JSON log line and no token appears in the logs', () => {
    expect(log.events().filter((e) => e.event === 'request_unauthorized')).toHaveLength(refused.length);
    const everything = log.lines.join('\n');
    for (const sent of tokensSent) expect(everything).not.toContain(sent.split('.')[2]);
  });
});
