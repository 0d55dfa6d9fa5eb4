import type { App } from './app';
import { buildApp } from './build-app';
import { anonymousAndReachable, loadConfigFromProcess } from './config/config';
import { routeConsoleToLogger } from './logging/console-capture';
import { createLogger, type Logger } from './logging/logger';
import type { RunningServer } from './server';
import { closeStore, openStorage } from './storage/create-storage';
import { verifyStore } from './storage/store-health';

// Past the shutdown deadline, how long the store may take to close before the process exits anyway.
const STORE_CLOSE_GRACE_MS = 2_000;

async function main(): Promise<void> {
  const config = loadConfigFromProcess();
  const logger = createLogger(config.LOG_LEVEL);
  routeConsoleToLogger(logger);
  // Wrong credentials or container stop the start here, before the content and the classifier load.
  // The first start on LMDB imports what the old file store left in DATA_DIR (once).
  const storageLog = logger.child({ component: 'storage' });
  const storage = await openStorage(config, storageLog);
  await verifyStore(storage, storageLog);
  const building = buildApp(config, logger, { storage });
  // restify loads while the classifier's worker finishes (required here, not imported above).
  const { startServer } = require('./server') as typeof import('./server');
  const app = await building;
  app.support.worker.start(config.OUTBOX_INTERVAL_MS);
  app.support.retention.start();
  app.support.reminders.start(config.RESPONSE_REMINDER_INTERVAL_MINUTES * 60_000);
  void app.support.warnIfUnrouted().catch(() => undefined);
  app.expiry?.start();
  app.insights.digest.start();
  const server = await startServer(app, logger, { port: config.PORT, host: config.HOST, maxBodyBytes: config.MAX_BODY_BYTES });
  const auth = config.MicrosoftAppId
    ? 'channel tokens required'
    : anonymousAndReachable(config)
      ? 'anonymous'
      : 'anonymous (loopback only)';
  logger.info({ event: 'listening', url: `${server.url}/api/messages`, auth });
  if (anonymousAndReachable(config)) {
    logger.warn(
      { event: 'anonymous_endpoint_reachable', host: config.HOST },
      'No MicrosoftAppId and HOST is not loopback: anyone who reaches this port can talk to the bot as any user',
    );
  }
  onStopSignal(() => shutDown(app, server, logger, config.SHUTDOWN_TIMEOUT_MS, () => closeStore(storage)));
}

function onStopSignal(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = () => {
    // A second signal while draining changes nothing: the deadline already bounds the wait.
    if (stopping) return;
    stopping = true;
    void stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}

/**
 * Stop accepting, let the turns in flight finish (their state is written inside the turn, so
 * the stores hold nothing unwritten once they are done), stop the outbox worker after its
 * current pass, then close the store once its last writes are on disk. Past the deadline the
 * process gives up and exits non-zero.
 */
async function shutDown(
  app: App,
  server: RunningServer,
  logger: Logger,
  timeoutMs: number,
  closeStore: () => Promise<void>,
): Promise<void> {
  logger.info({ event: 'shutdown_started' });
  const close = () => closeStore().then(() => logger.info({ event: 'store_closed' }));
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`in-flight work did not finish within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    app.support.retention.stop();
    app.insights.digest.stop();
    app.support.reminders.stop();
    app.expiry?.stop();
    await Promise.race([Promise.all([server.close(), app.support.worker.stop()]).then(close), deadline]);
    logger.info({ event: 'shutdown_complete' });
  } catch (error) {
    logger.error({ event: 'shutdown_timed_out', err: error });
    // The turn still running may have a write pending, and an exit racing it would hang for good
    // (lmdb-storage.ts, close): the store gets a short grace to settle and close first.
    await Promise.race([close(), new Promise((resolve) => setTimeout(resolve, STORE_CLOSE_GRACE_MS).unref())]).catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

main().catch((error: Error) => {
  // Config and content errors list every problem; print them as they are.
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
