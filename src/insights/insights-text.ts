import type { InsightsReport, QueueTimes } from './insights-types';

const percent = (rate: number | null) => (rate === null ? '–' : `${(rate * 100).toFixed(1)} %`);
const hours = (value: number | null) => (value === null ? '–' : `${value} h`);
const pad = (value: string | number, width: number) => String(value).padStart(width);

/** The report as text for `npm run report`: the same figures as the page and the digest. */
export function formatInsights(report: InsightsReport): string {
  const { period, totals, perTopic, perQueue, satisfaction, unansweredGroups } = report;
  const lines = [
    `Insights over the last ${period.days} days (${period.from.slice(0, 10)} to ${period.to.slice(0, 10)})`,
    '',
    `Questions: ${totals.questions}   Sessions: ${totals.sessions}`,
    `Self-service resolution rate: ${percent(totals.selfServiceResolutionRate)}   Escalation rate: ${percent(totals.escalationRate)}`,
    '',
    'Per day (questions: answered / did you mean / fallback; sessions; resolution rate):',
  ];
  const active = report.daily.filter((d) => d.questions > 0 || d.sessions > 0);
  if (active.length === 0) lines.push('  (none)');
  for (const d of active) {
    const outcomes = `${pad(d.questions, 4)}: ${d.answered} / ${d.didYouMean} / ${d.fallback}`;
    lines.push(`  ${d.date} ${d.lang}  ${outcomes}  ${pad(d.sessions, 4)} sessions  ${percent(d.resolutionRate)}`);
  }
  lines.push('', 'Per topic (answers, helpful, not helpful, tickets filed after it):');
  if (perTopic.length === 0) lines.push('  (none)');
  for (const t of perTopic) {
    lines.push(`  ${pad(t.answers, 5)} ${pad(t.helpful, 4)} ${pad(t.notHelpful, 4)} ${pad(t.escalationsAfter, 4)}  ${t.topic}`);
  }
  lines.push('', 'Tickets per queue:');
  for (const q of perQueue) lines.push(...queueLines(q));
  const { count, average, distribution } = satisfaction;
  lines.push('', `Satisfaction: ${count} rating(s), average ${average ?? '–'}, 1 to 5: ${distribution.join(' / ')}`);
  for (const c of satisfaction.comments) lines.push(`  ${c.date} [${c.lang}] ${c.rating}/5  ${c.text}`);
  lines.push('', 'Unanswered questions, grouped:');
  if (unansweredGroups.length === 0) lines.push('  (none)');
  for (const g of unansweredGroups) lines.push(`  ${pad(g.count, 4)}  [${g.langs.join('+')}]  ${g.examples.join('  |  ')}`);
  return lines.join('\n');
}

function queueLines(q: QueueTimes): string[] {
  const { count, targetHours } = q.breaches;
  const breaches = targetHours === null ? 'no first-response target set' : `${count} over the ${targetHours} h target`;
  return [
    `  ${q.queue}: ${q.opened} opened; breaches: ${breaches}`,
    `    first response: median ${hours(q.firstResponse.median)}, p90 ${hours(q.firstResponse.p90)} (${q.firstResponse.count} tickets)`,
    `    resolution:     median ${hours(q.resolution.median)}, p90 ${hours(q.resolution.p90)} (${q.resolution.count} tickets)`,
  ];
}
