import { LANGUAGES } from '../../src/i18n/language';
import { COLLEGE_CREDIT_URL, strings } from '../../src/i18n/strings';
import type { TopicId } from '../../src/knowledge/catalog';
import { renderAllCards } from '../../src/views/card-samples';
import { onlyCard, textOf } from '../helpers/cards';
import { createTestBot } from '../helpers/test-bot';

/** Facts from the topic catalog that each answer must carry, in both languages (codes, links, addresses, delays). */
const FACTS: Record<TopicId, RegExp[]> = {
  'credit-overview': [/NCCRS/, /Excelsior/, /National College Credit Recommendation Service/],
  'credit-eligible-exams': ['AZ-100', 'AZ-101', 'AZ-103', 'AZ-200', 'AZ-201', 'AZ-203', 'AZ-300', 'AZ-301', 'AZ-400'].map(
    (c) => new RegExp(c),
  ),
  'credit-request-steps': [/Excelsior/, /(Do not send|N'envoyez ni)[^.]*Microsoft/, /badge/i, /transcript|relevé/i],
  'credit-verify-badge': [/itcertifications@excelsior\.edu/, /https:\/\/aka\.ms\/certdashboard/, /Badge/],
  'credit-verify-transcript': [/itcertifications@excelsior\.edu/, /https:\/\/aka\.ms\/certdashboard/],
  'credit-badge-or-transcript': [
    /itcertifications@excelsior\.edu/,
    /[Bb]adge/,
    /transcript|relevé/i,
    /(Send nothing|N'envoyez rien)[^.]*Microsoft/,
  ],
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

/** Every card the bot can send, in both languages, rendered from the shipped content. */
const everyCard = () => renderAllCards(bot.app.kb, bot.app.cards).map((r) => ({ ...r, text: textOf(r.card) }));
/** The same, without the source line: a dated source keeps its own title, old names included. */
const withoutSource = (text: string) =>
  text
    .split('\n')
    .filter((line) => !/^Source ?: /.test(line))
    .join('\n');

// Old names stay in the example questions so users who search for them still match; a card
// that says an old name says today's one beside it.
const RENAMES: { old: RegExp; today: RegExp }[] = [
  { old: /Excelsior College/, today: /Excelsior University/ },
  { old: /Microsoft Partner Network|\bMPN\b/, today: /Microsoft AI Cloud Partner Program/ },
  { old: /Azure AD\b/, today: /Microsoft Entra ID/ },
  { old: /Certification Dashboard|tableau de bord des certifications/i, today: /Microsoft Learn/ },
];

describe('the content says what is true today', () => {
  it('when any card is rendered, then none says an exam "does not qualify" or that credit is out of reach', () => {
    const cards = everyCard();
    expect(cards.length).toBeGreaterThan(40);
    for (const { name, lang, text } of cards) {
      expect(`${name} ${lang}: ${text}`).not.toMatch(
        /does(?: not|n't) qualify|ne donne (?:donc )?pas droit|cannot get credit|no credit for/i,
      );
    }
  });

  it.each(LANGUAGES)(
    "when an exam is not on the list (%s), then the verdict names the list and its date and points to today's routes",
    async (lang) => {
      const s = strings(lang);
      const date = s.sourceDate(bot.app.kb.topic('credit-eligible-exams').source.date);
      for (const code of ['AZ-104', 'AZ-900', 'SC-200']) {
        const card = onlyCard(await bot.conversation().click({ verb: 'credit.exam', data: { verb: 'credit.exam', lang, examCode: code } }));
        const text = textOf(card);
        expect(text).toContain(s.examNotEligible(code));
        expect(s.examNotEligible(code)).toContain(`NCCRS`);
        expect(s.examNotEligible(code)).toContain(date);
        expect(text).toContain(COLLEGE_CREDIT_URL);
        expect(text).toMatch(/ACE/);
      }
    },
  );

  it.each(LANGUAGES)(
    "when a listed exam is checked (%s), then the verdict says the list's date, NCCRS's dates and that Excelsior decides",
    (lang) => {
      const s = strings(lang);
      const { kb, cards } = bot.app;
      const date = s.sourceDate(kb.topic('credit-eligible-exams').source.date);
      for (const exam of kb.exams.eligible) {
        const text = textOf(cards.examVerdict(kb.exams.verdict(exam.code), lang, true));
        expect(s.examEligible(exam.code, exam.name)).toContain(date);
        expect(text).toContain(s.examEligible(exam.code, exam.name));
        expect(text).toContain(s.examEligibleDetail(exam.retired));
        expect(text).toMatch(
          lang === 'en'
            ? /dates NCCRS set.*final decision is Excelsior's/
            : /dates fixées par le NCCRS.*décision finale revient à Excelsior/,
        );
      }
    },
  );

  it('when someone asks whether AZ-103 is retired, then they get the verdict, which says so, in their language', async () => {
    const en = textOf(onlyCard(await bot.conversation().say('is AZ-103 retired?')));
    expect(en).toContain(strings('en').examEligible('AZ-103', 'Microsoft Azure Administrator'));
    expect(en).toContain(strings('en').examEligibleDetail(true));
    const fr = textOf(onlyCard(await bot.conversation().say("l'AZ-103 est-il retiré ?")));
    expect(fr).toContain(strings('fr').examEligibleDetail(true));
    expect(strings('en').examEligibleDetail(true)).toMatch(/retired/);
    expect(strings('en').examEligibleDetail(false)).not.toMatch(/retired/);
  });

  it("when any card says an old name, then it says today's name beside it", () => {
    for (const { name, lang, text: card } of everyCard()) {
      const text = withoutSource(card);
      for (const { old, today } of RENAMES) {
        if (old.test(text)) expect(`${name} ${lang}: ${today.test(text)}`).toBe(`${name} ${lang}: true`);
      }
    }
  });

  it('when a card says "Excelsior College" without "Excelsior University", then this check fails', () => {
    // Line by line: another paragraph of the same card naming the university does not excuse this one.
    const says = (text: string) => text.split('\n').every((line) => !/Excelsior College/.test(line) || /Excelsior University/.test(line));
    expect(says('Credit through Excelsior College.')).toBe(false);
    expect(says('Excelsior University (formerly Excelsior College) grants it.\nApply to Excelsior College.')).toBe(false);
    expect(says('Credit through Excelsior University (formerly Excelsior College).')).toBe(true);
    for (const { name, lang, text } of everyCard()) expect(`${name} ${lang}: ${says(withoutSource(text))}`).toBe(`${name} ${lang}: true`);
  });

  it('when the example questions are read, then both the old and the new names are there to match', () => {
    const questions = bot.app.kb.topics.flatMap((t) => [...t.en.questions, ...t.fr.questions]).join('\n');
    for (const { old, today } of RENAMES) {
      expect(questions).toMatch(old);
      expect(questions).toMatch(today);
    }
  });

  it('when any card links to Microsoft documentation, then it is on learn.microsoft.com, not docs.microsoft.com', () => {
    for (const { text } of everyCard()) expect(text).not.toContain('docs.microsoft.com');
  });

  it.each(LANGUAGES)('when any topic is shown (%s), then the card ends with its source and date in that language', (lang) => {
    const s = strings(lang);
    const { kb, cards } = bot.app;
    for (const topic of kb.topics) {
      const text = textOf(cards.answer(topic.id, lang));
      expect(text).toContain(s.sourceLine(topic.source[lang], topic.source.date));
      if (topic.source.current) expect(text).toContain(topic.source.current);
      if (topic.source.current && topic[lang].steps) expect(text).toContain(s.stepsDated(topic.source.date));
    }
    expect(s.sourceLine('X', '2020-08')).toBe(lang === 'en' ? 'Source: X, August 2020.' : 'Source : X, août 2020.');
  });

  it('when the e-mail draft is for a transcript, then it has a line to fill in for each of the three details', () => {
    expect(strings('en').emailBody('AZ-103', 'transcript')).toMatch(/Transcript ID: …\n- Access Code: …\n- Transcript Viewing Page URL: …/);
    const fr = strings('fr').emailBody('AZ-103', 'transcript');
    for (const line of [
      'Transcript ID / ID du relevé de notes : …',
      "Access Code / Code d'accès : …",
      'URL de la page de visualisation du relevé de notes : …',
    ])
      expect(fr).toContain(line);
    // The certification team's address is for the verification; the application is not said to go there.
    expect(strings('en').emailBody('AZ-103', 'badge')).not.toMatch(/find my application|attached.*application/i);
  });

  it('when the French content is read, then the corrected wording is used', () => {
    // Example questions keep the words users type; the answers use the corrected wording.
    const fr = bot.app.kb.topics.map((t) => JSON.stringify({ ...t.fr, questions: [] })).join('\n');
    expect(fr).not.toContain('Application du service de relevés de notes');
    expect(fr).toContain('formulaire de demande du service de relevés de notes');
    expect(fr).not.toMatch(/Rien n'est à envoyer|support Certification/);
    expect(fr).toContain("N'envoyez rien à Microsoft");
  });

  it('when the French answers and messages are read, then one term is used per concept', () => {
    const fr = bot.app.kb.topics.map((t) => JSON.stringify({ ...t.fr, questions: [] })).join('\n');
    const messages = JSON.stringify(strings('fr')) + strings('fr').examNotEligibleDetail;
    // "transcript" is always "relevé de notes"; the UI label is the source's; "membership" is "adhésion".
    expect(fr + messages).not.toMatch(/relevé (Microsoft Learn|vérifiable)/);
    expect(fr).not.toMatch(/Inclure l'adresse|appartenance MPN|page de consultation/);
    expect(messages).not.toMatch(/support Certification/);
    expect(strings('fr').support.queueNames['certification-support']).toBe('le support des certifications Microsoft');
  });
});
