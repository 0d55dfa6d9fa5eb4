import type { Lang } from '../i18n/language';
import { strings } from '../i18n/strings';
import type { InsightsReport } from '../insights/insights-types';
import { isTopicId, type SupportQueue } from '../knowledge/catalog';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { CardJson, CardRenderer } from './card-renderer';
import type { DigestCardData } from './card-data';
import { plainText } from './plain-text';

const TOP = 3;

/** The weekly digest posted to the support channels, in the channel's language. */
export class DigestCards {
  constructor(
    private readonly renderer: CardRenderer,
    private readonly kb: Pick<KnowledgeBase, 'text'>,
  ) {}

  digest(week: InsightsReport, before: InsightsReport, lang: Lang): CardJson {
    return this.renderer.render('insights-digest', digestData(week, before, lang, this.kb));
  }
}

export function digestData(week: InsightsReport, before: InsightsReport, lang: Lang, kb: Pick<KnowledgeBase, 'text'>): DigestCardData {
  const s = strings(lang).insights;
  const numbers = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-US', { maximumFractionDigits: 2 });
  const percents = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-US', { style: 'percent', maximumFractionDigits: 1 });
  const percent = (rate: number | null) => (rate === null ? '–' : percents.format(rate));
  const rating = ({ satisfaction: { average, count } }: InsightsReport) =>
    average === null ? '–' : s.digestRating(numbers.format(average), count);
  const figure = (title: string, value: (r: InsightsReport) => string) => ({
    title,
    value: `${value(week)} ${s.digestBefore(value(before))}`,
  });
  const dates = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });
  const day = (iso: string) => dates.format(new Date(iso));
  const title = (topic: string) => (isTopicId(topic) ? kb.text(topic, lang).title : topic);
  const leastHelpful = week.perTopic
    .filter((t) => t.notHelpful > 0)
    .sort((a, b) => b.notHelpful / (b.helpful + b.notHelpful) - a.notHelpful / (a.helpful + a.notHelpful) || b.notHelpful - a.notHelpful)
    .slice(0, TOP);
  const targets = week.perQueue.filter((q) => q.breaches.targetHours !== null);
  const queueName = (queue: string) => strings(lang).support.queueTitles[queue as SupportQueue] ?? queue;
  return {
    lang,
    title: s.digestTitle,
    period: s.digestPeriod(day(week.period.from), day(week.period.to)),
    figuresTitle: s.digestFigures,
    figures: [
      figure(s.digestQuestions, (r) => numbers.format(r.totals.questions)),
      figure(s.digestSessions, (r) => numbers.format(r.totals.sessions)),
      figure(s.digestResolution, (r) => percent(r.totals.selfServiceResolutionRate)),
      figure(s.digestEscalation, (r) => percent(r.totals.escalationRate)),
      figure(s.digestSatisfaction, rating),
    ],
    sections: [
      {
        title: s.digestUnanswered,
        // Users' words, shown as plain text: no markdown link or emphasis of theirs is rendered.
        lines: lines(
          week.unansweredGroups.slice(0, TOP).map((g) => `${s.digestAsked(g.count)} · ${g.examples.map(quoted).join(', ')}`),
          s.digestNone,
        ),
      },
      {
        title: s.digestLeastHelpful,
        lines: lines(
          leastHelpful.map((t) => `${title(t.topic)} · ${s.digestVotes(t.notHelpful, t.helpful + t.notHelpful)}`),
          s.digestNone,
        ),
      },
      {
        title: s.digestBreaches,
        lines:
          targets.length === 0
            ? [{ text: s.digestNoTarget }]
            : targets.map((q) => ({ text: s.digestBreachLine(queueName(q.queue), q.breaches.count, q.breaches.targetHours ?? 0) })),
      },
    ],
  };
}

const quoted = (text: string) => `“${plainText(text)}”`;
const lines = (texts: readonly string[], none: string) => (texts.length === 0 ? [{ text: none }] : texts.map((text) => ({ text })));
