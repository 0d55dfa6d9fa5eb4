import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStorage } from 'botbuilder';
import type { Browser, Page } from 'playwright-core';
import { createApp, type App } from '../../src/app';
import { INSIGHTS_STRINGS } from '../../src/i18n/insights-page-strings';
import type { Lang } from '../../src/i18n/language';
import { SUPPORT_STRINGS } from '../../src/i18n/support-strings';
import { silentLogger } from '../../src/logging/logger';
import { startServer, type RunningServer } from '../../src/server';
import { CHROMIUM_PATH, hasChromium, launchChromium } from '../../scripts/chromium';
import { testConfig } from '../helpers/test-bot';
import { FakeInsights, fakeReport } from './fake-insights';

// The README shows these; each run refreshes them.
const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');
const SKIPPED = `skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)`;
const suite = hasChromium() ? describe : describe.skip;
if (!hasChromium()) console.warn(`Insights page tests ${SKIPPED}`);

let app: App;
let server: RunningServer;
let browser: Browser;
const insights = new FakeInsights();
const report = fakeReport(28);

/** Spaces as the eye sees them: French numbers use narrow no-break spaces. */
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

async function tableRows(page: Page, name: string): Promise<string[][]> {
  const cells = (rows: Element[]) => rows.map((row) => Array.from(row.children, (c) => c.textContent ?? ''));
  return page.$$eval(`table[data-table="${name}"] tbody tr`, cells);
}

/** How many pixels of the canvas were painted. */
const paintedPixels = (page: Page, chart: string) =>
  page.$eval(`canvas[data-chart="${chart}"]`, (canvas) => {
    const { width, height } = canvas as HTMLCanvasElement;
    const pixels = (canvas as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, width, height).data;
    let painted = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
    return painted;
  });

/** The day rows the page should show: both languages summed, the rate weighted by each language's sessions. */
function expectedTrend(lang: Lang): string[][] {
  const number = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-US', { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-US', { style: 'percent', maximumFractionDigits: 0 });
  const day = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-US', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const dates = [...new Set(report.daily.map((p) => p.date))];
  return dates.map((date) => {
    const [en, fr] = (['en', 'fr'] as const).map((l) => report.daily.find((p) => p.date === date && p.lang === l)!);
    const rated = [en, fr].filter((p) => p.resolutionRate !== null);
    const sessions = rated.reduce((sum, p) => sum + p.sessions, 0);
    const rate = rated.reduce((sum, p) => sum + p.resolutionRate! * p.sessions, 0) / sessions;
    const sum = (key: 'sessions' | 'answered' | 'didYouMean' | 'fallback') => number.format(en[key] + fr[key]);
    const questions = [en.questions, fr.questions].map((n) => number.format(n));
    const figures = [...questions, sum('sessions'), sum('answered'), sum('didYouMean'), sum('fallback')];
    return [day.format(new Date(`${date}T00:00:00Z`)), ...figures, percent.format(rate)];
  });
}

// Figures of fakeReport written out by hand, as each language prints them.
const EXPECTED = {
  en: {
    kpis: ['186', '73', '62%', '11%', '3.9 / 5'],
    queues: [
      ['6', '3.5', '20.3', '26', '71.5', '2 (target 8 h)'],
      ['2', '1.3', '2', '—', '—', '0'],
    ],
    average: 'Average: 3.9 out of 5',
  },
  fr: {
    kpis: ['186', '73', '62 %', '11 %', '3,9 / 5'],
    queues: [
      ['6', '3,5', '20,3', '26', '71,5', '2 (objectif 8 h)'],
      ['2', '1,3', '2', '—', '—', '0'],
    ],
    average: 'Moyenne : 3,9 sur 5',
  },
};

suite(`the Insights page in Chromium${hasChromium() ? '' : ` (${SKIPPED})`}`, () => {
  beforeAll(async () => {
    app = createApp(testConfig(), silentLogger, { storage: new MemoryStorage(), insights });
    server = await startServer(app, silentLogger, { port: 0, host: '127.0.0.1', maxBodyBytes: 256 * 1024 });
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(['en', 'fr'] as const)(
    'when opened in %s, then every chart draws and every table shows the figures',
    async (lang) => {
      const S = INSIGHTS_STRINGS[lang];
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: lang === 'fr' ? 'fr-FR' : 'en-US' });
      const requested: string[] = [];
      page.on('request', (request) => void requested.push(request.url()));
      try {
        await page.goto(`${server.url}/insights?lang=${lang}`);
        await page.waitForSelector('body[data-state="ready"]', { timeout: 20000 });

        expect(await page.textContent('h1')).toBe(S.title);
        expect(await page.$$eval('h2', (hs) => hs.map((h) => h.textContent))).toEqual([
          S.kpiHeading,
          S.trendHeading,
          S.topicsHeading,
          S.queuesHeading,
          S.satisfactionHeading,
          S.unansweredHeading,
        ]);
        for (const chart of ['trend', 'topics', 'queues', 'satisfaction']) {
          expect(await paintedPixels(page, chart)).toBeGreaterThan(500);
          expect(await page.getAttribute(`canvas[data-chart="${chart}"]`, 'aria-label')).toBeTruthy();
        }

        expect((await page.$$eval('.kpis dd', (dds) => dds.map((d) => d.textContent ?? ''))).map(flat)).toEqual(EXPECTED[lang].kpis);
        expect((await tableRows(page, 'trend')).map((row) => row.map(flat))).toEqual(expectedTrend(lang).map((row) => row.map(flat)));
        const topicTitle = (topic: string, fallback: string) => app.kb.topics.find((t) => t.id === topic)?.[lang].title ?? fallback;
        expect(await tableRows(page, 'topics')).toEqual(
          report.perTopic.map((t) => [
            topicTitle(t.topic, t.title),
            ...[t.answers, t.helpful, t.notHelpful, t.escalationsAfter].map(String),
          ]),
        );
        const queueNames = report.perQueue.map((q) => SUPPORT_STRINGS[lang].queueTitles[q.queue as 'certification-support']);
        const queues = EXPECTED[lang].queues.map((row, i) => [queueNames[i], ...row]);
        expect((await tableRows(page, 'queues')).map((row) => row.map(flat))).toEqual(queues);
        const ratings = report.satisfaction.distribution.map((n, i) => [S.stars.replace('{n}', String(i + 1)), String(n)]);
        expect(await tableRows(page, 'satisfaction')).toEqual(ratings);
        expect(flat((await page.textContent('[data-average]')) ?? '')).toBe(flat(EXPECTED[lang].average));

        const groups = await page.$$eval('li[data-group]', (items) =>
          items.map((li) => ({
            count: li.getAttribute('data-group'),
            examples: Array.from(li.querySelectorAll('li'), (e) => e.textContent),
          })),
        );
        expect(groups).toEqual(report.unansweredGroups.map((g) => ({ count: String(g.count), examples: [...g.examples] })));
        expect(await page.textContent('#groups strong')).toBe(S.groupCount.replace('{n}', '12'));

        // Nothing from the internet: every file came from the bot itself.
        expect(requested.filter((url) => !url.startsWith(server.url))).toEqual([]);
        expect(requested).toEqual(
          expect.arrayContaining([`${server.url}/insights/chart.umd.min.js`, `${server.url}/api/insights?days=28`]),
        );
        await page.screenshot({ path: join(SCREENSHOTS, `insights.${lang}.png`), fullPage: true });
      } finally {
        await page.close();
      }
    },
    60_000,
  );

  it('when another period is picked, then the page asks for it and draws again', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${server.url}/insights?days=7`);
      await page.waitForSelector('body[data-state="ready"]');
      expect(await page.inputValue('#period')).toBe('7');
      insights.asked.splice(0);
      const answered = page.waitForResponse((res) => res.url().endsWith('/api/insights?days=90'));
      await page.selectOption('#period', '90');
      expect((await answered).status()).toBe(200);
      await page.waitForSelector('body[data-state="ready"]');
      expect(insights.asked).toEqual([90]);
      expect(await paintedPixels(page, 'trend')).toBeGreaterThan(500);
    } finally {
      await page.close();
    }
  }, 60_000);

  it.each([
    [401, 'fr', 'unauthorized'],
    [403, 'fr', 'forbidden'],
    [403, 'en', 'forbidden'],
  ] as const)(
    'when the API answers %s, then the page says why in %s and shows no figure',
    async (status, lang, key) => {
      const page = await browser.newPage();
      try {
        await page.route('**/api/insights*', (route) => route.fulfill({ status, contentType: 'application/json', body: '{"error":"x"}' }));
        await page.goto(`${server.url}/insights?lang=${lang}`);
        await page.waitForSelector('body[data-state="error"]');
        expect(await page.textContent('#status')).toBe(INSIGHTS_STRINGS[lang][key]);
        expect(await page.isHidden('#report')).toBe(true);
      } finally {
        await page.close();
      }
    },
    60_000,
  );

  it('when the page runs as a tab inside Teams, then it sends the token Teams gave it with each request for figures', async () => {
    const page = await browser.newPage();
    try {
      // A stand-in for Teams' JavaScript SDK: the page's own copy loads after it and must not replace it.
      await page.addInitScript(() => {
        const token = 'header.payload.signature';
        const fake = { app: { initialize: async () => undefined }, authentication: { getAuthToken: async () => token } };
        Object.defineProperty(window, 'microsoftTeams', { get: () => fake, set: () => undefined });
      });
      // A host page framing the tab as Teams does. It is on the bot's origin: Chromium keeps a public
      // https page (teams.microsoft.com) from framing a loopback address.
      const tab = `${server.url}/insights?lang=fr-fr`;
      await page.route(`${server.url}/tab-host`, (route) =>
        route.fulfill({ contentType: 'text/html', body: `<iframe src="${tab}" width="1200" height="800"></iframe>` }),
      );
      const asked = page.waitForRequest((request) => request.url().includes('/api/insights'));
      await page.goto(`${server.url}/tab-host`);
      expect((await asked).headers().authorization).toBe('Bearer header.payload.signature');
      const frame = page.frames().find((f) => f.url() === tab)!;
      await frame.waitForSelector('body[data-state="ready"]');
      expect(await frame.textContent('h1')).toBe(INSIGHTS_STRINGS.fr.title);
    } finally {
      await page.close();
    }
  }, 60_000);
});
