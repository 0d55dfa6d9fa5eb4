import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { watchChild } from '../helpers/child-output';

const ENTRY = resolve(__dirname, 'fixtures/run-bot.js');
const ROOT = resolve(__dirname, '../..');

export interface BotProcess {
  readonly dataDir: string;
  /** The JSON log lines printed so far. */
  readonly events: Record<string, unknown>[];
  /** `timeoutMs`: more for several processes starting at once on a busy machine. */
  waitFor(event: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  readonly exited: Promise<number | NodeJS.Signals>;
  signal(signal: NodeJS.Signals): void;
  stderr(): string;
}

/** Starts the real entry point (src/index.ts) in its own process on an ephemeral port. */
export function startBotProcess(env: Record<string, string> = {}): BotProcess {
  const dataDir = mkdtempSync(join(tmpdir(), 'bot-process-'));
  const child = spawn(process.execPath, [ENTRY], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = watchChild(child);
  const events = () => output.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  const waitFor = async (event: string, timeoutMs = 30_000) => {
    await output.waitUntil(() => events().some((e) => e.event === event), `the bot logging ${event}`, timeoutMs);
    return events().find((e) => e.event === event)!;
  };
  return {
    dataDir,
    get events() {
      return events();
    },
    waitFor,
    exited: output.exited,
    signal: (signal) => child.kill(signal),
    stderr: output.stderr,
  };
}
