import { loadKnowledgeBase } from '../../src/knowledge/content-loader';
import type { TopicText } from '../../src/knowledge/content-schema';

const kb = loadKnowledgeBase('content');

/** Every link target a reader can follow: the link buttons and the markdown links in the text. */
function linkTargets(text: TopicText): string[] {
  const prose = [text.summary, ...(text.steps ?? []), ...(text.notes ?? [])].join('\n');
  const inline = [...prose.matchAll(/\]\((https:\/\/[^)\s]+|mailto:[^)\s]+)\)/g)].map((m) => m[1]);
  return [...new Set([...(text.links ?? []).map((l) => l.url), ...inline])].sort();
}

/** What a topic says in one language, reduced to what must not differ between languages. */
function shape(text: TopicText) {
  return {
    steps: text.steps?.length ?? 0,
    notes: text.notes?.length ?? 0,
    links: linkTargets(text),
    exams: [...new Set(JSON.stringify({ ...text, questions: [] }).match(/\b[A-Z]{2}-\d{3}\b/g) ?? [])].sort(),
    addresses: [...new Set(JSON.stringify({ ...text, questions: [] }).match(/[\w.]+@[\w.]+\.\w+/g) ?? [])].sort(),
  };
}

describe('English and French say the same thing', () => {
  it.each(kb.topics.map((t) => [t.id]))(
    'when %s is read in both languages, then it has the same steps, notes, links, exams and addresses',
    (id) => {
      const topic = kb.topic(id);
      expect(shape(topic.fr)).toEqual(shape(topic.en));
    },
  );

  it('when a French topic drops a step or a link, then the parity check notices', () => {
    const en = kb.topic('credit-verify-transcript').en;
    const fewerSteps = { ...en, steps: en.steps!.slice(1) };
    const otherLink = { ...en, links: [{ title: 'x', url: 'https://example.org/' }] };
    expect(shape(fewerSteps)).not.toEqual(shape(en));
    expect(shape(otherLink)).not.toEqual(shape(en));
    expect(linkTargets(en)).toEqual(expect.arrayContaining(['https://aka.ms/certdashboard', 'mailto:itcertifications@excelsior.edu']));
  });
});
