import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { toolProcessEnv } from '../src/config/package-config';

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://localhost:3978/api/messages. */
  readonly endpoint: string;
  /** Asked for with -p; the Playground picks another port if this one is taken. */
  readonly port?: number;
  /** Working folder: the Playground writes devTools/ and reads its config file there. */
  readonly cwd?: string;
  /** For a bot that requires channel tokens: the Playground then gets real tokens from Entra ID. */
  readonly auth?: { readonly clientId: string; readonly clientSecret?: string; readonly tenantId?: string };
  readonly extraArgs?: readonly string[];
  /** Called with each chunk the Playground prints. */
  readonly onOutput?: (text: string) => void;
  readonly startTimeoutMs?: number;
}

export interface RunningPlayground {
  readonly url: string;
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** Starts the Agents Playground (Teams channel, telemetry off, no browser) and waits until it listens. */
export function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const cli = join(dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
  const args = [cli, '-e', options.endpoint, '-c', 'msteams', '--dt'];
  if (options.port !== undefined) args.push('-p', String(options.port));
  if (options.auth) {
    args.push('--client-id', options.auth.clientId);
    if (options.auth.clientSecret) args.push('--client-secret', options.auth.clientSecret);
    if (options.auth.tenantId) args.push('--tenant-id', options.auth.tenantId);
  }
  args.push(...(options.extraArgs ?? []));
  // Without TEAMSAPPTESTER_BROWSER=none the Playground tries to open a browser and exits when it cannot.
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: toolProcessEnv({ TEAMSAPPTESTER_BROWSER: 'none' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => fail(new Error(`the Playground did not start within ${options.startTimeoutMs ?? 30000} ms`)),
      options.startTimeoutMs ?? 30000,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      void stopChild(child).then(() => reject(new Error(`${error.message}\n${output}`)));
    };
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      options.onOutput?.(text);
      const port = /Listening on (\d+)/.exec(output)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ url: `http://localhost:${port}`, exited, stop: () => stopChild(child) });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', fail);
    void exited.then((code) => fail(new Error(`the Playground exited with code ${code}`)));
  });
}

/** SIGTERM, then SIGKILL if the process is still there after a few seconds. */
export async function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await gone;
  clearTimeout(timer);
}
