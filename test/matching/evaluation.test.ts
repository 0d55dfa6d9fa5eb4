import type { Lang } from '../../src/i18n/language';
import type { Intent } from '../../src/knowledge/catalog';
import { evaluate, parseLabelled, type LabelledQuestion, type MatchResult } from '../../src/matching/evaluation';

const row = (text: string, expected: Intent | null, lang: Lang = 'en', exam?: LabelledQuestion['exam']): LabelledQuestion => ({
  text,
  lang,
  expected,
  ...(exam ? { exam } : {}),
});

/** A matcher that answers from a table, so the scores it gets are known in advance. */
function tableMatcher(answers: Record<string, Partial<MatchResult>>) {
  return {
    recognize: (text: string): MatchResult => ({ topic: null, alternatives: [], language: 'en', suggestions: [], ...answers[text] }),
  };
}

describe('evaluation', () => {
  it('when a line is not a labelled question, then parsing names the line', () => {
    expect(() => parseLabelled('{"text":"a","lang":"en","expected":"unlink"}\n{"text":"b","lang":"de","expected":null}')).toThrow(/line 2/);
    expect(() => parseLabelled('{"text":"a","lang":"en","expected":"no-such-topic"}')).toThrow(/line 1/);
  });

  it('when answers, suggestions and fallbacks are scored, then each lands in its own count', () => {
    const rows = [
      row('right', 'unlink'),
      row('wrong', 'unlink'),
      row('suggested', 'link-how'),
      row('second', 'link-how'),
      row('off topic answered', null),
      row('off topic declined', null, 'fr'),
    ];
    const report = evaluate(
      tableMatcher({
        right: { topic: 'unlink' },
        wrong: { topic: 'link-how', alternatives: [{ topic: 'unlink', confidence: 0.4 }] },
        suggested: { suggestions: [{ topic: 'link-how', confidence: 0.4 }], alternatives: [{ topic: 'link-how', confidence: 0.4 }] },
        second: {
          alternatives: [
            { topic: 'unlink', confidence: 0.3 },
            { topic: 'change-company', confidence: 0.2 },
            { topic: 'left-company', confidence: 0.1 },
            { topic: 'link-how', confidence: 0.1 },
          ],
        },
        'off topic answered': { topic: 'help' },
        'off topic declined': { language: 'fr' },
      }),
      rows,
    );
    expect(report.byLang.en).toMatchObject({
      inScope: 4,
      top1: 1,
      top3: 3,
      wrongAnswer: 1,
      suggestedOnly: 1,
      outOfScope: 1,
      falseAnswer: 1,
      language: 5,
    });
    expect(report.byLang.fr).toMatchObject({ inScope: 0, outOfScope: 1, falseAnswer: 0, language: 1 });
    expect(report.confusions.map((c) => c.text)).toEqual(['wrong', 'suggested', 'second', 'off topic answered']);
  });

  it('when exam codes are labelled, then a verdict counts only with the right code and eligibility', () => {
    const rows = [
      row('a', null, 'en', { code: 'AZ-104', eligible: false }),
      row('b', null, 'en', { code: 'AZ-400', eligible: true }),
      row('c', null),
    ];
    const report = evaluate(
      tableMatcher({
        a: { exam: { code: 'AZ-104', eligible: false } },
        b: { exam: { code: 'AZ-400', eligible: false } },
        c: { exam: { code: 'DP-900', eligible: false } },
      }),
      rows,
    );
    expect(report.exam).toEqual({ labelled: 2, correct: 1, spurious: 1 });
  });

  it('when rows carry a family, then each family counts right answers and right refusals per language', () => {
    const rows: LabelledQuestion[] = [
      { ...row('asked', 'unlink'), family: 'short' },
      { ...row('missed', 'unlink'), family: 'short' },
      { ...row('refused', null, 'fr'), family: 'near' },
      { ...row('answered anyway', null, 'fr'), family: 'near' },
      row('no family', 'unlink'),
    ];
    const report = evaluate(
      tableMatcher({ asked: { topic: 'unlink' }, 'answered anyway': { topic: 'help' }, 'no family': { topic: 'unlink' } }),
      rows,
    );
    expect(report.byFamily).toEqual({
      short: { en: { right: 1, total: 2 }, fr: { right: 0, total: 0 } },
      near: { en: { right: 0, total: 0 }, fr: { right: 1, total: 2 } },
    });
    expect(() => parseLabelled('{"text":"a","lang":"en","expected":null,"family":3}')).toThrow(/line 1/);
  });
});
