import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { launchChromium } from './chromium';

const MANIFEST_DIR = join(__dirname, '..', '..', 'manifest');
const ICONS = [
  { source: 'icon-sources/color.svg', target: 'color.png', size: 192, outline: false },
  { source: 'icon-sources/outline.svg', target: 'outline.png', size: 32, outline: true },
];

/**
 * Renders the SVG icon sources to the PNG files the app package ships. Run it after editing an
 * SVG: `npm run icons`. The outline icon keeps a transparent background.
 */
async function main(): Promise<void> {
  const browser = await launchChromium();
  try {
    for (const icon of ICONS) {
      const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
      const svg = readFileSync(join(MANIFEST_DIR, icon.source), 'utf8');
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
      const shot = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: icon.size, height: icon.size } });
      await page.close();
      writeFileSync(join(MANIFEST_DIR, icon.target), icon.outline ? whiten(shot) : shot);
      process.stdout.write(`manifest/${icon.target} (${icon.size}x${icon.size})\n`);
    }
  } finally {
    await browser.close();
  }
}

/** Anti-aliased edges come back slightly off-white; Teams wants the outline icon white only. */
function whiten(png: Buffer): Buffer {
  const image = PNG.sync.read(png);
  for (let i = 0; i < image.data.length; i += 4) {
    const alpha = image.data[i + 3];
    image.data.fill(alpha === 0 ? 0 : 255, i, i + 3);
  }
  return PNG.sync.write(image);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
