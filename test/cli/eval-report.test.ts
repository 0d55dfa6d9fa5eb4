import { summary, textReport } from '../../src/cli/eval-report';
import { evaluate, type LabelledQuestion, type MatchResult } from '../../src/matching/evaluation';

const rows: LabelledQuestion[] = [
  { text: 'unlink it', lang: 'en', expected: 'unlink', family: 'short-shorthand' },
  { text: 'dissocier', lang: 'fr', expected: 'unlink', family: 'short-shorthand' },
  { text: 'print my certificate', lang: 'en', expected: null, family: 'near-domain-refuse' },
  { text: 'imprimer mon certificat', lang: 'fr', expected: null, family: 'near-domain-refuse' },
];
const answers: Record<string, Partial<MatchResult>> = {
  'unlink it': { topic: 'unlink' },
  'print my certificate': { topic: 'credit-forms' },
};
const report = evaluate(
  { recognize: (text) => ({ topic: null, alternatives: [], language: 'en', suggestions: [], ...answers[text] }) },
  rows,
);

describe('eval report', () => {
  it('when the rows carry families, then each family gets a line with right/total per language', () => {
    const text = textReport('Scoring of heldout-families.jsonl', report);
    expect(text).toContain('By family');
    expect(text).toMatch(/near-domain-refuse\s+en\s+0\/1\s+0\.0 %\s+fr\s+1\/1\s+100\.0 %/);
    expect(text).toMatch(/short-shorthand\s+en\s+1\/1\s+100\.0 %\s+fr\s+0\/1\s+0\.0 %/);
  });

  it('when the rows carry no family, then there is no family section', () => {
    const plain = evaluate({ recognize: () => ({ topic: null, alternatives: [], language: 'en', suggestions: [] }) }, [
      { text: 'a', lang: 'en', expected: 'unlink' },
    ]);
    expect(textReport('Scoring of heldout.jsonl', plain)).not.toContain('By family');
  });

  it('when approaches are compared, then false answers are given per language', () => {
    expect(summary('linear', report)).toMatch(/false answers en 100\.0 % fr\s+0\.0 %/);
  });
});
