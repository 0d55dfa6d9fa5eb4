import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadKnowledge } from '../src/app';
import { loadConfigFromProcess } from '../src/config/config';
import { renderAllCards } from '../src/views/card-samples';
import { launchChromium } from './chromium';
import { TEAMS_CARD_CSS, TEAMS_HOST_CONFIG, teamsMarkdown } from './cards-preview/teams-host-config';

// Compiled to dist/scripts/: the repository root is two levels up.
const ROOT = join(__dirname, '..', '..');
/** Cards shown besides the first of each kind: the credit flow's key moments. */
const ALSO_SHOWN = ['answer:credit-verify-badge', 'answer:exam-not-eligible', 'exam-verdict:not-eligible'];

/**
 * `npm run cards:preview`: renders the cards with the Adaptive Cards renderer in Chromium, in
 * both languages, to PNG files. By default one card of each kind plus ALSO_SHOWN go to docs/cards/
 * (kept small for the repository); with `--all`, every card goes to dist/cards-preview/.
 */
async function main(): Promise<void> {
  const all = process.argv.includes('--all');
  const outDir = join(ROOT, all ? 'dist/cards-preview' : 'docs/cards');
  const config = loadConfigFromProcess();
  const { kb, cards } = loadKnowledge(config);
  const samples = renderAllCards(kb, cards);
  const firstOfKind = new Set(samples.map((s) => s.name).filter((name, i, names) => names.findIndex((n) => kind(n) === kind(name)) === i));
  const chosen = all ? samples : samples.filter((s) => firstOfKind.has(s.name) || ALSO_SHOWN.includes(s.name));

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 504, height: 400 } });
    await page.setContent(`<html><head><style>${TEAMS_CARD_CSS}</style></head><body><div id="card"></div></body></html>`);
    await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
    await page.evaluate(`window.teamsMarkdown = ${teamsMarkdown.toString()}`);
    for (const sample of chosen) {
      const warnings = await page.evaluate(renderInPage, { card: sample.card, hostConfig: TEAMS_HOST_CONFIG });
      const file = join(outDir, `${sample.name.replace(/[^a-z0-9-]+/gi, '-')}.${sample.lang}.png`);
      await page.locator('#card').screenshot({ path: file });
      process.stdout.write(`${relative(process.cwd(), file)}${warnings.length ? `  (renderer: ${warnings.join('; ')})` : ''}\n`);
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(`${readdirSync(outDir).length} images in ${relative(process.cwd(), outDir)}/\n`);
}

const kind = (name: string) => name.split(':')[0];

/** Runs in the page: parse with the Teams-like host config, render into #card, return the parser's warnings. */
function renderInPage({ card, hostConfig }: { card: Record<string, unknown>; hostConfig: unknown }): string[] {
  /* eslint-disable @typescript-eslint/no-explicit-any */
  const AC = (globalThis as any).AdaptiveCards;
  AC.AdaptiveCard.onProcessMarkdown = (text: string, result: any) => {
    result.outputHtml = (globalThis as any).teamsMarkdown(text);
    result.didProcess = true;
  };
  const adaptiveCard = new AC.AdaptiveCard();
  adaptiveCard.hostConfig = new AC.HostConfig(hostConfig);
  const context = new AC.SerializationContext();
  adaptiveCard.parse(card, context);
  const root = (globalThis as any).document.getElementById('card');
  root.replaceChildren(adaptiveCard.render());
  const warnings: string[] = [];
  for (let i = 0; i < context.eventCount; i++) warnings.push(context.getEventAt(i).message);
  // adaptivecards 3.0.6 checks "lang" with a global regex, so every other card gets a false warning.
  return warnings.filter((w) => !/for property "lang"/.test(w));
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
