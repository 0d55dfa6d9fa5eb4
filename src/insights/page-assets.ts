import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface Asset {
  readonly type: string;
  readonly body: Buffer;
}

export interface PageAssets {
  /** index.html with `{{lang}}`, `{{title}}` and `{{data}}` to fill. */
  readonly html: string;
  /** The files the page loads, by name under /insights/. */
  readonly files: ReadonlyMap<string, Asset>;
}

const JS = 'text/javascript; charset=utf-8';

/**
 * A package's file, wherever npm put the package: served from node_modules, never from a CDN.
 * Found from the package's main entry (chart.js does not export its package.json).
 */
function packageFile(pkg: string, file: string): string {
  for (let dir = dirname(require.resolve(pkg)); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === pkg) return join(dir, file);
  }
  throw new Error(`loadPageAssets(): the package ${pkg} is not installed`);
}

/**
 * Everything the page needs, read once at start-up: a missing file stops the start instead of a
 * broken page later, and requests can only name files in this fixed list.
 */
export function loadPageAssets(pageDir: string): PageAssets {
  const files = new Map<string, Asset>([
    ['insights.js', { type: JS, body: readFileSync(join(pageDir, 'insights.js')) }],
    ['insights.css', { type: 'text/css; charset=utf-8', body: readFileSync(join(pageDir, 'insights.css')) }],
    ['chart.umd.min.js', { type: JS, body: readFileSync(packageFile('chart.js', 'dist/chart.umd.min.js')) }],
    ['teams-js.min.js', { type: JS, body: readFileSync(packageFile('@microsoft/teams-js', 'dist/umd/MicrosoftTeams.min.js')) }],
  ]);
  return { html: readFileSync(join(pageDir, 'index.html'), 'utf8'), files };
}

/** Fills the page template; the data goes in a JSON block whose `<` cannot close the script element. */
export function fillPage(html: string, values: { lang: string; title: string; data: unknown }): string {
  const json = JSON.stringify(values.data).replace(/</g, '\\u003c');
  const title = values.title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  // Replacer functions: a `$&` in the data must stay as it is.
  return html
    .replace('{{lang}}', () => values.lang)
    .replace('{{title}}', () => title)
    .replace('{{data}}', () => json);
}
