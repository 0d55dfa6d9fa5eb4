import type { AddressInfo } from 'node:net';
import restify from 'restify';
import type { App } from './app';
import type { Logger } from './logging/logger';

export interface ServerOptions {
  readonly port: number;
  readonly host?: string;
  readonly maxBodyBytes: number;
}

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

/** POST /api/messages for the Bot Connector, GET /healthz for the load balancer. */
export async function startServer(app: App, logger: Logger, options: ServerOptions): Promise<RunningServer> {
  const server = restify.createServer({ name: 'mcid-credit-bot', handleUncaughtExceptions: false });
  // restify accepts any body size unless told otherwise.
  server.use(restify.plugins.bodyParser({ maxBodySize: options.maxBodyBytes, mapParams: false }));

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });

  server.post('/api/messages', async (req, res) => {
    const activity = req.body as { type?: unknown } | undefined;
    if (typeof activity !== 'object' || activity === null || typeof activity.type !== 'string') {
      res.send(400, { error: 'The body must be a Bot Framework activity with a type.' });
      return;
    }
    try {
      await app.adapter.process(req, res, (context) => app.bot.run(context));
    } catch (error) {
      // Library and network messages stay in the log; the caller gets a generic answer.
      logger.error({ event: 'request_failed', err: error });
      if (!res.headersSent) res.send(500, { error: 'The bot could not process this activity.' });
    }
  });

  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '0.0.0.0', resolve));
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : 'localhost';
  return {
    url: `http://${host}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
