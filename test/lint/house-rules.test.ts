import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The lint rules themselves, run on small probes through the project's own configs, so a change
// to eslint.config.mjs or .dependency-cruiser.cjs that stops a rule from firing fails here.

const ROOT = join(__dirname, '..', '..');

interface Probe {
  /** Where the probe pretends to live: the config's per-folder rules key on it. */
  readonly file: string;
  readonly code: string;
}

/** The rule ids ESLint reports for each probe (one Node process for all, with the flat config). */
function eslintRules(probes: readonly Probe[]): string[][] {
  const script = `
    import { ESLint } from 'eslint';
    const eslint = new ESLint({ cwd: process.cwd() });
    const probes = JSON.parse(process.env.PROBES);
    const found = [];
    for (const probe of probes) {
      const [result] = await eslint.lintText(probe.code, { filePath: probe.file });
      found.push(result.messages.map((m) => m.ruleId ?? m.message));
    }
    console.log(JSON.stringify(found));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    env: { ...process.env, PROBES: JSON.stringify(probes) },
    encoding: 'utf8',
  });
  return JSON.parse(out) as string[][];
}

const BOTBUILDER = "import type { Storage } from 'botbuilder';\nexport type S = Storage;\n";
const DIALOGS = "import type { UserInput } from '../dialogs/user-input';\nexport type U = UserInput;\n";
const DOUBLE_CAST = 'export const n = ("1" as unknown as number) + 1;\n';

describe('ESLint house rules', () => {
  const cases: readonly [string, Probe, string[]][] = [
    ['a support/ file imports botbuilder', { file: 'src/support/probe.ts', code: BOTBUILDER }, ['no-restricted-imports']],
    ['a knowledge/ file imports botbuilder', { file: 'src/knowledge/probe.ts', code: BOTBUILDER }, ['no-restricted-imports']],
    ['a views/ file imports botbuilder', { file: 'src/views/probe.ts', code: BOTBUILDER }, ['no-restricted-imports']],
    ['an i18n/ file imports botbuilder', { file: 'src/i18n/probe.ts', code: BOTBUILDER }, ['no-restricted-imports']],
    ['a feedback/ file imports botbuilder', { file: 'src/feedback/probe.ts', code: BOTBUILDER }, ['no-restricted-imports']],
    ['a bot/ file imports botbuilder', { file: 'src/bot/probe.ts', code: BOTBUILDER }, []],
    ['a storage/ file imports botbuilder', { file: 'src/storage/probe.ts', code: BOTBUILDER }, []],
    ['a views/ file imports dialogs/', { file: 'src/views/probe.ts', code: DIALOGS }, ['no-restricted-imports']],
    ['a bot/ file imports dialogs/', { file: 'src/bot/probe.ts', code: DIALOGS }, []],
    ['a support/ file casts through unknown', { file: 'src/support/probe.ts', code: DOUBLE_CAST }, ['no-restricted-syntax']],
    ['a test casts through unknown', { file: 'test/support/probe.test.ts', code: DOUBLE_CAST }, ['no-restricted-syntax']],
    ['the proactive messenger casts through unknown', { file: 'src/bot/proactive-messenger.ts', code: DOUBLE_CAST }, []],
    ['a line of code is 141 characters', { file: 'src/support/probe.ts', code: `export const x = [${'1, '.repeat(40)}1];\n` }, ['max-len']],
    ['a long string alone makes the line long', { file: 'src/support/probe.ts', code: `export const x = '${'a'.repeat(150)}';\n` }, []],
  ];
  const found = eslintRules(cases.map(([, probe]) => probe));

  it.each(cases.map(([when, , rules], i) => [when, rules, i] as const))('when %s, then ESLint reports %j', (_when, rules, i) => {
    expect(found[i]).toEqual(rules);
  });
});

describe('import cycles', () => {
  it('when two modules import only types from each other, then dependency-cruiser reports the cycle', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cycle-'));
    try {
      writeFileSync(join(dir, 'a.ts'), "import type { B } from './b';\nexport interface A { readonly b?: B }\n");
      writeFileSync(join(dir, 'b.ts'), "import type { A } from './a';\nexport interface B { readonly a?: A }\n");
      const run = spawnSync(
        join(ROOT, 'node_modules', '.bin', 'depcruise'),
        ['--config', '.dependency-cruiser.cjs', '--output-type', 'err', dir],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      );
      expect(run.status).not.toBe(0);
      expect(run.stdout).toContain('no-circular');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
