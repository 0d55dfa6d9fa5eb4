import { createApp } from './app';
import { loadConfigFromProcess } from './config/config';
import { createLogger } from './logging/logger';
import { startServer } from './server';

async function main(): Promise<void> {
  const config = loadConfigFromProcess();
  const logger = createLogger(config.LOG_LEVEL);
  const app = createApp(config, logger);
  app.support.worker.start(config.OUTBOX_INTERVAL_MS);
  const server = await startServer(app, logger, { port: config.PORT, host: config.HOST, maxBodyBytes: config.MAX_BODY_BYTES });
  logger.info({ event: 'listening', url: `${server.url}/api/messages`, auth: config.MicrosoftAppId ? 'channel tokens required' : 'anonymous (local only)' });
}

main().catch((error: Error) => {
  // Config and content errors list every problem; print them as they are.
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
