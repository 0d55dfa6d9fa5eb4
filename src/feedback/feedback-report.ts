import { foldAccents } from '../matching/text-normalizer';
import type { FeedbackEntry } from './feedback-log';

export interface FeedbackReport {
  readonly unanswered: readonly { readonly text: string; readonly count: number; readonly langs: string }[];
  readonly topics: readonly { readonly topic: string; readonly helpful: number; readonly notHelpful: number }[];
}

const key = (text: string) =>
  foldAccents(text.toLowerCase())
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The most frequent unanswered questions and the least helpful topics, for content authors. */
export function buildReport(entries: readonly FeedbackEntry[], top = 20): FeedbackReport {
  const questions = new Map<string, { text: string; count: number; langs: Set<string> }>();
  const topics = new Map<string, { helpful: number; notHelpful: number }>();
  for (const entry of entries) {
    if (entry.kind === 'unanswered') {
      const k = key(entry.text);
      const q = questions.get(k) ?? { text: entry.text, count: 0, langs: new Set<string>() };
      q.count++;
      q.langs.add(entry.lang);
      questions.set(k, q);
    } else if (entry.kind === 'helpful') {
      const t = topics.get(entry.topic) ?? { helpful: 0, notHelpful: 0 };
      if (entry.helpful) t.helpful++;
      else t.notHelpful++;
      topics.set(entry.topic, t);
    }
  }
  return {
    unanswered: [...questions.values()]
      .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
      .slice(0, top)
      .map((q) => ({ text: q.text, count: q.count, langs: [...q.langs].sort().join('+') })),
    topics: [...topics.entries()]
      .map(([topic, t]) => ({ topic, ...t }))
      .sort((a, b) => b.notHelpful / (b.helpful + b.notHelpful) - a.notHelpful / (a.helpful + a.notHelpful) || b.notHelpful - a.notHelpful)
      .slice(0, top),
  };
}

export function formatReport(report: FeedbackReport, days: number): string {
  const lines = [`Feedback over the last ${days} days`, '', 'Most frequent unanswered questions:'];
  if (report.unanswered.length === 0) lines.push('  (none)');
  report.unanswered.forEach((q) => lines.push(`  ${String(q.count).padStart(4)}  [${q.langs}]  ${q.text}`));
  lines.push('', 'Least helpful topics (not helpful / answered):');
  if (report.topics.length === 0) lines.push('  (none)');
  report.topics.forEach((t) => lines.push(`  ${String(t.notHelpful).padStart(4)} / ${t.helpful + t.notHelpful}  ${t.topic}`));
  return lines.join('\n');
}
