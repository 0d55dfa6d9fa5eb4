import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { loadConfigFromProcess } from '../src/config/config';
import { startPlayground, stopChild } from './playground-process';

// Compiled to dist/scripts/: the bot's entry is dist/src/index.js.
const BOT_ENTRY = join(__dirname, '..', 'src', 'index.js');

/**
 * `npm run playground`: the bot and the Agents Playground together, one Ctrl+C stops both.
 * Arguments after `--` go to the Playground (e.g. `npm run playground -- -p 56151`).
 */
async function main(): Promise<void> {
  // The same validation as the bot's: a bad .env fails here with the same messages.
  const config = loadConfigFromProcess();
  const botUrl = `http://127.0.0.1:${config.PORT}`;
  // Otherwise the health check below could reach another process already on that port.
  await assertPortFree(config.PORT, config.HOST);
  const bot = spawn(process.execPath, [BOT_ENTRY], { stdio: 'inherit' });
  // Ctrl+C in a terminal reaches the bot too: a bot ended by a signal is a normal stop.
  const botExited = new Promise<number>((resolve) => bot.once('exit', (code, signal) => resolve(signal ? 0 : (code ?? 1))));
  const playground = await waitUntilHealthy(`${botUrl}/healthz`, botExited)
    .then(() =>
      startPlayground({
        endpoint: `${botUrl}/api/messages`,
        auth: config.MicrosoftAppId
          ? { clientId: config.MicrosoftAppId, clientSecret: config.MicrosoftAppPassword, tenantId: config.MicrosoftAppTenantId }
          : undefined,
        extraArgs: process.argv.slice(2),
        onOutput: (text) => process.stdout.write(text),
      }),
    )
    .catch(async (error: Error) => {
      // Never leave the bot running behind a failed start.
      await stopChild(bot);
      throw error;
    });
  process.stdout.write(`\nChat with the bot at ${playground.url}. Ctrl+C stops the bot and the Playground.\n`);

  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await Promise.all([playground.stop(), stopChild(bot)]);
    process.exit(code);
  };
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));
  void botExited.then((code) => stopAll(code === 0 ? 0 : 1));
  void playground.exited.then((code) => stopAll(code === null || code === 0 ? 0 : 1));
}

function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () => reject(new Error(`Port ${port} is already in use (another bot?). Stop it, or set PORT to a free port.`)));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

async function waitUntilHealthy(url: string, exited: Promise<number>, timeoutMs = 30000): Promise<void> {
  let botGone = false;
  void exited.then(() => (botGone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !botGone) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    botGone ? 'The bot stopped before it was ready (see its message above).' : `The bot did not answer ${url} within ${timeoutMs} ms.`,
  );
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
