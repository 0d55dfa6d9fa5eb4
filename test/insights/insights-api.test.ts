import { MemoryStorage } from 'botbuilder';
import { createApp } from '../../src/app';
import { INSIGHTS_STRINGS } from '../../src/i18n/insights-page-strings';
import { fromThisMachine } from '../../src/insights/insights-access';
import { silentLogger } from '../../src/logging/logger';
import { startServer, type RunningServer } from '../../src/server';
import { testConfig } from '../helpers/test-bot';
import { FakeInsights, fakeReport } from './fake-insights';

// No MicrosoftAppId: local use, where the page and its figures are for this machine only.
let server: RunningServer;
const insights = new FakeInsights();

beforeAll(async () => {
  const app = createApp(testConfig(), silentLogger, { storage: new MemoryStorage(), insights });
  server = await startServer(app, silentLogger, { port: 0, host: '127.0.0.1', maxBodyBytes: 256 * 1024 });
});
afterAll(() => server.close());
beforeEach(() => insights.asked.splice(0));

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });

describe('GET /api/insights without an app id', () => {
  it('when asked from this machine without days, then the 28-day report comes back as JSON, unchanged', async () => {
    const res = await get('/api/insights');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(fakeReport(28))));
    expect(insights.asked).toEqual([28]);
  });

  it.each(['1', '90', '7'])('when days=%s, then that period is asked for', async (days) => {
    const res = await get(`/api/insights?days=${days}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { period: { days: number } }).period.days).toBe(Number(days));
    expect(insights.asked).toEqual([Number(days)]);
  });

  it.each(['0', '91', '-1', '1.5', 'abc', '', '1e1', '00000000000000000007'])(
    'when days=%s, then 400 names the bounds and no figure is computed',
    async (days) => {
      const res = await get(`/api/insights?days=${encodeURIComponent(days)}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: 'days must be a whole number from 1 to 90.' });
      expect(insights.asked).toEqual([]);
    },
  );

  it.each([
    ['x-forwarded-for', '203.0.113.9'],
    ['forwarded', 'for=203.0.113.9'],
  ])('when the request came through a proxy (%s), then the figures and the page are refused with 403', async (name, value) => {
    const api = await get('/api/insights', { [name]: value });
    expect(api.status).toBe(403);
    expect(await api.json()).toEqual({ error: 'You are not allowed to see these figures.' });
    expect((await get('/insights', { [name]: value })).status).toBe(403);
    expect((await get('/insights/insights.js', { [name]: value })).status).toBe(404);
    expect(insights.asked).toEqual([]);
  });
});

describe('GET /insights without an app id', () => {
  it.each([
    ['', 'en'],
    ['?lang=fr-FR', 'fr'],
    ['?lang=fr', 'fr'],
    ['?lang=de-DE', 'en'],
  ] as const)('when the page is asked for with "%s", then it is served in %s with its strings and a strict policy', async (query, lang) => {
    const res = await get(`/insights${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain(`<title>${INSIGHTS_STRINGS[lang].title}</title>`);
    const data = JSON.parse(/<script type="application\/json" id="page-data">(.*?)<\/script>/s.exec(html)![1]);
    expect(data.strings).toEqual(INSIGHTS_STRINGS[lang]);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it('when the page is served, then it carries no figure: those come from the API', async () => {
    await get('/insights');
    expect(insights.asked).toEqual([]);
  });

  it('when the chart library and the Teams SDK are asked for, then the bot serves them itself', async () => {
    for (const file of ['chart.umd.min.js', 'teams-js.min.js', 'insights.js']) {
      const res = await get(`/insights/${file}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    expect((await get('/insights/insights.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it.each(['package.json', '..%2Fpackage.json', 'index.html', 'chart.js'])('when /insights/%s is asked for, then 404', async (file) => {
    expect((await get(`/insights/${file}`)).status).toBe(404);
  });
});

describe('a request from this machine', () => {
  it.each([
    ['127.0.0.1', {}, true],
    ['::1', {}, true],
    ['::ffff:127.0.0.1', {}, true],
    ['10.0.0.5', {}, false],
    ['::ffff:192.168.1.20', {}, false],
    ['fe80::1', {}, false],
    [undefined, {}, false],
    ['127.0.0.1', { 'x-real-ip': '198.51.100.7' }, false],
  ] as const)('when it comes from %s (%j), then local is %s', (remoteAddress, headers, local) => {
    expect(fromThisMachine({ remoteAddress, headers })).toBe(local);
  });
});
