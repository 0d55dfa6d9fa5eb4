import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryStorage } from 'botbuilder';
import jwt from 'jsonwebtoken';
import { createApp } from '../../src/app';
import { insightsAccess } from '../../src/insights/insights-access';
import { startServer, type RunningServer } from '../../src/server';
import { capturedLogger } from '../helpers/log-capture';
import { testConfig } from '../helpers/test-bot';
import { FakeInsights, fakeReport } from './fake-insights';

const APP_ID = '4c1d0b3e-8f7a-4a55-9d2e-2f6a1b9c7e10';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const OTHER_TENANT = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';
const V2_ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;
const BOT_DOMAIN = 'certbot.contoso.example';
const ADMIN = '0b9a1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
const AGENT = '5d4c3b2a-1f0e-4d9c-8b7a-695847362514';

const tenantKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
const rogueKey = generateKeyPairSync('rsa', { modulusLength: 2048 });

/** The tenant's signing keys, served on loopback as Entra publishes them. */
let keyServer: Server;
let keysUrl = '';
let server: RunningServer;
const insights = new FakeInsights();
const log = capturedLogger();
const sent: string[] = [];

beforeAll(async () => {
  keyServer = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [{ ...tenantKey.publicKey.export({ format: 'jwk' }), kid: 'tenant-key', use: 'sig', alg: 'RS256' }] }));
  });
  await new Promise<void>((resolve) => keyServer.listen(0, '127.0.0.1', resolve));
  keysUrl = `http://127.0.0.1:${(keyServer.address() as AddressInfo).port}/discovery/v2.0/keys`;
  const config = testConfig({
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'not-a-real-secret-value',
    MicrosoftAppType: 'SingleTenant',
    MicrosoftAppTenantId: TENANT,
    BOT_DOMAIN,
    SUPPORT_ADMINS: `29:1teams-user-id, ${ADMIN}`,
    SUPPORT_AGENTS: AGENT,
  });
  const app = createApp(config, log.logger, { storage: new MemoryStorage(), insights, insightsKeysUrl: keysUrl });
  server = await startServer(app, log.logger, { port: 0, host: '127.0.0.1', maxBodyBytes: 256 * 1024 });
});
afterAll(async () => {
  await server.close();
  await new Promise((resolve) => keyServer.close(resolve));
});
beforeEach(() => insights.asked.splice(0));

interface TokenOptions {
  readonly key?: KeyObject;
  readonly kid?: string;
  readonly iss?: string;
  readonly aud?: string;
  readonly tid?: string;
  readonly oid?: string;
  readonly expiresIn?: number;
}

/** A token as Entra signs it for the tab (v2 by default); each option breaks one property. */
function token(options: TokenOptions = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const tid = options.tid ?? TENANT;
  const payload = {
    iss: options.iss ?? `https://login.microsoftonline.com/${tid}/v2.0`,
    aud: options.aud ?? APP_ID,
    tid,
    oid: options.oid ?? ADMIN,
    name: 'Dana Admin',
    nbf: now - 60,
    iat: now - 60,
    exp: now + (options.expiresIn ?? 3600),
  };
  const signed = jwt.sign(payload, options.key ?? tenantKey.privateKey, { algorithm: 'RS256', keyid: options.kid ?? 'tenant-key' });
  sent.push(signed);
  return signed;
}

const base64url = (text: string) => Buffer.from(text).toString('base64url');
const unsigned = (payload: object) => `${base64url('{"alg":"none","typ":"JWT"}')}.${base64url(JSON.stringify(payload))}.`;
const hour = () => Math.floor(Date.now() / 1000) + 3600;

const ask = (authorization?: string, days = '') =>
  fetch(`${server.url}/api/insights${days}`, { headers: authorization === undefined ? {} : { authorization } });

// Each case with the reason the log gives: the refusal comes from the property the case breaks.
const unauthorized: [string, string, () => string | undefined][] = [
  ['no Authorization header', 'no token', () => undefined],
  ['a bearer that is not a JWT', 'not a bearer token', () => 'Bearer not-a-token'],
  ['a token in another scheme', 'not a bearer token', () => `Basic ${token()}`],
  ['an expired token', 'ERR_JWT_EXPIRED (exp)', () => `Bearer ${token({ expiresIn: -3600 })}`],
  ['a token for another app (wrong audience)', 'ERR_JWT_CLAIM_VALIDATION_FAILED (aud)', () => `Bearer ${token({ aud: randomUUID() })}`],
  ['a Bot Connector audience', 'ERR_JWT_CLAIM_VALIDATION_FAILED (aud)', () => `Bearer ${token({ aud: 'https://api.botframework.com' })}`],
  ['a token from another tenant', 'ERR_JWT_CLAIM_VALIDATION_FAILED (iss)', () => `Bearer ${token({ tid: OTHER_TENANT })}`],
  ['a token whose tenant claim differs from its issuer', 'another tenant', () => `Bearer ${token({ tid: OTHER_TENANT, iss: V2_ISSUER })}`],
  [
    'a token signed with a key the tenant does not publish (wrong signature)',
    'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    () => `Bearer ${token({ key: rogueKey.privateKey })}`,
  ],
  ['a token naming an unknown key id', 'ERR_JWKS_NO_MATCHING_KEY', () => `Bearer ${token({ kid: 'other-key' })}`],
  [
    'an unsigned token (alg none)',
    'not a bearer token',
    () => `Bearer ${unsigned({ iss: V2_ISSUER, aud: APP_ID, tid: TENANT, oid: ADMIN, exp: hour() })}`,
  ],
  ['a header far too long to be a token', 'token too long', () => `Bearer ${'a'.repeat(5000)}.${'b'.repeat(5000)}.c`],
];

describe('GET /api/insights with an app id (the Teams tab)', () => {
  it.each(unauthorized)('when the request carries %s, then 401 (%s) and no figure is computed', async (_case, reason, header) => {
    const res = await ask(header());
    expect(res.status).toBe(401);
    expect(log.events().at(-1)).toMatchObject({ event: 'insights_refused', status: 401, reason });
    expect(await res.json()).toEqual({ error: 'A valid sign-in token is required.' });
    expect(insights.asked).toEqual([]);
  });

  it.each([
    ['a support agent who is not an admin', AGENT],
    ['someone of the tenant listed nowhere', randomUUID()],
  ])('when the token is valid but belongs to %s, then 403 and no figure is computed', async (_case, oid) => {
    const res = await ask(`Bearer ${token({ oid })}`);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'You are not allowed to see these figures.' });
    expect(log.events().at(-1)).toMatchObject({ event: 'insights_refused', status: 403, reason: 'not in SUPPORT_ADMINS' });
    expect(insights.asked).toEqual([]);
  });

  it('when an admin sends a valid v2 token, then the figures come back', async () => {
    const res = await ask(`Bearer ${token()}`, '?days=14');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(fakeReport(14))));
    expect(insights.asked).toEqual([14]);
  });

  it('when an admin sends a v1 token for the tab resource (api://BOT_DOMAIN/app id), then the figures come back', async () => {
    const v1 = token({ iss: `https://sts.windows.net/${TENANT}/`, aud: `api://${BOT_DOMAIN}/${APP_ID}`, oid: ADMIN.toUpperCase() });
    expect((await ask(`Bearer ${v1}`)).status).toBe(200);
    expect(insights.asked).toEqual([28]);
  });

  it('when an admin asks for a period out of bounds, then 400 after the token was accepted', async () => {
    expect((await ask(`Bearer ${token()}`, '?days=365')).status).toBe(400);
    expect(insights.asked).toEqual([]);
  });

  it('when the page itself is asked for from anywhere, then it is served: it holds no figure', async () => {
    const res = await fetch(`${server.url}/insights?lang=fr-fr`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<html lang="fr">');
    expect(insights.asked).toEqual([]);
  });

  it('when requests were refused, then each refusal is logged with its reason and no token appears in the logs', () => {
    const refusals = log.events().filter((e) => e.event === 'insights_refused');
    expect(refusals.map((e) => e.status).sort()).toEqual([...unauthorized.map(() => 401), 403, 403].sort());
    const everything = log.lines.join('\n');
    for (const signed of sent) expect(everything).not.toContain(signed.split('.')[2]);
  });
});

describe('the Insights tab without a tenant', () => {
  it('when MicrosoftAppId is set but no tenant is known, then every request is refused with 401 and the log says what to set', async () => {
    const warnings = capturedLogger();
    const config = testConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret-value', SUPPORT_ADMINS: ADMIN });
    const access = insightsAccess(config, warnings.logger, keysUrl);
    const checked = await access.check({ remoteAddress: '127.0.0.1', headers: { authorization: `Bearer ${token()}` } });
    expect(checked).toMatchObject({ allowed: false, status: 401 });
    expect(warnings.events()).toContainEqual(expect.objectContaining({ event: 'insights_not_set_up' }));
  });
});
