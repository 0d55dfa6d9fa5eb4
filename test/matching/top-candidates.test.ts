import { labelScoresOf, topCandidates } from '../../src/matching/top-candidates';
import type { Ranker, Scored } from '../../src/matching/ranker';
import type { Label } from '../../src/matching/training-set';

// What the recognizer did before: every label as an object, sorted by the ranker's score, then
// weighed and sorted again (both sorts stable).
function byFullSort(labels: Label[], scores: number[], weigh: (label: Label, score: number) => number) {
  const ranked: Scored[] = labels.map((label, i) => ({ label, score: scores[i] })).sort((a, b) => b.score - a.score);
  return ranked.map((s) => ({ label: s.label, score: weigh(s.label, s.score) })).sort((a, b) => b.score - a.score);
}

// A fixed pseudo-random sequence, so a failure can be replayed.
function randoms(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('the best candidates among many labels', () => {
  it('when scores tie and coverage zeroes many labels, then the best five are those and in the order a full sort gives', () => {
    const random = randoms(7);
    for (let round = 0; round < 200; round += 1) {
      const labels = Array.from({ length: 3 + Math.floor(random() * 60) }, (_, i) => (i === 5 ? 'none' : `topic-${i}`) as Label);
      // Few distinct values, so ties are common; a third of the labels get no coverage at all.
      const scores = labels.map(() => Math.floor(random() * 4) / 4);
      const coverage = new Map(labels.map((l) => [l, random() < 0.33 ? 0 : Math.floor(random() * 3) / 2]));
      const weigh = (label: Label, score: number) => Math.sqrt(score * (coverage.get(label) ?? 0));
      const full = byFullSort(labels, scores, weigh);
      const top = topCandidates({ labels, scores }, (at, score) => weigh(labels[at], score), 5, 'topic-2' as Label);
      const named: string = 'topic-2';
      expect(top.best).toEqual(full.filter((c) => c.label !== 'none').slice(0, 5));
      expect(top.none).toBe(full.find((c) => c.label === 'none')?.score ?? 0);
      expect(top.named).toEqual(full.find((c) => c.label === named));
    }
  });

  it('when a ranker has no fast path, then its best-first list is read in that order', () => {
    const ranker: Ranker = {
      rank: () => [
        { label: 'unlink', score: 0.7 },
        { label: 'link-how', score: 0.2 },
      ],
    };
    expect(labelScoresOf(ranker, 'x')).toEqual({ labels: ['unlink', 'link-how'], scores: [0.7, 0.2] });
    expect(labelScoresOf({ rank: () => [] }, 'x')).toBeUndefined();
  });
});
