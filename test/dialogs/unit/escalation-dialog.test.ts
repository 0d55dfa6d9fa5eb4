import { MemoryStorage } from 'botbuilder';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { EscalationDialog, type EscalationOptions } from '../../../src/dialogs/escalation-dialog';
import type { EscalationDeps } from '../../../src/dialogs/ticket-filing';
import { LANGUAGES, type Lang } from '../../../src/i18n/language';
import { strings } from '../../../src/i18n/strings';
import { silentLogger } from '../../../src/logging/logger';
import { EscalationService, type TicketStore } from '../../../src/support/escalation-service';
import { TicketRepository } from '../../../src/support/ticket-repository';
import { textOf } from '../../helpers/cards';
import { cardsSent, dialogClient, press } from '../../helpers/dialog-client';
import { loadContent } from '../../../src/app';
import { testConfig } from '../../helpers/test-bot';

// Asking for a person, alone: which queue, the form, the ticket; (what the user does, what they see).
const { supportCards, routing } = loadContent(testConfig());

function deps(store: TicketStore = new TicketRepository(new MemoryStorage())): EscalationDeps {
  return {
    cards: supportCards,
    routing,
    escalation: new EscalationService(store, [], silentLogger),
    recentTurns: async () => [],
    lookupEmail: async () => undefined,
    isRouted: async () => true,
  };
}

const start = (lang: Lang, options: EscalationOptions, store?: TicketStore) =>
  dialogClient(new EscalationDialog(deps(store)), lang, options);
const VALID = { description: 'My two certification profiles need to be merged', email: 'dana@contoso.com', mcid: '1234567' };
const TICKET_ID = /\b(?:CS|MS)-[0-9A-Z]{6}\b/;

describe('EscalationDialog on its own', () => {
  it.each(LANGUAGES)('when the topic tells the queue (%s), then the form for that queue comes at once', async (lang) => {
    const s = strings(lang).support;
    const client = start(lang, { topic: 'support-mcid-merge' });
    const [form] = cardsSent(client, await client.sendActivity('help'));
    expect(form.lang).toBe(lang);
    expect(textOf(form)).toContain(s.formTitle(s.queueNames['certification-support']));
  });

  const queues = LANGUAGES.flatMap((lang) => (['certification-support', 'microsoft-support'] as const).map((queue) => ({ lang, queue })));
  it.each(queues)(
    'when nothing tells the queue ($lang), then one question asks it, and choosing $queue opens its form',
    async ({ lang, queue }) => {
      const s = strings(lang).support;
      const client = start(lang, { topic: null, text: 'I want to talk to someone' });
      const [question] = cardsSent(client, await client.sendActivity('I want to talk to someone'));
      expect(textOf(question)).toContain(s.askQueueTitle);
      expect(textOf(question)).toContain(s.queueChoices[queue]);
      const [form] = cardsSent(client, await client.sendActivity(press({ verb: 'support.queue', lang, queue })));
      expect(textOf(form)).toContain(s.formTitle(s.queueNames[queue]));
    },
  );

  it.each(LANGUAGES)(
    'when the form comes back with bad fields (%s), then each problem is named and what was typed is kept',
    async (lang) => {
      const s = strings(lang).support;
      const client = start(lang, { topic: 'support-mcid-merge' });
      await client.sendActivity('help');
      const [again] = cardsSent(
        client,
        await client.sendActivity(press({ verb: 'support.submit', lang, description: 'short', email: 'not-an-email' })),
      );
      expect(textOf(again)).toContain(s.errors.description);
      expect(textOf(again)).toContain(s.errors.email);
      expect(textOf(again)).not.toContain(s.errors.mcid);
      expect(textOf(again)).toContain('not-an-email');
      expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
    },
  );

  it.each(LANGUAGES)(
    'when the form is complete (%s), then the ticket is filed, confirmed by its id, and the dialog ends with that id',
    async (lang) => {
      const store = new TicketRepository(new MemoryStorage());
      const client = start(lang, { topic: 'support-mcid-merge' }, store);
      await client.sendActivity('help');
      const [done] = cardsSent(client, await client.sendActivity(press({ verb: 'support.submit', lang, ...VALID })));
      const id = TICKET_ID.exec(textOf(done))![0];
      expect(textOf(done)).toContain(strings(lang).support.confirmationTitle(id));
      expect(client.dialogTurnResult).toMatchObject({ status: DialogTurnStatus.complete, result: id });
      expect(await store.get(id)).toMatchObject({ queue: 'certification-support', language: lang, email: VALID.email });
    },
  );

  it.each(LANGUAGES)(
    'when the store cannot file the ticket (%s), then the user is told and the form comes back filled in',
    async (lang) => {
      const down: TicketStore = {
        create: () => Promise.reject(new Error('disk full')),
        get: async () => undefined,
        update: () => Promise.reject(new Error('disk full')),
        listForUser: async () => [],
        takeSlot: async () => true,
      };
      const client = start(lang, { topic: 'support-mcid-merge' }, down);
      await client.sendActivity('help');
      const first = await client.sendActivity(press({ verb: 'support.submit', lang, ...VALID }));
      expect(first.text).toBe(strings(lang).support.ticketNotFiled);
      const [form] = cardsSent(client, client.getNextReply());
      expect(textOf(form)).toContain(VALID.description);
      expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
    },
  );
});
