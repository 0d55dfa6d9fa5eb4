import { strings } from '../../src/i18n/strings';
import { LANGUAGES, type Lang } from '../../src/i18n/language';
import { LINKING_SITUATIONS, type LinkingSituation } from '../../src/knowledge/catalog';
import { button, buttonByVerb, onlyCard, textOf } from '../helpers/cards';
import { createTestBot } from '../helpers/test-bot';

const bot = createTestBot();
const kb = bot.app.kb;

async function openSituations(lang: Lang) {
  const s = strings(lang);
  const chat = bot.conversation({ locale: lang === 'fr' ? 'fr-FR' : 'en-US' });
  const menu = onlyCard(await chat.install());
  const area = onlyCard(await chat.click(buttonByVerb(menu, 'area', (d) => d.area === 'linking')));
  const question = onlyCard(await chat.click(button(area, s.linkingFlowButton)));
  return { chat, question };
}

describe('account linking flow', () => {
  it('offers the seven situations of the catalog', () => {
    expect(LINKING_SITUATIONS).toEqual([
      'link-how',
      'change-company',
      'left-company',
      'unlink',
      'admin-no-response',
      'association-limit',
      'skills-report-delay',
    ]);
  });

  const cases = LANGUAGES.flatMap((lang) => LINKING_SITUATIONS.map((topic) => [lang, topic] as [Lang, LinkingSituation]));
  it.each(cases)('when a user in %s picks the situation for %s, then that answer comes in that language', async (lang, topic) => {
    const { chat, question } = await openSituations(lang);
    const answer = onlyCard(await chat.click(button(question, strings(lang).situations[topic])));
    expect(answer.lang).toBe(lang);
    expect(textOf(answer)).toContain(kb.text(topic, lang).summary);
  });

  it.each([
    ['en', 'I am moving to a new company, what happens to my MCID link', 'change-company'],
    ['fr', "je change d'entreprise, que devient la liaison de mon MCID", 'change-company'],
    ['en', 'my assessments are not showing in the skills report', 'skills-report-delay'],
  ] as const)('when a user in %s describes the situation in words ("%s"), then the answer for %s comes', async (lang, text, topic) => {
    const { chat } = await openSituations(lang);
    const answer = onlyCard(await chat.say(text));
    expect(textOf(answer)).toContain(kb.text(topic, lang).summary);
  });
});
