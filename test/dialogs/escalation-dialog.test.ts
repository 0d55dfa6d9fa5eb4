import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strings } from '../../src/i18n/strings';
import { LmdbStorage } from '../../src/storage/lmdb-storage';
import { button, buttonByVerb, buttonsOf, cardsOf, lastCard, onlyCard, textOf } from '../helpers/cards';
import { createTestBot, type TestConversation } from '../helpers/test-bot';

const bot = createTestBot();
const tickets = bot.app.support.tickets;
const en = strings('en');
const fr = strings('fr');

async function submitForm(chat: TestConversation, form: Record<string, unknown>, values: Record<string, string>) {
  return chat.click(buttonByVerb(form, 'support.submit'), values);
}

const TICKET_ID = /\b(CS|MS)-[0-9A-Z]{6}\b/;

describe('escalation: asking for a person', () => {
  it('when an English user asks for someone, then one question picks the queue, the form checks the fields, and a ticket is filed', async () => {
    const chat = bot.conversation();
    await chat.say('how do I unlink my mcid');
    const question = lastCard(await chat.say('I want to talk to someone'));
    expect(textOf(question)).toContain(en.support.askQueueTitle);

    const form = onlyCard(await chat.click(button(question, en.support.queueChoices['certification-support'])));
    expect(textOf(form)).toContain(en.support.formTitle(en.support.queueNames['certification-support']));

    const invalid = onlyCard(await submitForm(chat, form, { description: 'short', email: 'not-an-email', mcid: '12ab' }));
    const shown = textOf(invalid);
    expect(shown).toContain(en.support.errors.description);
    expect(shown).toContain(en.support.errors.email);
    expect(shown).toContain(en.support.errors.mcid);
    expect(shown).not.toContain(en.support.errors.partnerId);
    expect(shown).toContain('not-an-email'); // the user's input is kept

    const done = onlyCard(
      await submitForm(chat, invalid, {
        description: 'My two certification profiles need to be merged',
        email: 'dana@contoso.com',
        mcid: '1234567',
      }),
    );
    const id = TICKET_ID.exec(textOf(done))![0];
    expect(id.startsWith('CS-')).toBe(true);
    expect(textOf(done)).toContain(en.support.confirmationTitle(id));
    expect(textOf(done)).toContain('https://learn.microsoft.com/credentials/support/');

    const stored = await tickets.get(id);
    expect(stored).toMatchObject({
      queue: 'certification-support',
      language: 'en',
      status: 'open',
      email: 'dana@contoso.com',
      mcid: '1234567',
    });
    expect(stored!.transcript.some((t) => t.text === 'how do I unlink my mcid')).toBe(true);
    expect(stored!.conversation).toMatchObject({ conversation: { id: expect.any(String) } });
  });

  it('when a French user presses "Ouvrir un ticket" on the profile-merge answer, then the form goes straight to Certification Support, in French', async () => {
    const chat = bot.conversation({ locale: 'fr-FR' });
    const answer = onlyCard(await chat.click({ verb: 'topic', data: { verb: 'topic', lang: 'fr', topicId: 'support-mcid-merge' } }));
    const form = onlyCard(await chat.click(button(answer, fr.support.openTicketButton)));
    expect(form.lang).toBe('fr');
    expect(textOf(form)).toContain(fr.support.formTitle(fr.support.queueNames['certification-support']));
    expect(textOf(form)).toContain(bot.app.kb.text('support-mcid-merge', 'fr').title);
    const done = onlyCard(await submitForm(chat, form, { description: "J'ai deux profils de certification à fusionner" }));
    const id = TICKET_ID.exec(textOf(done))![0];
    expect(textOf(done)).toContain(fr.support.confirmationTitle(id));
    expect(await tickets.get(id)).toMatchObject({ queue: 'certification-support', topic: 'support-mcid-merge', language: 'fr' });
  });

  it('when the technical-problem answer leads to a ticket, then it goes to Microsoft support', async () => {
    const chat = bot.conversation();
    const answer = onlyCard(await chat.click({ verb: 'topic', data: { verb: 'topic', lang: 'en', topicId: 'support-technical' } }));
    const form = onlyCard(await chat.click(button(answer, en.support.openTicketButton)));
    const done = onlyCard(
      await submitForm(chat, form, { description: 'Partner Center shows an error when I associate my account', errorMessage: 'Error 500' }),
    );
    expect(TICKET_ID.exec(textOf(done))![0]).toMatch(/^MS-/);
  });

  it('when the user says an answer did not help and accepts the offer, then the ticket carries that topic', async () => {
    const chat = bot.conversation();
    const answer = onlyCard(await chat.click({ verb: 'topic', data: { verb: 'topic', lang: 'en', topicId: 'unlink' } }));
    const replies = await chat.click(button(answer, en.no));
    const updated = replies.find((r) => r.type === 'invokeResponse')!.value as { body: { value: Record<string, unknown> } };
    const offer = buttonsOf(updated.body.value).find((b) => b.verb === 'support' && b.title === en.contactSupport)!;
    const form = onlyCard(await chat.click(offer));
    const done = onlyCard(await submitForm(chat, form, { description: 'Remove access is greyed out for me' }));
    const id = TICKET_ID.exec(textOf(done))![0];
    expect(await tickets.get(id)).toMatchObject({ topic: 'unlink', queue: 'microsoft-support' });
  });

  it('when two questions in a row get no answer, then the bot asks before opening a form', async () => {
    const chat = bot.conversation({ locale: 'fr-FR' });
    expect(textOf(onlyCard(await chat.say('quelle est la météo demain à Lyon')))).toContain(fr.fallbackTitle);
    const offer = onlyCard(await chat.say('et une recette de gâteau au chocolat'));
    expect(offer.lang).toBe('fr');
    expect(textOf(offer)).toContain(fr.support.twoFallbacks);
    expect(buttonsOf(offer).map((b) => b.title)).toEqual(expect.arrayContaining([fr.support.offerYes, fr.support.offerNo]));
    expect(buttonsOf(offer).some((b) => b.verb === 'support.submit')).toBe(false);
  });

  it('when the user asks support about a credit application, then the bot says it goes to Excelsior and offers the draft', async () => {
    const chat = bot.conversation();
    const answer = onlyCard(await chat.click({ verb: 'topic', data: { verb: 'topic', lang: 'en', topicId: 'credit-request-steps' } }));
    const question = onlyCard(await chat.click(button(answer, en.contactSupport)));
    expect(textOf(question)).toContain(en.support.creditApplicationNotice);
    const draft = buttonByVerb(question, 'credit.start');
    expect(draft.title).toBe(en.support.creditDraftButton);
    expect(textOf(onlyCard(await chat.click(draft)))).toContain(en.askExamTitle);
  });

  it('when the user pastes a password in the form, then it is masked before it is stored, and they are warned', async () => {
    const chat = bot.conversation();
    const question = onlyCard(await chat.say('open a ticket'));
    const form = onlyCard(await chat.click(button(question, en.support.queueChoices['microsoft-support'])));
    const replies = await submitForm(chat, form, { description: 'Linking fails, my password is Hunter2! and it still fails' });
    expect(replies.some((r) => r.text === en.support.secretWarning)).toBe(true);
    const id = TICKET_ID.exec(textOf(lastCard(replies)))![0];
    const stored = await tickets.get(id);
    expect(JSON.stringify(stored)).not.toContain('Hunter2');
    expect(stored!.description).toContain('[redacted]');
  });

  it.each([
    ['parler à un humain', 'fr'],
    ['I want to talk to someone', 'en'],
  ] as const)(
    'when the user cancels the form opened by "%s", then nothing is filed and the %s "stopped" text and the menu come once each',
    async (text, lang) => {
      const s = strings(lang);
      const chat = bot.conversation({ userId: `user-cancels-${lang}` });
      const question = onlyCard(await chat.say(text));
      const form = onlyCard(await chat.click(button(question, s.support.queueChoices['microsoft-support'])));
      const replies = await chat.click(buttonByVerb(form, 'support.cancel'));
      expect(replies.filter((r) => r.text === s.cancelled)).toHaveLength(1);
      expect(cardsOf(replies)).toHaveLength(1);
      expect(textOf(cardsOf(replies)[0])).toContain(s.menuTitle);
      expect(await tickets.listForUser({ id: `user-cancels-${lang}` })).toEqual([]);
    },
  );

  it('when the user types "annuler" on the form, then the same single "stopped" text and menu come', async () => {
    const chat = bot.conversation();
    const question = onlyCard(await chat.say('parler à un humain'));
    onlyCard(await chat.click(button(question, fr.support.queueChoices['microsoft-support'])));
    const replies = await chat.say('annuler');
    expect(replies.filter((r) => r.text === fr.cancelled)).toHaveLength(1);
    expect(cardsOf(replies)).toHaveLength(1);
  });

  it('when the user asks for "my tickets", then their tickets are listed with status', async () => {
    const chat = bot.conversation({ userId: 'user-with-tickets' });
    const form = onlyCard(await chat.click({ verb: 'support', data: { verb: 'support', lang: 'en', faqId: 'unlink' } }));
    const id = TICKET_ID.exec(textOf(onlyCard(await submitForm(chat, form, { description: 'Cannot unlink my profile at all' }))))![0];
    const list = onlyCard(await chat.say('my tickets'));
    expect(textOf(list)).toContain(id);
    expect(textOf(list)).toContain(en.support.statusNames.open);
    expect(cardsOf(await bot.conversation({ userId: 'nobody' }).say('my tickets')).map(textOf)[0]).toContain(en.support.myTicketsEmpty);
  });
});

describe('escalation: durability', () => {
  it('when the bot restarts on the same folder, then the ticket and its status are still there for the user', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'restart-'));
    const before = createTestBot({ storage: new LmdbStorage(join(dir, 'bot.mdb')) });
    const chat = before.conversation({ id: 'restart-chat', userId: 'restart-user' });
    const form = onlyCard(await chat.click({ verb: 'support', data: { verb: 'support', lang: 'en', faqId: 'unlink' } }));
    const id = TICKET_ID.exec(
      textOf(onlyCard(await chat.click(buttonByVerb(form, 'support.submit'), { description: 'Remove access does nothing' }))),
    )![0];

    const after = createTestBot({ storage: new LmdbStorage(join(dir, 'bot.mdb')) });
    const list = onlyCard(await after.conversation({ id: 'restart-chat', userId: 'restart-user' }).say('my tickets'));
    expect(textOf(list)).toContain(id);
    expect(await after.app.support.tickets.get(id)).toMatchObject({ description: 'Remove access does nothing', status: 'open' });
  });
});
