import { ExamCatalog, EXAM_TOKEN, findExamCodes, maskExamCodes } from '../../src/knowledge/exam-codes';

describe('exam codes', () => {
  it.each([
    ['does az104 count', 'AZ-104'],
    ['is AZ 104 eligible', 'AZ-104'],
    ['az-104 credit', 'AZ-104'],
    ['Az_104 ?', 'AZ-104'],
    ['AZ.104', 'AZ-104'],
    ['AZ\u2011104 pasted from a web page', 'AZ-104'],
    ['AZ – 104', 'AZ-104'],
    ["est-ce que l'AZ-104 est éligible", 'AZ-104'],
    ["et l'ai-102 ?", 'AI-102'],
    ['dp900', 'DP-900'],
    ['the old 70-533 exam', '70-533'],
  ])('when a question says "%s", then it names %s', (text, code) => {
    expect(findExamCodes(text)).toEqual([code]);
  });

  it.each(['erreur 500 en associant', 'option 2 transcript', 'within 72 hours', 'my MS 365 tenant', 'az 2019', 'AZ-1040', 'plaza104'])(
    'when "%s" is read, then no exam code is found',
    (text) => {
      expect(findExamCodes(text)).toEqual([]);
    },
  );

  it('when a question names the same exam twice and another one, then each code is listed once', () => {
    expect(findExamCodes('AZ-400 or az400, and also SC 900')).toEqual(['AZ-400', 'SC-900']);
  });

  it('when codes are masked, then each becomes one entity token and other numbers stay', () => {
    expect(maskExamCodes("l'AZ 104 depuis 2019").split(/\s+/)).toEqual(["l'", EXAM_TOKEN, 'depuis', '2019']);
  });

  it('when a verdict is asked, then only listed exams are eligible and they carry their name', () => {
    const catalog = new ExamCatalog([{ code: 'AZ-400', name: 'DevOps', retired: false }]);
    expect(catalog.verdict(findExamCodes('my az400')[0])).toEqual({ code: 'AZ-400', eligible: true, name: 'DevOps' });
    expect(catalog.verdict(findExamCodes('my AZ-104')[0])).toEqual({ code: 'AZ-104', eligible: false });
  });
});
