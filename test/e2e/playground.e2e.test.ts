import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { strings } from '../../src/i18n/strings';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base';
import { CHROMIUM_PATH, hasChromium } from '../../scripts/chromium';
import { mentionBot, send, shoot, type SeenActivity } from './playground-page';
import { openPlayground, SCREENSHOTS, type PlaygroundSession } from './playground-session';

const en = strings('en');
const fr = strings('fr');

const SKIPPED = `SKIPPED: no Chromium at ${CHROMIUM_PATH}; install it with apt-get install -y chromium`;
const suite = hasChromium() ? describe : describe.skip;
const title = `the bot in the Agents Playground, driven in Chromium${hasChromium() ? '' : ` (${SKIPPED})`}`;
// Jest lists skipped tests only in verbose mode: say it where every run shows it.
if (!hasChromium()) console.warn(`Playground end-to-end tests ${SKIPPED}`);

suite(title, () => {
  const seen: SeenActivity[] = [];
  let session: PlaygroundSession | undefined;
  let page: Page;
  let kb: KnowledgeBase;

  beforeAll(async () => {
    session = await openPlayground((app) => {
      kb = app.kb;
      // Keeps a copy of each activity as the Playground sent it (the bot strips the mention in place).
      const run = app.bot.run.bind(app.bot);
      app.bot.run = async (context) => {
        seen.push(JSON.parse(JSON.stringify(context.activity)) as SeenActivity);
        await run(context);
      };
    });
    page = session.page;
  }, 90000);

  afterAll(() => session?.close(), 30000);

  it('when a new user opens the personal chat, then the welcome card shows; the credit flow ends with the badge steps and the e-mail draft', async () => {
    await page.getByText('Personal Chat', { exact: true }).first().click();
    await page.getByText(en.welcomeTitle).first().waitFor();
    await shoot(page, join(SCREENSHOTS, 'personal-welcome.jpg'));

    await page.getByText(kb.area('credit').en.title).last().click();
    await page.getByText(en.creditFlowButton).last().click();
    await page.getByText(en.askExamTitle).last().waitFor();
    await send(page, 'az103');
    await page.getByText(en.verifyBadge, { exact: true }).last().click();

    const badgeSteps = page.getByText(kb.text('credit-verify-badge', 'en').title).last();
    await badgeSteps.waitFor();
    await page.getByText(en.emailTitle).last().waitFor();
    await shoot(page, join(SCREENSHOTS, 'personal-email-draft.jpg'));
    await badgeSteps.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shoot(page, join(SCREENSHOTS, 'personal-badge-steps.jpg'));
  }, 60000);

  it('when the user types a question in French, then the answer card is in French', async () => {
    await send(page, "Comment obtenir l'accès à l'Université partenaire ?");
    await page.getByText(fr.helpfulQuestion).last().waitFor();
    await page.getByText(fr.backToMenu).last().waitFor();
    await shoot(page, join(SCREENSHOTS, 'personal-french-answer.jpg'));
  }, 60000);

  it('when the bot is @mentioned in the group chat, then it answers there', async () => {
    await page.getByText('Group Chat', { exact: true }).first().click();
    await mentionBot(page, 'is AZ-104 eligible for college credit?');
    await page.getByText(en.examNotEligible('AZ-104')).last().waitFor();
    await shoot(page, join(SCREENSHOTS, 'group-chat-mention.jpg'));

    const message = seen.filter((a) => a.type === 'message').pop()!;
    expect(message.conversation.conversationType).toBe('groupChat');
    expect(message.text).toMatch(/^<at>[^<]+<\/at> is AZ-104/);
    expect(message.entities).toContainEqual(
      expect.objectContaining({ type: 'mention', mentioned: expect.objectContaining({ id: message.recipient.id }) }),
    );
  }, 60000);

  it('when the bot is @mentioned in a team channel post, then it answers in that thread', async () => {
    await page.getByText('General', { exact: true }).first().click();
    await mentionBot(page, 'is AZ-900 eligible for college credit?');
    await page.getByText(en.examNotEligible('AZ-900')).last().waitFor();
    await shoot(page, join(SCREENSHOTS, 'channel-mention.jpg'));

    const message = seen.filter((a) => a.type === 'message').pop()!;
    expect(message.conversation.conversationType).toBe('channel');
    // A reply to a post goes to "<channel>;messageid=<post>", which Teams shows as the post's thread.
    expect(message.conversation.id).toMatch(/;messageid=\d+$/);
  }, 60000);
});
