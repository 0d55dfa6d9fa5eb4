import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { loadKnowledge } from '../../src/app';
import { AskSupportInvokes } from '../../src/bot/ask-support-invokes';
import { strings } from '../../src/i18n/strings';
import { silentLogger } from '../../src/logging/logger';
import { EscalationService, type TicketStore } from '../../src/support/escalation-service';
import { AskSupportDialog } from '../../src/teams/ask-support-dialog';
import { textOf, type Card } from '../helpers/cards';
import { createTestBot, testConfig } from '../helpers/test-bot';

const { supportCards, routing, recognizer } = loadKnowledge(testConfig());
const dialog = new AskSupportDialog({
  cards: supportCards,
  routing,
  topicOf: (text, lang) => recognizer.recognize(text, lang).topic,
  detectLanguage: (text) => recognizer.detectLanguage(text).lang,
});
const { app } = createTestBot();

function contextFor(value: unknown): TurnContext {
  const activity = {
    type: 'invoke',
    name: 'composeExtension/submitAction',
    channelId: 'msteams',
    locale: 'fr-FR',
    from: { id: '29:someone', name: 'Dominique' },
    recipient: { id: 'bot' },
    conversation: { id: '19:chat@thread.v2', conversationType: 'groupChat' },
    serviceUrl: 'https://smba.example.test/',
    value,
  } as Activity;
  return new TurnContext(new TestAdapter(), activity);
}

const form = {
  verb: 'support.submit',
  lang: 'fr',
  queue: 'certification-support',
  description: 'Mon badge ne s’affiche plus sur le tableau de bord.',
  mcid: '1234567',
};
const submit = { commandId: 'askSupport', commandContext: 'message', data: form };

function shownCard(response: { task?: { type?: string; value?: unknown } }): Card {
  expect(response.task?.type).toBe('continue');
  return (response.task!.value as { card: { content: Card } }).card.content;
}

describe('the dialog when a ticket cannot be filed', () => {
  it('when their 1:1 chat cannot be reached, then the form comes back with the reason on top and the values kept, and nothing is filed', async () => {
    const invokes = new AskSupportInvokes({
      dialog,
      filing: app.support.filing,
      inPrivateChat: async () => {
        throw new Error('connect ECONNREFUSED');
      },
      logger: silentLogger,
    });
    const card = shownCard(await invokes.submitAction(contextFor(submit), submit));
    expect(textOf(card)).toContain(strings('fr').dialog.privateChatUnavailable);
    expect(textOf(card)).toContain(form.description);
    expect(textOf(card)).toContain('1234567');
    expect(await app.support.tickets.listForUser({ id: '29:someone', channelId: 'msteams' })).toEqual([]);
  });

  it('when the ticket store is down, then the form comes back saying so, with the values kept', async () => {
    const down: TicketStore = {
      create: () => Promise.reject(new Error('store down')),
      get: () => Promise.reject(new Error('store down')),
      update: () => Promise.reject(new Error('store down')),
      listForUser: () => Promise.reject(new Error('store down')),
      takeSlot: () => Promise.reject(new Error('store down')),
    };
    const invokes = new AskSupportInvokes({
      dialog,
      filing: { ...app.support.filing, escalation: new EscalationService(down, [], silentLogger, 5) },
      inPrivateChat: (context, logic) => logic(context),
      logger: silentLogger,
    });
    const card = shownCard(await invokes.submitAction(contextFor(submit), submit));
    expect(textOf(card)).toContain(strings('fr').support.ticketNotFiled);
    expect(textOf(card)).toContain(form.description);
  });
});
