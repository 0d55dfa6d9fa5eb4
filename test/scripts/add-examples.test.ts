import { appendToArray, jaccard, nearAny } from '../../scripts/add-examples';

describe('adding content examples under the held-out protocol', () => {
  it('when two texts share half their words, then their Jaccard similarity is computed on word sets', () => {
    expect(jaccard(new Set(['link', 'my', 'mcid']), new Set(['link', 'my', 'account', 'now']))).toBeCloseTo(2 / 5);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });

  it('when a candidate rewords a held-out line, then it is flagged, and an unrelated one is not', () => {
    const near = nearAny(['How do I link my MCID to my company?']);
    // Case, accents and punctuation do not hide a near-copy.
    expect(near('how do I link my MCID to the company')).toBe(true);
    expect(near('where is the credit application form')).toBe(false);
  });

  it('when lines are appended to the second array of a file, then the first is untouched and the JSON stays valid', () => {
    const text = '{\n  "en": {\n    "questions": [\n      "a"\n    ]\n  },\n  "fr": {\n    "questions": [\n      "b"\n    ]\n  }\n}\n';
    const out = appendToArray(text, /\n {4}"questions": \[/g, 1, ['c "quoted"']);
    expect(JSON.parse(out)).toEqual({ en: { questions: ['a'] }, fr: { questions: ['b', 'c "quoted"'] } });
  });
});
