import type { Storage } from 'botbuilder';
import { strings } from '../../src/i18n/strings';
import { buttonByVerb, cardsOf, onlyCard, textOf } from '../helpers/cards';
import { createTestBot } from '../helpers/test-bot';

/** A store that is down: every call fails, as a network error would. */
class UnreachableStorage implements Storage {
  calls = 0;
  async read(): Promise<never> {
    this.calls++;
    throw new Error('connect ECONNREFUSED 127.0.0.1:10000');
  }
  async write(): Promise<never> {
    this.calls++;
    throw new Error('connect ECONNREFUSED 127.0.0.1:10000');
  }
  async delete(): Promise<never> {
    this.calls++;
    throw new Error('connect ECONNREFUSED 127.0.0.1:10000');
  }
}

describe('when the store is unreachable', () => {
  const storage = new UnreachableStorage();
  const bot = createTestBot({ storage });

  it('then FAQ questions are still answered, in the right language', async () => {
    const card = onlyCard(await bot.conversation({ locale: 'fr-FR' }).say("comment obtenir l'accès à l'Université partenaire ?"));
    expect(card.lang).toBe('fr');
    expect(textOf(card)).toContain(bot.app.kb.text('partner-university-access', 'fr').title);
    expect(storage.calls).toBeGreaterThan(0);
  });

  it('then a ticket cannot be filed: the user is told so, nothing internal shows, and the form comes back filled in', async () => {
    const chat = bot.conversation();
    const form = onlyCard(await chat.click({ verb: 'support', data: { verb: 'support', lang: 'en', faqId: 'unlink' } }));
    const replies = await chat.click(buttonByVerb(form, 'support.submit'), {
      description: 'Remove access does nothing at all',
      email: 'dana@contoso.com',
    });
    expect(replies.map((r) => r.text)).toContain(strings('en').support.ticketNotFiled);
    expect(JSON.stringify(replies)).not.toContain('ECONNREFUSED');
    const again = cardsOf(replies).at(-1)!;
    expect(textOf(again)).toContain('Remove access does nothing at all');
    expect(textOf(again)).toContain('dana@contoso.com');
  });
});
