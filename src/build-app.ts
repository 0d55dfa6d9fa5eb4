import type { App, AppOverrides } from './app';
import type { AppConfig } from './config/config';
import { trainInBackground } from './matching/background-training';
import type { Logger } from './logging/logger';

/**
 * Builds the app the way a start should: the classifier trains in a worker thread while this
 * thread loads botbuilder (./app is required here, after the worker started, not imported above)
 * and checks the content and cards. Everything up to the wait runs before this returns, so the
 * caller can load more modules (the server) while the worker finishes.
 */
export async function buildApp(config: AppConfig, logger: Logger, overrides: AppOverrides = {}): Promise<App> {
  const training = trainInBackground(config.CONTENT_DIR);
  const { createApp, loadContent } = require('./app') as typeof import('./app');
  const content = loadContent(config);
  // The first start on LMDB imports what the old file store left in DATA_DIR (once).
  const { openStorage } = require('./storage/create-storage') as typeof import('./storage/create-storage');
  const storage = overrides.storage ?? (await openStorage(config, logger.child({ component: 'storage' })));
  const trained = await training;
  const app = createApp(config, logger, { ...overrides, storage, content, trained });
  // Falling back to the main thread only makes the start slower; the log says which it was.
  logger.info({ event: 'classifier_trained', in: trained ? 'worker thread' : 'main thread' });
  return app;
}
