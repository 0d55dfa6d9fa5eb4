import { strings } from '../../src/i18n/strings';
import { ERASED } from '../../src/support/ticket-repository';
import { button, buttonByVerb, onlyCard, textOf } from '../helpers/cards';
import { createTestBot } from '../helpers/test-bot';

const bot = createTestBot();

describe('forget me', () => {
  it('when a French user says "oublie-moi" and confirms, then their state and the personal data in their tickets are deleted', async () => {
    const fr = strings('fr');
    const chat = bot.conversation({ userId: 'forgetful', locale: 'fr-FR' });
    await chat.say('English please: how do I unlink my profile');
    const form = onlyCard(await chat.click({ verb: 'support', data: { verb: 'support', lang: 'fr', faqId: 'unlink' } }));
    const id = /MS-[0-9A-Z]{6}/.exec(
      textOf(
        onlyCard(
          await chat.click(buttonByVerb(form, 'support.submit'), {
            description: 'Je ne peux pas délier mon profil',
            email: 'camille@contoso.fr',
            mcid: '5551234',
          }),
        ),
      ),
    )![0];

    const confirm = onlyCard(await chat.say('oublie-moi'));
    expect(textOf(confirm)).toContain(fr.forgetTitle);
    const replies = await chat.click(button(confirm, fr.forgetYes));
    expect(replies.map((r) => r.text)).toContain(fr.forgotten);

    const ticket = (await bot.app.support.tickets.get(id))!;
    expect(ticket.status).toBe('open');
    expect(ticket.description).toBe(ERASED);
    expect(JSON.stringify(ticket)).not.toMatch(/camille@contoso\.fr|5551234|Je ne peux pas/);
    const userState = await bot.storage.read([`msteams/users/forgetful/`]);
    expect(JSON.stringify(userState)).not.toContain('"language"');
    const conversation = await bot.storage.read([`msteams/conversations/${chat.id}/`]);
    expect(JSON.stringify(conversation)).not.toContain('English please');
  });

  it('when the user answers no, then nothing is deleted', async () => {
    const en = strings('en');
    const chat = bot.conversation({ userId: 'keeps-data' });
    await chat.say('how do I unlink my certification profile');
    const confirm = onlyCard(await chat.say('forget me'));
    const replies = await chat.click(button(confirm, en.forgetNo));
    expect(replies.map((r) => r.text)).toContain(en.forgetKept);
    expect(JSON.stringify(await bot.storage.read(['msteams/users/keeps-data/']))).toContain('"language":"en"');
  });
});
