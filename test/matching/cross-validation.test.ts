import { loadKnowledgeBase } from '../../src/knowledge/content-loader';
import { contentFolds } from '../../src/matching/cross-validation';

describe('cross-validation folds', () => {
  it('when the content is split into folds, then every example is held out once and never learned in its own fold', () => {
    const kb = loadKnowledgeBase('content');
    const folds = contentFolds(kb, 5);
    const all = kb.topics.flatMap((t) => [...t.en.questions, ...t.fr.questions]);
    const held = folds.flatMap((f) => f.rows.map((r) => r.text));
    for (const q of all) expect(held).toContain(q);
    for (const fold of folds) {
      const learnt = new Set(fold.kb.topics.flatMap((t) => [...t.en.questions, ...t.fr.questions]));
      for (const r of fold.rows)
        if (r.expected !== null && r.expected !== 'help' && r.expected !== 'human') expect(learnt.has(r.text)).toBe(false);
      expect(fold.rows.some((r) => r.expected === null)).toBe(true);
    }
  });
});
