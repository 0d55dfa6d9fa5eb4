import { loadKnowledgeBase } from '../../src/knowledge/content-loader';
import { MAX_LOOKUPS_PER_TEXT, Speller } from '../../src/matching/speller';
import { trainingExamples } from '../../src/matching/training-set';

const small = () =>
  new Speller({
    en: ['how do I link my certification to my university', 'why should I bother linking'],
    fr: ['comment lier ma certification', 'un salarié a quitté la société', 'donner mes identifiants'],
    outOfScope: ['book a hotel room'],
    offTopic: ['price', 'refund'],
  });

describe('Speller', () => {
  it.each([
    ['certifcation', 'en', 'certification'],
    ['univeristy', 'en', 'university'],
    ['socite', 'fr', 'societe'],
  ] as const)('when "%s" is a typo of a %s word of the content, then it is put back on it', (typo, lang, word) => {
    expect(small().correct(typo, lang)).toBe(word);
  });

  it.each([
    ['dinner', 'en', 'a French word (donner) in an English question'],
    ['salaire', 'en', 'a French word (salarie) in an English question'],
    ['linking', 'fr', 'an English word in a French question'],
    ['hostel', 'en', 'a word only out-of-scope examples use (hotel)'],
    ['prices', 'en', 'an off-topic word (price)'],
    ['refunds', 'en', 'an off-topic word (refund)'],
    ['nine', 'en', 'a four-letter word'],
  ])('when "%s" comes in %s, then it is not turned into %s', (token, lang, _why) => {
    expect(small().correct(token, lang as 'en' | 'fr')).toBe(token);
  });

  it('when a 2,200-letter word comes in, then it is returned as typed (longer than any word of the content)', () => {
    const word = 'certification'.repeat(170).slice(0, 2_200);
    expect(small().correct(word, 'en')).toBe(word);
  });

  it('when a message holds more unknown words than the budget, then only the first ones are looked up', () => {
    const typos = Array.from({ length: MAX_LOOKUPS_PER_TEXT + 5 }, () => 'certifcation');
    const corrected = small().correctText(typos.join(' '), 'en').split(' ');
    expect(corrected.slice(0, MAX_LOOKUPS_PER_TEXT).every((t) => t === 'certification')).toBe(true);
    expect(corrected.slice(MAX_LOOKUPS_PER_TEXT).every((t) => t === 'certifcation')).toBe(true);
  });

  describe('on the real content', () => {
    let speller: Speller;
    beforeAll(() => {
      const kb = loadKnowledgeBase('content');
      const examples = trainingExamples(kb);
      const inScope = (lang: 'en' | 'fr') => examples.filter((e) => e.lang === lang && e.label !== 'none').map((e) => e.text);
      const offTopic = [...kb.intents.examOffTopic, ...(kb.intents.offTopic ?? [])];
      speller = new Speller({
        en: inScope('en'),
        fr: inScope('fr'),
        outOfScope: examples.filter((e) => e.label === 'none').map((e) => e.text),
        offTopic,
      });
    });

    // Each was turned into an unrelated word of the content before (nice → nine, hier → hire…).
    it.each([
      ['en', 'nice movie film dinner house garden weather coffee teacher'],
      ['fr', 'hier matin pain livre film jardin maison voiture fromage'],
    ] as const)('when ordinary %s words come in, then none is changed', (lang, text) => {
      expect(speller.correctText(text, lang)).toBe(text);
    });

    // Canadian French and everyday workplace words, each one edit from a content word of another meaning.
    it.each([
      ['fr', 'plainte technicien relever courriel billet clavardage magasiner presentement cegep medaille'],
      ['en', 'technician onboarding complaint'],
    ] as const)('when everyday or Canadian %s words come in, then none is rewritten', (lang, text) => {
      expect(speller.correctText(text, lang)).toBe(text);
    });
  });
});
