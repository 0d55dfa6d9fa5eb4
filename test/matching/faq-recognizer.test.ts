import { loadKnowledgeBase } from '../../src/knowledge/content-loader';
import { FaqRecognizer, MAX_MATCHED_CHARS, RECOGNIZER_DEFAULTS } from '../../src/matching/faq-recognizer';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base';

describe('FaqRecognizer', () => {
  let kb: KnowledgeBase;
  let recognizer: FaqRecognizer;

  beforeAll(() => {
    kb = loadKnowledgeBase('content');
    recognizer = new FaqRecognizer(kb);
  });

  describe('exam codes are entities', () => {
    it.each([
      ['how much is AZ-104', 'AZ-104', false],
      ['price of the AZ 400 exam', 'AZ-400', true],
      ['schedule my az305', 'AZ-305', false],
      ['what replaced AZ-103?', 'AZ-103', true],
      ["combien coûte l'AZ-900 ?", 'AZ-900', false],
      ["guide de révision pour l'AZ-104", 'AZ-104', false],
    ])('when "%s" asks about the exam itself, then it is out of scope but the exam is still read', (text, code, eligible) => {
      const r = recognizer.recognize(text);
      expect(r.topic).toBeNull();
      expect(r.suggestions).toEqual([]);
      expect(r.exam).toMatchObject({ code, eligible });
    });

    it.each([
      ['is AZ-104 eligible for college credit?', 'AZ-104', false],
      ['az400 credit', 'AZ-400', true],
      ["l'AZ-103 donne droit à des crédits ?", 'AZ-103', true],
      // The verdict says whether a listed exam has since been retired.
      ['is AZ-103 retired?', 'AZ-103', true],
    ])('when "%s" asks about credit, then it is an eligibility question with the verdict', (text, code, eligible) => {
      const r = recognizer.recognize(text);
      expect(r.topic).toBe('credit-eligible-exams');
      expect(r.exam).toMatchObject({ code, eligible });
    });

    it('when a credit step is asked for an exam that does not qualify, then eligibility comes first', () => {
      expect(recognizer.recognize('how do I share my PL-300 badge with Excelsior').topic).toBe('credit-eligible-exams');
      expect(recognizer.recognize('how do I share my AZ-400 badge with Excelsior').topic).toBe('credit-verify-badge');
    });

    it.each([
      ['AZ-900 semester thing yes or no', 'AZ-900'],
      ['AZ-104 et Excelsior, ça passe ?', 'AZ-104'],
    ])('when "%s" names an exam and credit but scores under the threshold, then the verdict is still given', (text, code) => {
      const r = recognizer.recognize(text);
      expect(r.confidence).toBeLessThan(RECOGNIZER_DEFAULTS.answerThreshold);
      expect(r.topic).toBe('credit-eligible-exams');
      expect(r.exam).toMatchObject({ code, eligible: false });
    });

    it('when an exam is named without a credit word and scores low, then there is no verdict answer', () => {
      expect(recognizer.recognize('AZ-104 thing').topic).toBeNull();
    });

    it('when money is the question, exam code or not, then it is out of scope', () => {
      expect(recognizer.recognize('are there fees to get the Excelsior credit?').topic).toBeNull();
      expect(recognizer.recognize('y a-t-il des frais pour obtenir les crédits ?').topic).toBeNull();
    });
  });

  describe('Teams mentions', () => {
    it('when a channel message starts with the bot mention, then the mention is ignored', () => {
      const plain = recognizer.recognize('how do I unlink my MCID');
      const mentioned = recognizer.recognize('<at>FAQ Bot</at> how do I unlink my MCID');
      expect(mentioned.topic).toBe('unlink');
      expect(mentioned.confidence).toBe(plain.confidence);
      expect(mentioned.text).toBe('how do I unlink my MCID');
    });

    it('when a message is only the mention, then there is nothing to answer', () => {
      expect(recognizer.recognize('<at>FAQ Bot</at>')).toMatchObject({ topic: null, confidence: 0, alternatives: [], suggestions: [] });
    });
  });

  describe('confidence and thresholds', () => {
    it('when the question is clear, then it is answered with runners-up but no suggestions', () => {
      const r = recognizer.recognize('comment dissocier mon MCID de mon entreprise ?');
      expect(r).toMatchObject({ topic: 'unlink', language: 'fr', suggestions: [] });
      expect(r.confidence).toBeGreaterThanOrEqual(RECOGNIZER_DEFAULTS.answerThreshold);
      expect(r.alternatives.map((a) => a.topic)).not.toContain('unlink');
      expect(r.alternatives.length).toBeLessThanOrEqual(3);
    });

    it('when the question has nothing to do with the bot, then it falls back without suggestions', () => {
      for (const text of ['recipe for pancakes', "what's the weather in Montreal today", 'traduis bonjour en espagnol']) {
        const r = recognizer.recognize(text);
        expect(r.topic).toBeNull();
        expect(r.suggestions).toEqual([]);
        expect(r.confidence).toBeLessThan(RECOGNIZER_DEFAULTS.suggestThreshold);
      }
    });

    it('when the best candidate is between the two thresholds, then up to three suggestions come best first', () => {
      const strict = new FaqRecognizer(kb, { answerThreshold: 0.999, suggestThreshold: 0.2 });
      const r = strict.recognize('how do I link my MCID to my company');
      expect(r.topic).toBeNull();
      expect(r.suggestions.length).toBeGreaterThanOrEqual(1);
      expect(r.suggestions.length).toBeLessThanOrEqual(3);
      expect(r.suggestions[0].topic).toBe('link-how');
      const confidences = r.suggestions.map((s) => s.confidence);
      expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
      expect(r.alternatives[0]).toEqual(r.suggestions[0]);
    });

    it('when the top two are within the margin, then it suggests instead of answering', () => {
      const undecided = new FaqRecognizer(kb, { suggestMargin: 1 });
      const r = undecided.recognize('how do I link my MCID to my company');
      expect(r.topic).toBeNull();
      expect(r.suggestions.map((s) => s.topic)).toContain('link-how');
    });

    // Questions between two credit topics; which of them lands near the runner-up moves as the content grows.
    const between = [
      'proof for Excelsior',
      'send proof to Excelsior',
      'envoyer une preuve à Excelsior',
      'badge or transcript for Excelsior',
    ];

    it('when an answer has a topic runner-up scored almost as high, then that runner-up is its "See also"', () => {
      const near = between.map((q) => recognizer.recognize(q)).filter((r) => r.seeAlso !== undefined);
      expect(near.length).toBeGreaterThan(0);
      const { suggestThreshold, suggestMargin, seeAlsoGap } = RECOGNIZER_DEFAULTS;
      for (const r of near) {
        expect(r.topic).not.toBeNull();
        expect(r.seeAlso).toEqual(r.alternatives[0]);
        expect(r.seeAlso!.topic).not.toBe(r.topic);
        expect(r.confidence - r.seeAlso!.confidence).toBeLessThan(seeAlsoGap);
        expect(r.seeAlso!.confidence).toBeGreaterThanOrEqual(suggestThreshold - suggestMargin);
      }
    });

    it('when the answer is clear, or there is no answer, or the gap is 0, then there is no "See also"', () => {
      expect(recognizer.recognize('comment dissocier mon MCID de mon entreprise ?').seeAlso).toBeUndefined();
      const strict = new FaqRecognizer(kb, { answerThreshold: 0.999, suggestThreshold: 0.2 });
      const unanswered = strict.recognize('how do I link my MCID to my company');
      expect(unanswered.topic).toBeNull();
      expect(unanswered.seeAlso).toBeUndefined();
      const text = between.find((q) => recognizer.recognize(q).seeAlso !== undefined)!;
      const never = new FaqRecognizer(kb, { seeAlsoGap: 0 }).recognize(text);
      expect(never.topic).toBe(recognizer.recognize(text).topic);
      expect(never.seeAlso).toBeUndefined();
    });

    it('when a shortcut is given and the text is one, then its intent is the answer at full confidence', () => {
      const withShortcut = new FaqRecognizer(kb, {
        shortcut: (text) => (text === 'menu' ? 'help' : text === 'open a ticket' ? 'human' : undefined),
      });
      expect(withShortcut.recognize('menu')).toMatchObject({ topic: 'help', confidence: 1, alternatives: [], suggestions: [] });
      expect(withShortcut.recognize('open a ticket', 'fr')).toMatchObject({ topic: 'human', confidence: 1 });
      expect(withShortcut.recognize('how do I unlink my MCID').topic).toBe('unlink');
    });

    it('when built with a bare number, then it is the answer threshold and the other options keep their defaults', () => {
      expect(new FaqRecognizer(kb, 0.7).options).toEqual({ ...RECOGNIZER_DEFAULTS, answerThreshold: 0.7 });
      expect(new FaqRecognizer(kb, { answerThreshold: undefined }).options).toEqual(RECOGNIZER_DEFAULTS);
    });
  });

  describe('bilingual matching', () => {
    it.each([
      ['how do I unlnik my mcid', 'unlink'],
      ['partner univercity acess', 'partner-university-access'],
      ['Bonjour, comment dissocier mon MCID ?', 'unlink'],
      ["je ne trouve pas l'examen dans le rapport des qualifications", 'skills-report-delay'],
      ['talk to a human', 'human'],
      ['que pouvez-vous faire ?', 'help'],
    ])('when asked "%s", then it answers %s', (text, topic) => {
      expect(recognizer.recognize(text).topic).toBe(topic);
    });
  });
});

describe('FaqRecognizer on long input', () => {
  let recognizer: FaqRecognizer;
  beforeAll(() => {
    recognizer = new FaqRecognizer(loadKnowledgeBase('content'));
  });

  it("when a question is followed by a long paste, then it gets the question's answer or none (never another), and the whole text is kept for a ticket", () => {
    const question = 'How do I link my MCID to my company in Partner Center?';
    const paste = `${question} ${'lorem ipsum dolor sit amet consectetur '.repeat(600)}`;
    const alone = recognizer.recognize(question);
    const long = recognizer.recognize(paste);
    expect(alone.topic).not.toBeNull();
    expect([alone.topic, null]).toContain(long.topic);
    expect(long.text).toBe(paste.trim());
  });

  it('when an exam code comes only after the first MAX_MATCHED_CHARS characters, then it is not read (the recognizer never looks that far)', () => {
    const text = `${'word '.repeat(MAX_MATCHED_CHARS / 5)} AZ-104`;
    expect(recognizer.recognize(text).exam).toBeUndefined();
    expect(recognizer.recognize(text.slice(-40)).exam?.code).toBe('AZ-104');
  });
});
