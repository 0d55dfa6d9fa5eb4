import type { Request, Response, Server } from 'restify';
import { INSIGHTS_STRINGS } from '../i18n/insights-page-strings';
import { langFromLocale, type Lang } from '../i18n/language';
import type { Logger } from '../logging/logger';
import type { AccessRequest, InsightsAccess } from './insights-access';
import { daysQuery, DAYS, type InsightsProvider } from './insights-provider';
import { fillPage, type PageAssets } from './page-assets';

/** What GET /insights and GET /api/insights need, built in the composition root. */
export interface InsightsEndpoint {
  readonly access: InsightsAccess;
  readonly provider: InsightsProvider;
  readonly assets: PageAssets;
  /** Topic and queue names in the page's language (the report carries ids and English titles). */
  readonly names: (lang: Lang) => { topics: Record<string, string>; queues: Record<string, string> };
}

const ANSWERS = {
  401: 'A valid sign-in token is required.',
  403: 'You are not allowed to see these figures.',
  badDays: `days must be a whole number from ${DAYS.min} to ${DAYS.max}.`,
  failed: 'The figures could not be computed.',
} as const;

// The page runs inside Teams (an iframe on its hosts) or on this machine; it loads only its own files.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com",
].join('; ');

const PAGE_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

const accessRequest = (req: Request): AccessRequest => ({ remoteAddress: req.socket.remoteAddress, headers: req.headers });

function query(req: Request): Record<string, string> {
  const params = new URL(req.url ?? '/', 'http://insights.invalid').searchParams;
  // The first of each name; nothing else is read.
  return Object.fromEntries([...new Set(params.keys())].map((key) => [key, params.get(key) ?? '']));
}

function send(res: Response, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...PAGE_HEADERS, ...extra });
  res.end(body);
}

const sendJson = (res: Response, status: number, body: unknown): void =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));

/** GET /insights (the dashboard page), its files, and GET /api/insights?days=N (its figures). */
export function registerInsightsRoutes(server: Server, endpoint: InsightsEndpoint, logger: Logger): void {
  const { access, provider, assets } = endpoint;

  server.get('/insights', async (req: Request, res: Response) => {
    if (!access.mayLoadPage(accessRequest(req))) return void sendJson(res, 403, { error: ANSWERS[403] });
    // Teams fills `{locale}` in the tab's address; on this machine `?lang=fr` picks French.
    const lang = langFromLocale(query(req).lang?.slice(0, 16));
    const strings = INSIGHTS_STRINGS[lang];
    const data = { lang, strings, names: endpoint.names(lang), days: DAYS };
    send(res, 200, 'text/html; charset=utf-8', fillPage(assets.html, { lang, title: strings.title, data }));
  });

  server.get('/insights/:file', async (req: Request, res: Response) => {
    const asset = assets.files.get(String(req.params.file));
    if (!asset || !access.mayLoadPage(accessRequest(req))) return void sendJson(res, 404, { error: 'Not found.' });
    send(res, 200, asset.type, asset.body, { 'cache-control': 'public, max-age=3600' });
  });

  server.get('/api/insights', async (req: Request, res: Response) => {
    const checked = await access.check(accessRequest(req));
    if (!checked.allowed) {
      logger.warn({ event: 'insights_refused', status: checked.status, reason: checked.reason });
      return void sendJson(res, checked.status, { error: ANSWERS[checked.status] });
    }
    const parsed = daysQuery.safeParse(query(req));
    if (!parsed.success) return void sendJson(res, 400, { error: ANSWERS.badDays });
    try {
      sendJson(res, 200, await provider.report(parsed.data.days));
    } catch (error) {
      logger.error({ event: 'insights_failed', err: error });
      sendJson(res, 500, { error: ANSWERS.failed });
    }
  });
}
