import type { FeedbackEntry, ReadableFeedbackLog } from '../feedback/feedback-log';
import { isTopicId, SUPPORT_QUEUES, type SupportQueue } from '../knowledge/catalog';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { RoutingRules } from '../support/routing';
import type { Ticket } from '../support/ticket';
import type { TicketRepository } from '../support/ticket-repository';
import type { InsightsSource, QueueSettings } from './insights-types';

const DAY_MS = 86_400_000;

export interface InsightsSourceDeps {
  readonly feedback: Pick<ReadableFeedbackLog, 'recent'>;
  readonly tickets: Pick<TicketRepository, 'listForQueue'>;
  readonly kb: Pick<KnowledgeBase, 'text'>;
  readonly routing: RoutingRules;
}

/** The running bot's records, as `buildInsights` reads them. */
export function createInsightsSource(deps: InsightsSourceDeps): InsightsSource {
  return {
    async events(from: Date, to: Date): Promise<FeedbackEntry[]> {
      const days = Math.ceil((to.getTime() - from.getTime()) / DAY_MS) + 1;
      const start = from.toISOString();
      return (await deps.feedback.recent(days, to)).filter((e) => e.at >= start);
    },
    async tickets(from: Date, to: Date): Promise<Ticket[]> {
      const [start, end] = [from.toISOString(), to.toISOString()];
      const all = await Promise.all(SUPPORT_QUEUES.map((queue) => deps.tickets.listForQueue(queue)));
      return all.flat().filter((t) => t.createdAt >= start && t.createdAt <= end);
    },
    topicTitle: (topic: string) => (isTopicId(topic) ? deps.kb.text(topic, 'en').title : topic),
    queues: SUPPORT_QUEUES.map((queue: SupportQueue): QueueSettings => ({
      queue,
      firstResponseTargetHours: deps.routing.queues[queue]?.responseTarget?.firstResponseHours ?? null,
      responseTarget: deps.routing.queues[queue]?.responseTarget,
    })),
  };
}
