import { loadKnowledgeBase } from '../../src/knowledge/content-loader';
import { FaqRecognizer } from '../../src/matching/faq-recognizer';
import { MAX_TOPIC_RESULTS, TopicSearch } from '../../src/matching/topic-search';
import { rankTopics, topicUsage } from '../../src/feedback/topic-usage';
import type { FeedbackEntry, ReadableFeedbackLog } from '../../src/feedback/feedback-log';

const kb = loadKnowledgeBase('content');
const recognizer = new FaqRecognizer(kb);

describe('topic search', () => {
  it("when there are no usage records, then an empty search lists the areas' topics in turn, ten at most", async () => {
    const order = await new TopicSearch(kb, recognizer).mostAsked();
    const [credit, linking, support] = kb.areas.map((a) => a.topics);
    expect(order.slice(0, 6)).toEqual([credit[0], linking[0], support[0], credit[1], linking[1], support[1]]);
    expect(order).toHaveLength(MAX_TOPIC_RESULTS);
  });

  it('when the usage records cannot be read, then the content order is used instead of failing', async () => {
    const failing = new TopicSearch(kb, recognizer, () => Promise.reject(new Error('store down')));
    expect(await failing.mostAsked()).toEqual(await new TopicSearch(kb, recognizer).mostAsked());
  });

  it('when a query is only noise or spaces, then no topic is offered', () => {
    const search = new TopicSearch(kb, recognizer);
    expect(search.search('   ', 'en')).toEqual([]);
    expect(search.search('zzqx wvvk', 'en')).toEqual([]);
  });

  it('when a command word is typed ("credit"), then the topics whose titles start with it are offered', () => {
    const found = new TopicSearch(kb, recognizer).search('credit', 'en');
    expect(found.length).toBeGreaterThan(1);
    for (const id of found) expect(`${kb.text(id, 'en').title} ${kb.text(id, 'en').summary}`.toLowerCase()).toContain('credit');
  });
});

describe('topic usage', () => {
  const at = '2026-11-01T00:00:00.000Z';
  const helpful = (topic: 'unlink' | 'link-how', helpfulAnswer = true): FeedbackEntry => ({
    kind: 'helpful',
    topic,
    helpful: helpfulAnswer,
    lang: 'en',
    at,
  });

  it('when people answered "was this helpful?", then topics rank by how many answered, either way', () => {
    const unanswered: FeedbackEntry = { kind: 'unanswered', text: 'x', lang: 'en', at };
    expect(rankTopics([helpful('unlink'), helpful('link-how', false), helpful('link-how'), unanswered])).toEqual(['link-how', 'unlink']);
  });

  it('when searches come quickly one after another, then the records are read once per cache period', async () => {
    let reads = 0;
    let now = 0;
    const log: ReadableFeedbackLog = {
      record: async () => undefined,
      forgetUser: async () => 0,
      recent: async () => (reads++, [helpful('unlink')]),
    };
    const usage = topicUsage(log, { cacheMs: 1000, now: () => new Date(now) });
    await usage();
    await usage();
    expect(reads).toBe(1);
    now = 1000;
    expect(await usage()).toEqual(['unlink']);
    expect(reads).toBe(2);
  });
});
