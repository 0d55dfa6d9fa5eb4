import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { strings } from '../../src/i18n/strings';
import { CHROMIUM_PATH, hasChromium } from '../../scripts/chromium';
import { shoot } from './playground-page';
import { openPersonalChat, SCREENSHOTS, type PlaygroundSession } from './playground-session';

// What the Agents Playground (0.2.28) offers for message extensions: a search command and an
// action command, named by id (it reads no manifest). It does not send selectItem (a result's
// tap), so only results that carry their card can be inserted; ticket search needs that and a
// support-team identity, so it is tested through the HTTP endpoint only (README, "Tested where").
const SKIPPED = `SKIPPED: no Chromium at ${CHROMIUM_PATH}; install it with apt-get install -y chromium`;
const suite = hasChromium() ? describe : describe.skip;
if (!hasChromium()) console.warn(`Playground message extension tests ${SKIPPED}`);

async function openExtension(page: Page, kind: 'Search Command' | 'Action Command'): Promise<void> {
  await page.getByRole('button', { name: 'Trigger Message Extension App' }).click();
  await page.getByText(kind, { exact: true }).click();
}

suite(`message extensions in the Agents Playground${hasChromium() ? '' : ` (${SKIPPED})`}`, () => {
  let session: PlaygroundSession | undefined;
  let page: Page;

  beforeAll(async () => {
    session = await openPersonalChat();
    page = session.page;
  }, 90000);

  afterAll(() => session?.close(), 30000);

  it.each([
    ['en', 'how do I unlink my MCID'],
    ['fr', 'délier mon MCID'],
  ] as const)(
    'when a %s user searches answers from the compose box and picks one, then the answer card goes into the message being written',
    async (lang, query) => {
      const { title, summary } = session!.app.kb.text('unlink', lang);
      await openExtension(page, 'Search Command');
      // The Playground remembers the command from the last search, with its section open.
      if (!(await page.getByPlaceholder('Command ID').isVisible())) await page.getByText('Specify Command ID or Parameter').click();
      await page.getByPlaceholder('Command ID').fill('searchAnswers');
      await page.getByPlaceholder('Parameter name').fill('query');
      await page.getByPlaceholder('Enter a search term').fill(query);
      // The result shows the topic's title and the start of its summary, in the query's language.
      await page.getByText(title, { exact: true }).first().waitFor();
      await page.getByText(summary.replaceAll('**', '').slice(0, 20)).first().waitFor();
      await shoot(page, join(SCREENSHOTS, `search-answers.${lang}.jpg`));
      await page.getByText(title, { exact: true }).first().click();
      // Picked: the search closes and the answer card is in the compose box, ready to send.
      await page.getByText('Search-Based Message Extension').waitFor({ state: 'hidden' });
      await page.getByText(title, { exact: true }).last().waitFor();
      await shoot(page, join(SCREENSHOTS, `search-answers-picked.${lang}.jpg`));
    },
    60000,
  );

  it('when a user runs "Ask support" as an action, then the dialog opens on the intake form', async () => {
    await openExtension(page, 'Action Command');
    await page.getByPlaceholder('Input command id or leave blanks').fill('askSupport');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByText(strings('en').dialog.dialogTitle).first().waitFor();
    // Opened from the compose box there is no message to read the queue from: the dialog asks first.
    const s = strings('en').support;
    await page.getByText(s.queueChoices['certification-support']).first().click();
    await page.getByText(s.fieldDescription).first().waitFor();
    await shoot(page, join(SCREENSHOTS, 'ask-support-dialog.en.jpg'));
  }, 60000);
});
