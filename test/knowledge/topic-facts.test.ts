import { LANGUAGES } from '../../src/i18n/language';
import type { TopicId } from '../../src/knowledge/catalog';
import { textOf } from '../helpers/cards';
import { createTestBot } from '../helpers/test-bot';
import { onlyCard } from '../helpers/cards';

/** Facts from the topic catalog that each answer must carry, in both languages (codes, links, addresses, delays). */
const FACTS: Record<TopicId, RegExp[]> = {
  'credit-overview': [/NCCRS/, /Excelsior/, /National College Credit Recommendation Service/],
  'credit-eligible-exams': ['AZ-100', 'AZ-101', 'AZ-103', 'AZ-200', 'AZ-201', 'AZ-203', 'AZ-300', 'AZ-301', 'AZ-400'].map((c) => new RegExp(c)),
  'credit-request-steps': [/Excelsior/, /(Do not send|N'envoyez ni)[^.]*Microsoft/, /badge/i, /transcript|relevé/i],
  'credit-verify-badge': [/itcertifications@excelsior\.edu/, /https:\/\/aka\.ms\/certdashboard/, /Badge/],
  'credit-verify-transcript': [/itcertifications@excelsior\.edu/, /https:\/\/aka\.ms\/certdashboard/],
  'credit-forms': [/RE2PlKU/, /RE2P3u5/],
  'credit-more-info': [/https:\/\/www\.nationalccrs\.org\/organizations\/microsoft/, /Course Credit|Crédit de cours/],
  'link-overview': [/MPN/, /MCID/],
  'link-admin-roles': [/Global Admin|administrateur général/i, /MPN/],
  'partner-university-access': [/72/, /Partner University|Université partenaire/],
  'associate-learning-account': [/Microsoft Learning/, /MCID/],
  'link-how': [/Partner Center|Espace partenaires/, /Microsoft Learning/],
  unlink: [/Remove access|Supprimer l.accès/],
  'change-company': [/\bB\b/, /\bA\b/],
  'left-company': [/Global Admin|administrateur général/i],
  'admin-no-response': [/e-mail/i],
  'association-limit': [/support/i],
  'skills-report-delay': [/72/, /7/, /10/],
  'support-technical': [/Microsoft/, /ticket/i],
  'support-mcid-merge': [/MCID/, /Certification Support|support des certifications Microsoft/],
};

const bot = createTestBot();

describe('topic answers carry the catalog facts', () => {
  const cases = LANGUAGES.flatMap((lang) => (Object.keys(FACTS) as TopicId[]).map((id) => [id, lang] as const));
  it.each(cases)('when %s is asked for in %s, then the card carries its facts', async (topicId, lang) => {
    const card = onlyCard(await bot.conversation().click({ verb: 'topic', data: { verb: 'topic', lang, topicId } }));
    expect(card.lang).toBe(lang);
    const text = textOf(card);
    for (const fact of FACTS[topicId]) expect(text).toMatch(fact);
  });

  it('when the transcript answer is shown, then it names the three things to copy', () => {
    const kb = bot.app.kb;
    const en = JSON.stringify(kb.text('credit-verify-transcript', 'en'));
    expect(en).toMatch(/Transcript ID/);
    expect(en).toMatch(/Access Code/);
    expect(en).toMatch(/Include Address Details/);
    const fr = JSON.stringify(kb.text('credit-verify-transcript', 'fr'));
    expect(fr).toMatch(/Inclure les détails de l.adresse/);
  });
});
