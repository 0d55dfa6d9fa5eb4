import { strings } from '../../src/i18n/strings';
import { onlyCard, textOf } from '../helpers/cards';
import { createTestBot } from '../helpers/test-bot';
import { productionStores } from './stores';

describe.each(productionStores())('$name, shared by two bot instances', (kind) => {
  it('when a conversation starts on instance A, then instance B continues it where it was, and A again after B', async () => {
    const data = kind.fresh();
    const [a, b] = [createTestBot({ storage: data.open() }), createTestBot({ storage: data.open() })];
    // Both helpers number their first conversation alike, so these are one Teams chat seen by two instances.
    const [onA, onB] = [a.conversation({ locale: 'fr-FR' }), b.conversation({ locale: 'fr-FR' })];
    const s = strings('fr');

    const question = onlyCard(await onA.click({ verb: 'credit.start', data: { verb: 'credit.start', lang: 'fr' } }));
    expect(textOf(question)).toContain(s.askExamTitle);
    const verdict = onlyCard(await onB.say('AZ-103'));
    expect(textOf(verdict)).toContain(s.examEligible('AZ-103', 'Microsoft Azure Administrator'));
    expect(textOf(verdict)).toContain(s.askVerify);
    const replies = await onA.say('par relevé de notes');
    expect(replies.map((r) => JSON.stringify(r.attachments ?? r.text)).join('\n')).toContain('itcertifications@excelsior.edu');
  }, 30_000);
});
