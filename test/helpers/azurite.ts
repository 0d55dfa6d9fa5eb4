import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { freePort } from './free-port';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const HOST = '127.0.0.1';
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
// Run the bin itself: through npx, npm 11 swallows azurite's options.
const BIN = resolve(__dirname, '../../node_modules/.bin/azurite-blob');

export interface Azurite {
  readonly connectionString: string;
  readonly port: number;
  stop(): Promise<void>;
  /** Stops the service, keeping its data, so `resume` brings it back. */
  pause(): Promise<void>;
  /** Starts the service again on the same port and data. */
  resume(): Promise<void>;
}

/** A private Azurite blob service on a free loopback port, with its data in a temporary folder. */
export async function startAzurite(): Promise<Azurite> {
  let lastError: unknown;
  // Another process may take the port between our probe and Azurite's bind: try a new one.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort(HOST);
    const location = mkdtempSync(join(tmpdir(), 'azurite-'));
    const launch = () =>
      spawn(
        BIN,
        ['--location', location, '--blobHost', HOST, '--blobPort', String(port), '--disableTelemetry', '--skipApiVersionCheck', '--silent'],
        {
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
    let child = launch();
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    const stop = async () => {
      process.removeListener('exit', killOnExit);
      await kill(child);
      rmSync(location, { recursive: true, force: true });
    };
    const pause = () => kill(child);
    const resume = async () => {
      child = launch();
      // It reloads its data first: longer than a fresh start on a busy machine.
      await waitForPort(port, child, 60_000);
    };
    try {
      await waitForPort(port, child);
      const connectionString =
        `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${ACCOUNT_KEY};` +
        `BlobEndpoint=http://${HOST}:${port}/devstoreaccount1;`;
      return { connectionString, port, stop, pause, resume };
    } catch (error) {
      lastError = error;
      await stop();
    }
  }
  throw lastError;
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs = 15_000): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`azurite exited (${child.exitCode ?? child.signalCode}): ${stderr}`);
    if (await accepts(port)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`azurite did not listen on ${port} within ${timeoutMs} ms: ${stderr}`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolveAccepts) => {
    const socket = createConnection({ host: HOST, port });
    socket.once('connect', () => {
      socket.destroy();
      resolveAccepts(true);
    });
    socket.once('error', () => resolveAccepts(false));
  });
}

/** SIGTERM (or the signal given), then SIGKILL if it has not exited within a second. */
function kill(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveKill) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 1000);
    child.once('exit', () => {
      clearTimeout(force);
      resolveKill();
    });
    child.kill(signal);
  });
}
