import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { coldStart } from './cold-start';
import { load, type LoadOptions } from './load';
import { REPO_ROOT, type BenchChild } from './processes';
import { summarizeProfile, type ProfileLine } from './profile-summary';
import type { Scenario } from './scenarios';

const PROFILES = join(REPO_ROOT, 'dist', 'bench', 'profiles');
const pct = (line: ProfileLine) => `${(line.share * 100).toFixed(1).padStart(5)} %  ${line.name}`;

/**
 * `npm run bench -- --profile`: each process CPU-profiled (inspector, sampling every 200 µs)
 * while it serves its scenario, after a warm-up; the profiles stay in dist/bench/profiles for
 * Chrome DevTools, and a summary is printed: busy CPU per request, where it went.
 */
export async function profileUnderLoad(
  runs: readonly (readonly [BenchChild, Scenario])[],
  settings: LoadOptions & { warmup: number },
  log: (line: string) => void,
): Promise<void> {
  const dir = PROFILES;
  mkdirSync(dir, { recursive: true });
  for (const [child, scenario] of runs) {
    await load(child.url, scenario, { ...settings, duration: settings.warmup });
    const file = join(dir, `${child.name}-${scenario.name}.cpuprofile`);
    const result = await child.profile(file, () => load(child.url, scenario, settings));
    const summary = summarizeProfile(file);
    log(
      `\n${child.name}, ${scenario.name}: ${Math.round(result.rps)} req/s; ${(summary.busyMs / result.requests).toFixed(3)} ms of busy CPU per request (${file})`,
    );
    log('  where the busy time went:');
    summary.buckets.forEach((l) => log(`    ${pct(l)}`));
    log('  our functions, with their synchronous callees:');
    summary.inclusive.forEach((l) => log(`    ${pct(l)}`));
    log('  hottest functions (self time):');
    summary.hottest.forEach((l) => log(`    ${pct(l)}`));
  }
}

/** A cold start of `node dist/src/index.js` profiled from its first line to its first answer. */
export async function profileStartup(scenario: Scenario, env: Record<string, string>, log: (line: string) => void): Promise<void> {
  const dir = join(PROFILES, 'startup');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const ms = await coldStart(join(REPO_ROOT, 'dist', 'src', 'index.js'), scenario, env, dir);
  const file = join(dir, readdirSync(dir).find((f) => f.endsWith('.cpuprofile')) as string);
  const summary = summarizeProfile(file, 25);
  log(
    `\ncold start, profiled: ${Math.round(ms)} ms to the first answer; ${Math.round(summary.busyMs)} ms busy on the main thread (${file})`,
  );
  log('  where the busy time went:');
  summary.buckets.forEach((l) => log(`    ${pct(l)}`));
  log('  our functions, with their synchronous callees:');
  summary.inclusive.forEach((l) => log(`    ${pct(l)}`));
}
