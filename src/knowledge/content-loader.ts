import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { TOPIC_IDS } from './catalog';
import { areasFileSchema, examsFileSchema, intentsFileSchema, topicFileSchema, type TopicFile } from './content-schema';
import { ExamCatalog } from './exam-codes';
import { KnowledgeBase } from './knowledge-base';

export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Content is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ContentError';
  }
}

function readJson(file: string, problems: string[]): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`${file}: ${(error as Error).message}`);
    return undefined;
  }
}

export function parseFile<T extends z.ZodType>(file: string, schema: T, problems: string[]): z.infer<T> | undefined {
  const raw = readJson(file, problems);
  if (raw === undefined) return undefined;
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return undefined;
}

/**
 * Loads content/ (topics/*.json, areas.json, exams.json, intents.json) and checks it as a whole: every
 * catalog topic present once, in one area, with related topics that exist. All problems are
 * collected so an author fixes them in one go.
 */
export function loadKnowledgeBase(contentDir: string): KnowledgeBase {
  const problems: string[] = [];
  const topicsDir = join(contentDir, 'topics');
  const topics: TopicFile[] = [];
  let files: string[] = [];
  try {
    files = readdirSync(topicsDir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch (error) {
    problems.push(`${topicsDir}: ${(error as Error).message}`);
  }
  for (const name of files) {
    const file = join(topicsDir, name);
    const topic = parseFile(file, topicFileSchema, problems);
    if (!topic) continue;
    if (basename(name, '.json') !== topic.id) problems.push(`${file}: id: "${topic.id}" does not match the file name`);
    if (topic.related.includes(topic.id)) problems.push(`${file}: related: a topic cannot be related to itself`);
    topics.push(topic);
  }
  const known = new Set(topics.map((t) => t.id));
  for (const id of TOPIC_IDS) {
    if (!known.has(id) && !files.includes(`${id}.json`))
      problems.push(`${join(topicsDir, `${id}.json`)}: missing (topic "${id}" has no content)`);
  }

  const areasFile = join(contentDir, 'areas.json');
  const areas = parseFile(areasFile, areasFileSchema, problems) ?? [];
  const areaOf = new Map<string, string>();
  areas.forEach((area, i) =>
    area.topics.forEach((id, j) => {
      if (areaOf.has(id)) problems.push(`${areasFile}: ${i}.topics.${j}: "${id}" is already listed in area "${areaOf.get(id)}"`);
      areaOf.set(id, area.id);
    }),
  );
  for (const topic of topics) {
    if (areaOf.get(topic.id) !== topic.area) {
      problems.push(
        `${join(topicsDir, `${topic.id}.json`)}: area: "${topic.area}" but areas.json lists it under "${areaOf.get(topic.id) ?? 'no area'}"`,
      );
    }
  }

  const exams = parseFile(join(contentDir, 'exams.json'), examsFileSchema, problems);
  const intents = parseFile(join(contentDir, 'intents.json'), intentsFileSchema, problems);
  if (problems.length > 0 || !exams || !intents) throw new ContentError(problems);
  return new KnowledgeBase(topics, areas, new ExamCatalog(exams.eligible), intents);
}
