import { strings } from '../../src/i18n/strings';
import { LANGUAGES, type Lang } from '../../src/i18n/language';
import type { Activity } from 'botbuilder';
import { button, buttonsOf, cardsOf, onlyCard, textOf, type Card } from '../helpers/cards';
import { ConnectorStandIn } from '../helpers/connector-stand-in';
import { createTestBot, type TestConversation } from '../helpers/test-bot';

const connector = new ConnectorStandIn();
beforeAll(() => connector.start());
afterAll(() => connector.stop());

const bot = createTestBot();
const QUESTIONS: Record<Lang, [string, string]> = {
  en: ['what is the weather in Paris tomorrow', 'my password is Hunter2! and a recipe for pancakes'],
  fr: ['quelle est la météo demain à Lyon', 'mon mot de passe est Hunter2! et une recette de crêpes'],
};

async function twoUnanswered(lang: Lang) {
  const chat = bot.conversation({ locale: lang === 'fr' ? 'fr-FR' : 'en-US' });
  await chat.say(QUESTIONS[lang][0]);
  const offer = cardsOf(await chat.say(QUESTIONS[lang][1])).pop()!;
  return { chat, offer };
}

/** The queue question comes first when the questions do not tell the queue; the form follows it. */
async function formAfter(chat: TestConversation, replies: Activity[]): Promise<Card> {
  const card = onlyCard(replies);
  const queue = buttonsOf(card).find((b) => b.verb === 'support.queue');
  return queue ? onlyCard(await chat.click(queue)) : card;
}

function descriptionOf(form: Card): string {
  const found = (form.body as unknown[]) && JSON.stringify(form).match(/"id":"description"[^}]*?"value":"([^"]*)"/);
  return found ? JSON.parse(`"${found[1]}"`) : '';
}

describe('asking before escalating', () => {
  it.each(LANGUAGES)('when a %s user presses Yes, then the form opens with both questions (password masked) and says why', async (lang) => {
    const s = strings(lang);
    const { chat, offer } = await twoUnanswered(lang);
    expect(textOf(offer)).toContain(s.support.twoFallbacks);
    // No blank line under the question: a card shows only the texts it has.
    expect(JSON.stringify(offer)).not.toContain('"text":""');
    const form = await formAfter(chat, await chat.click(button(offer, s.support.offerYes)));
    expect(form.lang).toBe(lang);
    expect(textOf(form)).toContain(s.support.formReasons.unanswered);
    const description = descriptionOf(form);
    expect(description).toContain(QUESTIONS[lang][0]);
    expect(description).toContain('[redacted]');
    expect(description).not.toContain('Hunter2');
  });

  it.each([
    ['en', 'yes please'],
    ['fr', 'oui merci'],
  ] as const)('when a %s user types "%s", then the form opens with the questions', async (lang, yes) => {
    const { chat } = await twoUnanswered(lang);
    const form = await formAfter(chat, await chat.say(yes));
    expect(textOf(form)).toContain(strings(lang).support.formReasons.unanswered);
    expect(descriptionOf(form)).toContain(QUESTIONS[lang][0]);
  });

  it.each([
    ['en', 'no thanks'],
    ['fr', 'non merci'],
  ] as const)('when a %s user types "%s", then the menu comes and no form', async (lang, no) => {
    const { chat } = await twoUnanswered(lang);
    const menu = onlyCard(await chat.say(no));
    expect(menu.lang).toBe(lang);
    expect(textOf(menu)).toContain(strings(lang).menuTitle);
  });

  it('when the user presses No, then the menu comes', async () => {
    const { chat, offer } = await twoUnanswered('en');
    expect(textOf(onlyCard(await chat.click(button(offer, strings('en').support.offerNo))))).toContain(strings('en').menuTitle);
  });

  it('when the user asks a real question instead of answering, then it is answered and the offer lapses', async () => {
    const { chat } = await twoUnanswered('en');
    expect(textOf(onlyCard(await chat.say('how do I unlink my certification profile')))).toContain(bot.app.kb.text('unlink', 'en').summary);
    const later = cardsOf(await chat.say('yes'));
    expect(later.some((c) => buttonsOf(c).some((b) => b.verb === 'support.queue' || b.verb === 'support.submit'))).toBe(false);
  });
});

describe('a person asked for in a group chat', () => {
  it.each([
    ['en', 'I need a real person'],
    ['fr', "j'ai besoin d'une vraie personne"],
  ] as const)('when a %s user asks in a group chat, then the 1:1 chat gets the form saying why, with their message', async (lang, text) => {
    const s = strings(lang);
    const mention = { type: 'mention', mentioned: { id: 'bot-id', name: 'Certification bot' }, text: '<at>Certification bot</at>' };
    const group = bot.conversation({ conversationType: 'groupChat', serviceUrl: connector.url, locale: lang === 'fr' ? 'fr-FR' : 'en-US' });
    const replies = await group.send({ type: 'message', text: `<at>Certification bot</at> ${text}`, entities: [mention] });
    expect(replies.map((r) => r.text)).toEqual([s.support.movedToPrivate]);
    const privateChat = connector.created[connector.created.length - 1].id;
    const sent = connector.to(privateChat).flatMap((c) => (c.activity.attachments as { content: Card }[] | undefined) ?? []);
    const question = sent.map((a) => a.content).pop()!;
    // The queue question comes first in the 1:1 chat; the form after it carries the message.
    const privateTurn = bot.conversation({
      id: privateChat,
      userId: `user-${group.id}`,
      serviceUrl: connector.url,
      locale: lang === 'fr' ? 'fr-FR' : 'en-US',
    });
    const form = buttonsOf(question).some((b) => b.verb === 'support.queue')
      ? onlyCard(await privateTurn.click(buttonsOf(question).find((b) => b.verb === 'support.queue')!))
      : question;
    expect(form.lang).toBe(lang);
    expect(textOf(form)).toContain(s.support.formReasons.moved);
    expect(descriptionOf(form)).toContain(text);
  });
});
