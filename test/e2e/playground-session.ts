import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createApp, type App } from '../../src/app';
import { strings } from '../../src/i18n/strings';
import { loadConfig } from '../../src/config/config';
import { silentLogger } from '../../src/logging/logger';
import { startServer, type RunningServer } from '../../src/server';
import { launchChromium } from '../../scripts/chromium';
import { startPlayground, type RunningPlayground } from '../../scripts/playground-process';
import { freePort } from '../helpers/free-port';

// Each run writes here (ignored by git); docs/screenshots holds the copies shown in the README.
export const SCREENSHOTS = join(__dirname, '..', '..', 'artifacts', 'screenshots');

export interface PlaygroundSession {
  readonly app: App;
  readonly page: Page;
  close(): Promise<void>;
}

/**
 * The bot on a fresh embedded store (nobody welcomed yet), the Agents Playground in front of it,
 * and a Chromium page on the Playground. `prepare` sees the app before it serves (to watch turns).
 */
export async function openPlayground(prepare: (app: App) => void = () => undefined): Promise<PlaygroundSession> {
  const dirs = [mkdtempSync(join(tmpdir(), 'e2e-data-')), mkdtempSync(join(tmpdir(), 'e2e-playground-'))];
  let server: RunningServer | undefined;
  let playground: RunningPlayground | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await playground?.stop();
    await server?.close();
    dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  };
  try {
    const config = loadConfig({ DATA_DIR: dirs[0], LOG_LEVEL: 'error' });
    const app = createApp(config, silentLogger);
    prepare(app);
    server = await startServer(app, silentLogger, { port: 0, host: '127.0.0.1', maxBodyBytes: config.MAX_BODY_BYTES });
    playground = await startPlayground({
      endpoint: `${server.url}/api/messages`,
      port: await freePort(),
      cwd: dirs[1],
      startTimeoutMs: 30000,
    });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.setDefaultTimeout(20000);
    await page.goto(playground.url, { waitUntil: 'networkidle' });
    mkdirSync(SCREENSHOTS, { recursive: true });
    return { app, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The Playground opened on the personal chat, once the welcome card is there. */
export async function openPersonalChat(): Promise<PlaygroundSession> {
  const session = await openPlayground();
  await session.page.getByText('Personal Chat', { exact: true }).first().click();
  await session.page.getByText(strings('en').welcomeTitle).first().waitFor();
  return session;
}
