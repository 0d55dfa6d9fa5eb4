import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { PackageConfig } from '../../src/config/package-config';
import { commandOf } from '../../src/dialogs/text-commands';
import { fillTemplate, placeholderValues } from './template';
import { localizationFiles, validatePackage } from './validate';

export interface BuiltPackage {
  /** The package's files by name inside the zip, placeholders filled. */
  readonly files: ReadonlyMap<string, Buffer>;
  /** Empty when the package may be written. */
  readonly problems: readonly string[];
}

type Json = Record<string, unknown>;

// A name from the manifest becomes a path under manifest/: nothing may climb out of it.
const SAFE_NAME = /^(?!.*\.\.)[\w.-]+(\/[\w.-]+)*$/;

/**
 * Fills the templates in `templateDir` (manifest/) with the configuration, gathers the files the
 * manifest refers to and validates the result. Nothing is written here.
 */
export async function buildAppPackage(templateDir: string, config: PackageConfig): Promise<BuiltPackage> {
  const values = placeholderValues(config);
  const files = new Map<string, Buffer>();
  const problems: string[] = [];

  const add = (name: string, json: boolean): void => {
    const path = join(templateDir, name);
    if (!SAFE_NAME.test(name)) return void problems.push(`manifest.json: "${name}" must be a file name inside manifest/`);
    if (!existsSync(path)) return void problems.push(`manifest/${name}: missing (manifest.json refers to it)`);
    if (!json) return void files.set(name, readFileSync(path));
    const filled = fillTemplate(name, readFileSync(path, 'utf8'), values);
    problems.push(...filled.problems);
    files.set(name, Buffer.from(filled.text, 'utf8'));
  };

  add('manifest.json', true);
  const manifest = parse(files.get('manifest.json'));
  if (manifest) {
    for (const icon of Object.values((manifest.icons ?? {}) as Json)) if (typeof icon === 'string') add(icon, false);
    for (const file of localizationFiles(manifest)) add(file, true);
  }

  // A command title is what Teams sends as the message: the bot's own matcher decides whether it is one.
  const isCommand = (title: string) => commandOf(title) !== undefined;
  problems.push(...(await validatePackage(files, { botId: config.botId, isCommand })));
  return { files, problems };
}

/** The zip Teams accepts: every file at the root. A fixed date makes the same input give the same bytes. */
export async function zipPackage(files: ReadonlyMap<string, Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  const date = new Date('2000-01-01T00:00:00Z');
  for (const [name, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) zip.file(name, content, { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
}

function parse(content: Buffer | undefined): Json | undefined {
  try {
    return content ? (JSON.parse(content.toString('utf8')) as Json) : undefined;
  } catch {
    return undefined;
  }
}
