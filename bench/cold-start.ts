import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './processes';
import type { Scenario } from './scenarios';

/** A loopback port free right now (the OS picks it; a race with another program is unlikely). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Milliseconds from spawning `node <script>` to the first right answer to the scenario's
 * request: module loading, content checks, training, listening, and the first turn. The
 * request is retried every 5 ms until the port answers. With `profileDir`, the process is
 * CPU-profiled from its first line (`--cpu-prof`).
 */
export async function coldStart(script: string, scenario: Scenario, env: Record<string, string>, profileDir?: string): Promise<number> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-cold-'));
  const started = performance.now();
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...profile, script], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${script} exited with code ${child.exitCode} before answering`);
      const answer = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(scenario.body()),
      }).then(
        async (res) => ({ status: res.status, body: await res.text() }),
        () => undefined,
      );
      if (answer?.status === 200 && scenario.verify(answer.body)) return performance.now() - started;
      if (answer) throw new Error(`${script}: first answer was ${answer.status}: ${answer.body.slice(0, 300)}`);
      await sleep(5);
      if (performance.now() - started > 30_000) throw new Error(`${script} did not answer within 30 s`);
    }
  } finally {
    // A profiled bot stops gracefully (SIGINT), so node writes its profile on the way out.
    const exited = new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
    child.kill(profileDir ? 'SIGINT' : 'SIGKILL');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}
