import type { Page } from 'playwright-core';

/** The fields of an incoming activity the e2e tests look at. */
export interface SeenActivity {
  readonly type: string;
  readonly text?: string;
  readonly conversation: { readonly id: string; readonly conversationType?: string };
  readonly recipient: { readonly id: string; readonly name?: string };
  readonly entities?: Record<string, unknown>[];
}

/** The Playground's default name for the bot under test, as its @mention picker lists it. */
export const PLAYGROUND_BOT_NAME = 'Test Bot';

const composer = (page: Page) => page.locator('[data-lexical-editor="true"]').first();

export async function send(page: Page, text: string): Promise<void> {
  await composer(page).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Types "@", picks the bot in the Playground's mention picker, then the question, as a person does. */
export async function mentionBot(page: Page, text: string): Promise<void> {
  await composer(page).click();
  await page.keyboard.type('@');
  await page.locator('#typeahead-menu').getByText(PLAYGROUND_BOT_NAME, { exact: true }).click();
  await page.keyboard.type(` ${text}`);
  await page.keyboard.press('Enter');
}

/** JPEG of the chat (navigation and conversation, not the log panel): small enough to commit. */
export async function shoot(page: Page, path: string): Promise<void> {
  // Cards render in steps; a short settle keeps half-drawn cards out of the picture.
  await page.waitForTimeout(500);
  const { width, height } = page.viewportSize()!;
  await page.screenshot({ path, type: 'jpeg', quality: 60, clip: { x: 0, y: 0, width: Math.min(width, 950), height } });
}
