import type { AddressInfo } from 'node:net';
import type { ServerResponse } from 'node:http';
import { ActivityTypes } from 'botbuilder';
import restify, { type Next, type Request, type Response } from 'restify';
import { z } from 'zod';
import type { App } from './app';
import type { Logger } from './logging/logger';
import { maskSecrets } from './logging/log-redaction';
import { capText, wellFormed } from './bot/message-limits';
import { registerInsightsRoutes } from './insights/insights-routes';

export interface ServerOptions {
  readonly port: number;
  readonly host?: string;
  readonly maxBodyBytes: number;
}

export interface RunningServer {
  readonly url: string;
  /** Stops accepting connections and resolves once the requests in flight have been answered. */
  close(): Promise<void>;
}

const KNOWN_TYPES = new Set<string>(Object.values(ActivityTypes));
const short = (max: number) => z.string().max(max).nullish();
// Teams ids are under 200 characters and display names under 256.
const ref = z.looseObject({ id: z.string().min(1).max(1024), name: short(256), aadObjectId: short(128) });
const mention = z.looseObject({ text: z.string(), mentioned: ref });

/** What the bot code relies on; anything else a channel sends passes through untouched. */
const activitySchema = z
  .looseObject({
    type: z.string().min(1).max(64),
    id: short(1024),
    channelId: z.string().min(1).max(128),
    serviceUrl: z
      .string()
      .max(2048)
      .regex(/^https?:\/\/\S+$/),
    conversation: ref,
    from: ref,
    recipient: ref,
    // Capped, not refused: an over-long message still gets an answer ("too long") in the user's language.
    text: z
      .string()
      .nullish()
      .transform((text) => (typeof text === 'string' ? capText(text) : text)),
    locale: short(64),
    name: short(256),
    deliveryMode: short(64),
    entities: z
      .array(z.looseObject({ type: z.string().max(64) }))
      .max(100)
      .optional(),
    attachments: z.array(z.looseObject({})).nullish(),
    membersAdded: z.array(ref).nullish(),
    membersRemoved: z.array(ref).nullish(),
    channelData: z.looseObject({}).nullish(),
  })
  .superRefine((activity, ctx) => {
    // What Teams always sends and botbuilder reads unchecked: channelData on message edits and
    // deletions, the text and the mentioned party of a mention (removeRecipientMention).
    const needsChannelData = activity.channelId === 'msteams' && ['messageUpdate', 'messageDelete'].includes(activity.type);
    if (needsChannelData && !activity.channelData) ctx.addIssue({ code: 'custom', path: ['channelData'], message: 'required' });
    activity.entities?.forEach((entity, i) => {
      const isMention = entity.type.toLowerCase() === 'mention';
      if (isMention && (typeof activity.text !== 'string' || !mention.safeParse(entity).success))
        ctx.addIssue({ code: 'custom', path: ['entities', i], message: 'invalid mention' });
    });
  });

/** What a caller reads on a refused request: short and fixed, never a library's text. Tests import these. */
export const MESSAGES = {
  notActivity: 'The body must be a Bot Framework activity with a type.',
  noConversation: 'The activity must name its conversation.',
  unknownType: 'This activity type is not supported.',
  unsupportedInvoke: 'This invoke is not supported.',
  notJson: 'Send the activity as JSON (Content-Type: application/json).',
  badJson: 'The body is not valid JSON.',
  tooLarge: 'The body is too large.',
  unauthorized: 'Unauthorized.',
  failed: 'The bot could not process this activity.',
  notFound: 'Not found.',
  methodNotAllowed: 'Method not allowed.',
  badRequest: 'Bad request.',
  invalidField: (field: string) => `The activity's ${field} is missing or not valid.`,
} as const;

/** A short, fixed answer per status: restify's own bodies quote the JSON parser and the path. */
function errorBody(status: number, name: string): { error: string } {
  if (name === 'InvalidContentError') return { error: MESSAGES.badJson };
  const byStatus: Record<number, string> = {
    404: MESSAGES.notFound,
    405: MESSAGES.methodNotAllowed,
    413: MESSAGES.tooLarge,
    415: MESSAGES.notJson,
  };
  return { error: byStatus[status] ?? (status >= 500 ? MESSAGES.failed : MESSAGES.badRequest) };
}

function readActivity(body: unknown): { activity: Record<string, unknown> } | { problem: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { problem: MESSAGES.notActivity };
  const parsed = activitySchema.safeParse(body);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'type');
    if (field === 'type') return { problem: MESSAGES.notActivity };
    if (field === 'conversation') return { problem: MESSAGES.noConversation };
    return { problem: MESSAGES.invalidField(field) };
  }
  return KNOWN_TYPES.has(parsed.data.type) ? { activity: parsed.data } : { problem: MESSAGES.unknownType };
}

/** Every string of the body with lone surrogates replaced (U+FFFD), ids and text alike. */
function wellFormedStrings(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? wellFormed(value) : value;
}

/** Checked before the body is read: only plain JSON, and a declared size over the limit is refused at once. */
function acceptJson(maxBodyBytes: number) {
  return (req: Request, res: Response, next: Next) => {
    const encoding = req.header('content-encoding');
    // A gzip body is inflated without limit by restify's reader: refused, channels never send one.
    if (req.getContentType() !== 'application/json' || (encoding && encoding !== 'identity')) {
      res.send(415, { error: MESSAGES.notJson });
      return next(false);
    }
    if (Number(req.header('content-length') ?? 0) > maxBodyBytes) {
      res.header('connection', 'close');
      res.send(413, { error: MESSAGES.tooLarge });
      return next(false);
    }
    return next();
  };
}

/**
 * POST /api/messages for the Bot Connector; GET /healthz (liveness) and GET /readyz (readiness) for the
 * load balancer; GET /insights and GET /api/insights for the support admins.
 */
export async function startServer(app: App, logger: Logger, options: ServerOptions): Promise<RunningServer> {
  const server = restify.createServer({ name: 'mcid-credit-bot', handleUncaughtExceptions: false });
  const active = new Set<ServerResponse>();
  let closing = false;

  server.on('restifyError', (_req: Request, _res: Response, err: Error & { statusCode?: number }, done: () => void) => {
    const status = err.statusCode ?? 500;
    if (status >= 500) logger.error({ event: 'http_error', status, err });
    const body = errorBody(status, err.name);
    Object.assign(err, { toJSON: () => body });
    return done();
  });

  server.pre((req: Request, res: Response, next: Next) => {
    active.add(res);
    res.once('close', () => active.delete(res));
    if (closing) res.setHeader('connection', 'close');
    return next();
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });

  // Liveness above says the process runs; readiness says it can serve: the store answers.
  server.get('/readyz', async (_req: Request, res: Response) => {
    const ready = await app.ready();
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', store: ready ? 'ok' : 'not answering' });
  });

  registerInsightsRoutes(server, app.insightsPage, logger);

  const readJson = [
    restify.plugins.bodyReader({ maxBodySize: options.maxBodyBytes }),
    restify.plugins.jsonBodyParser({ mapParams: false, bodyReader: true, reviver: wellFormedStrings }),
  ];
  server.post('/api/messages', acceptJson(options.maxBodyBytes), ...readJson, async (req: Request, res: Response) => {
    const read = readActivity(req.body);
    if ('problem' in read) return void res.send(400, { error: read.problem });
    // The library's reason (a network error, a JWT library's words) is logged, never sent back.
    const { status, body } = await app.adapter.handle(req.header('authorization') ?? '', read.activity, (context) => app.bot.run(context));
    // No handler for this invoke name: the caller asked for something the bot does not do.
    if (status === 501) return void res.send(400, { error: MESSAGES.unsupportedInvoke });
    if (status === 401 || status >= 500) {
      // Turn errors are handled inside the turn, so a 500 here means the request failed before it:
      // with a token, that token could not be verified (a bad signature, or the keys unreachable).
      const refused = status === 401 || (status === 500 && !!req.header('authorization'));
      const reason = typeof body === 'string' ? maskSecrets(body).slice(0, 300) : undefined;
      if (refused) logger.warn({ event: 'request_unauthorized', reason });
      else logger.error({ event: 'request_failed', status, reason });
      return void res.send(refused ? 401 : 500, { error: refused ? MESSAGES.unauthorized : MESSAGES.failed });
    }
    if (body === undefined) res.send(status);
    else res.send(status, body);
  });

  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : 'localhost';
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        // Responses still to come close their connection, so keep-alive sockets do not hold the close.
        for (const res of active) if (!res.headersSent) res.setHeader('connection', 'close');
        server.close(() => resolve());
        server.server.closeIdleConnections();
      }),
  };
}
