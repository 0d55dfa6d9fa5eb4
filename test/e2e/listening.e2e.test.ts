import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { strings } from '../../src/i18n/strings';
import { CHROMIUM_PATH, hasChromium } from '../../scripts/chromium';
import { send, shoot } from './playground-page';
import { openPersonalChat, SCREENSHOTS, type PlaygroundSession } from './playground-session';

// What a person meets in their first minutes, in both languages: small talk, dated verdicts,
// several exams at once, and the offer of a person after two questions the bot cannot answer.
const SKIPPED = `SKIPPED: no Chromium at ${CHROMIUM_PATH}; install it with apt-get install -y chromium`;
const suite = hasChromium() ? describe : describe.skip;
if (!hasChromium()) console.warn(`Playground listening tests ${SKIPPED}`);

suite(`a conversation that listens, in the Agents Playground${hasChromium() ? '' : ` (${SKIPPED})`}`, () => {
  let session: PlaygroundSession | undefined;
  let page: Page;

  beforeAll(async () => {
    session = await openPersonalChat();
    page = session.page;
  }, 90000);

  afterAll(() => session?.close(), 30000);

  it.each([
    ['en', 'thanks!', 'is AZ-103 retired?', 'az-900? and what about az 203'],
    ['fr', 'merci beaucoup', "l'AZ-103 est-il retiré ?", "az-900 ? et l'az 203 ?"],
  ] as const)(
    'when a %s user thanks the bot and asks about exams, then a kind reply and a dated verdict per exam come in that language',
    async (lang, thanks, retired, twoExams) => {
      const s = strings(lang);
      await send(page, thanks);
      await page.getByText(s.smallTalk.thanks).last().waitFor();
      await send(page, retired);
      await page.getByText(s.examEligible('AZ-103', 'Microsoft Azure Administrator')).last().waitFor();
      await send(page, twoExams);
      await page.getByText(s.examNotEligible('AZ-900')).last().waitFor();
      await page.getByText(s.examEligible('AZ-203', 'Developing Solutions for Microsoft Azure')).last().waitFor();
      await shoot(page, join(SCREENSHOTS, `listening-verdicts.${lang}.jpg`));
    },
    90000,
  );

  it.each([
    ['en', 'what is the weather in Paris tomorrow', 'recommend a good pizza place nearby'],
    ['fr', 'quel temps fera-t-il à Paris demain', 'conseillez-moi une bonne pizzeria'],
  ] as const)(
    'when a %s user asks two questions the bot cannot answer, then it offers a person and, on yes, the form carries the questions',
    async (lang, first, second) => {
      const s = strings(lang);
      await send(page, first);
      await page.getByText(s.fallbackTitle).last().waitFor();
      await send(page, second);
      await page.getByText(s.support.twoFallbacks).last().waitFor();
      await page.getByText(s.support.offerYes, { exact: true }).last().click();
      // Questions that do not tell the team get one question first: which team.
      await page.getByText(s.support.queueChoices['certification-support'], { exact: true }).last().click();
      await page.getByText(s.support.formReasons.unanswered).last().waitFor();
      const typed = await Promise.all((await page.locator('textarea').all()).map((box) => box.inputValue()));
      expect(typed.some((value) => value.includes(first) && value.includes(second))).toBe(true);
      await shoot(page, join(SCREENSHOTS, `listening-offer.${lang}.jpg`));
      await send(page, lang === 'fr' ? 'annuler' : 'cancel');
      await page.getByText(s.cancelled).last().waitFor();
    },
    90000,
  );
});
