import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadPackageConfigFromProcess } from '../src/config/package-config';
import { buildAppPackage, zipPackage } from './app-package/build';

// Compiled to dist/scripts/: the repository root is two levels up.
const ROOT = join(__dirname, '..', '..');
const TEMPLATE_DIR = join(ROOT, 'manifest');
const OUT_DIR = join(ROOT, 'dist', 'app-package');

/** `npm run package`: fills manifest/ from the configuration, validates, then writes the zip. */
async function main(): Promise<void> {
  const config = loadPackageConfigFromProcess();
  const built = await buildAppPackage(TEMPLATE_DIR, config);
  if (built.problems.length > 0) {
    throw new Error(`The app package was not written:\n${built.problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  const slug =
    config.nameShort
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'teams-app';
  const zipPath = join(OUT_DIR, `${slug}-${config.version}.zip`);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(zipPath, await zipPackage(built.files));
  process.stdout.write(
    [
      `Wrote ${relative(process.cwd(), zipPath)}`,
      `  Teams app id ${config.appId}, version ${config.version}`,
      `  bot id       ${config.botId}`,
      `  files        ${[...built.files.keys()].join(', ')}`,
      'Upload it in Teams: Apps > Manage your apps > Upload an app (or the Teams admin center > Manage apps > Upload).',
      '',
    ].join('\n'),
  );
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
