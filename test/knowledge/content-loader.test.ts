import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOPIC_IDS } from '../../src/knowledge/catalog';
import { ContentError, loadKnowledgeBase } from '../../src/knowledge/content-loader';
import { problemsFrom } from '../helpers/problems';

function copyContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'content-'));
  cpSync('content', dir, { recursive: true });
  return dir;
}

function editTopic(dir: string, id: string, edit: (topic: Record<string, any>) => void): string {
  const file = join(dir, 'topics', `${id}.json`);
  const topic = JSON.parse(readFileSync(file, 'utf8'));
  edit(topic);
  writeFileSync(file, JSON.stringify(topic));
  return file;
}

const problemsOf = (dir: string): string[] => problemsFrom(() => loadKnowledgeBase(dir), ContentError);

describe('content loading', () => {
  it('when the shipped content is loaded, then all 20 catalog topics are there in both languages', () => {
    const kb = loadKnowledgeBase('content');
    expect(kb.topics.map((t) => t.id).sort()).toEqual([...TOPIC_IDS].sort());
    for (const topic of kb.topics) {
      expect(topic.en.questions.length).toBeGreaterThanOrEqual(3);
      expect(topic.fr.questions.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('when a topic file has an unknown field, then startup fails naming the file and the field', () => {
    const dir = copyContent();
    const file = editTopic(dir, 'unlink', (t) => (t.en.sumary = 'typo'));
    expect(problemsOf(dir)).toEqual([expect.stringMatching(new RegExp(`^${file}: en: .*sumary`))]);
  });

  it('when a language is missing, then the problem names the file and "fr"', () => {
    const dir = copyContent();
    const file = editTopic(dir, 'credit-forms', (t) => delete t.fr);
    expect(problemsOf(dir)).toEqual([expect.stringContaining(`${file}: fr:`)]);
  });

  it('when a topic id is not in the catalog, then the problem names the file and the id field', () => {
    const dir = copyContent();
    const file = editTopic(dir, 'unlink', (t) => (t.id = 'unlink-everything'));
    expect(problemsOf(dir)).toEqual(expect.arrayContaining([expect.stringContaining(`${file}: id:`)]));
  });

  it('when a web link is http, then the problem names the file and the link field', () => {
    const dir = copyContent();
    const file = editTopic(dir, 'credit-more-info', (t) => (t.en.links[0].url = 'http://www.nationalccrs.org/organizations/microsoft'));
    expect(problemsOf(dir)).toEqual([`${file}: en.links.0.url: must be an https:// link or a mailto: address`]);
  });

  it('when a topic has no source, then startup refuses it, naming the file and the field', () => {
    const dir = copyContent();
    const file = editTopic(dir, 'unlink', (t) => delete t.source);
    expect(problemsOf(dir)).toEqual([expect.stringMatching(new RegExp(`^${file}: source: `))]);
  });

  it('when a topic source has no date or a vague one, then startup refuses it', () => {
    const dir = copyContent();
    const undated = editTopic(dir, 'unlink', (t) => delete t.source.date);
    const vague = editTopic(dir, 'credit-forms', (t) => (t.source.date = 'August 2020'));
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(new RegExp(`^${vague}: source.date: must be a year and month, YYYY-MM`)),
      expect.stringMatching(new RegExp(`^${undated}: source.date: `)),
    ]);
  });

  it('when the source names no title in one language, then startup refuses it', () => {
    const dir = copyContent();
    const file = editTopic(dir, 'left-company', (t) => delete t.source.fr);
    expect(problemsOf(dir)).toEqual([expect.stringMatching(new RegExp(`^${file}: source.fr: `))]);
  });

  it('when the shipped content is loaded, then every topic has a dated source in both languages', () => {
    const kb = loadKnowledgeBase('content');
    for (const topic of kb.topics) {
      expect(topic.source.date).toMatch(/^\d{4}-\d{2}$/);
      expect(topic.source.en.length).toBeGreaterThan(10);
      expect(topic.source.fr.length).toBeGreaterThan(10);
    }
  });

  it('when a topic file is missing, then the problem names the topic', () => {
    const dir = copyContent();
    rmSync(join(dir, 'topics', 'left-company.json'));
    expect(problemsOf(dir)).toEqual(expect.arrayContaining([expect.stringContaining('topic "left-company" has no content')]));
  });

  it('when several files are broken, then every problem is reported at once', () => {
    const dir = copyContent();
    editTopic(dir, 'unlink', (t) => (t.en.title = ''));
    editTopic(dir, 'change-company', (t) => (t.related = ['change-company']));
    writeFileSync(join(dir, 'exams.json'), '{ not json');
    expect(problemsOf(dir)).toHaveLength(3);
  });
});
