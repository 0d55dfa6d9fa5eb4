import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ENTRY = resolve(__dirname, 'fixtures/run-bot.js');
const ROOT = resolve(__dirname, '../..');

export interface BotProcess {
  readonly dataDir: string;
  /** The JSON log lines printed so far. */
  readonly events: Record<string, unknown>[];
  waitFor(event: string): Promise<Record<string, unknown>>;
  readonly exited: Promise<number | NodeJS.Signals>;
  signal(signal: NodeJS.Signals): void;
}

/** Starts the real entry point (src/index.ts) in its own process on an ephemeral port. */
export function startBotProcess(env: Record<string, string> = {}): BotProcess {
  const dataDir = mkdtempSync(join(tmpdir(), 'bot-process-'));
  const child = spawn(process.execPath, [ENTRY], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const events: Record<string, unknown>[] = [];
  const waiters = new Set<() => void>();
  let partial = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines.filter(Boolean)) events.push(JSON.parse(line) as Record<string, unknown>);
    waiters.forEach((w) => w());
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals>((done) => child.once('close', (code, signal) => done(signal ?? code ?? -1)));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.removeListener('exit', killOnExit));

  const waitFor = (event: string) =>
    new Promise<Record<string, unknown>>((done, fail) => {
      const check = () => {
        const found = events.find((e) => e.event === event);
        if (!found) return;
        waiters.delete(check);
        done(found);
      };
      waiters.add(check);
      check();
      void exited.then(() => fail(new Error(`the bot exited before logging ${event}; stderr: ${stderr}`)));
    });
  return { dataDir, events, waitFor, exited, signal: (signal) => child.kill(signal) };
}
