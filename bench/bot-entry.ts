import { MemoryStorage } from 'botbuilder';
import { buildApp } from '../src/build-app';
import { closeStore } from '../src/storage/create-storage';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/logging/logger';
import { startServer } from '../src/server';
import { reportToParent } from './child-ipc';

/**
 * The real bot as src/index.ts builds it (buildApp: the classifier trained in a worker thread;
 * the default file store under DATA_DIR; the outbox worker running), plus the bench's IPC.
 * `BENCH_STORE=memory` swaps in botbuilder's MemoryStorage through the composition root's
 * override, to separate the bot's own cost from the store's; src/ is untouched.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL);
  const storage = process.env.BENCH_STORE === 'memory' ? new MemoryStorage() : undefined;
  const app = await buildApp(config, logger, storage ? { storage } : {});
  app.support.worker.start(config.OUTBOX_INTERVAL_MS);
  const server = await startServer(app, logger, { port: config.PORT, host: config.HOST, maxBodyBytes: config.MAX_BODY_BYTES });
  reportToParent(server.url.replace('localhost', '127.0.0.1'), async () => {
    await Promise.all([server.close(), app.support.worker.stop()]);
    await closeStore(app.storage);
  });
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
