import { createInterface } from 'node:readline';
import { loadKnowledge } from '../app';
import { loadConfigFromProcess } from '../config/config';
import type { Recognition } from '../matching/faq-recognizer';

/** `npm run ask -- "question"` explains one match; `--jsonl` reads questions from stdin. */
async function main(args: string[]): Promise<void> {
  const config = loadConfigFromProcess();
  const { recognizer } = loadKnowledge(config);
  const threshold = config.ANSWER_THRESHOLD;
  const toJson = (r: Recognition) => ({
    text: r.text,
    topic: r.topic,
    confidence: r.confidence,
    language: r.language,
    alternatives: r.alternatives,
    suggestions: r.suggestions,
    ...(r.exam ? { exam: r.exam } : {}),
  });

  if (args[0] === '--jsonl') {
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      if (line.trim()) process.stdout.write(`${JSON.stringify(toJson(recognizer.recognize(line)))}\n`);
    }
    return;
  }
  const question = args.join(' ').trim();
  if (!question) {
    process.stderr.write('Usage: npm run --silent ask -- "your question"   or   npm run --silent ask -- --jsonl < questions.txt\n');
    process.exit(2);
  }
  const r = toJson(recognizer.recognize(question));
  const lines = [
    `question:    ${r.text}`,
    `topic:       ${r.topic ?? (r.suggestions.length > 0 ? '(none: the bot asks "Did you mean…")' : '(none: the bot says it cannot answer)')}`,
    `confidence:  ${r.confidence} (answers at ${threshold} or more)`,
    `language:    ${r.language}`,
    ...(r.exam
      ? [
          `exam:        ${r.exam.code} ${r.exam.eligible ? `on the NCCRS list of August 2020 (${r.exam.name})` : 'not on the NCCRS list of August 2020'}`,
        ]
      : []),
    ...(r.suggestions.length > 0 ? [`did you mean: ${r.suggestions.map((a) => `${a.topic} ${a.confidence}`).join(', ')}`] : []),
    `runner-ups:  ${r.alternatives.map((a) => `${a.topic} ${a.confidence}`).join(', ') || '(none)'}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
