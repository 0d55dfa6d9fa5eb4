import type { Storage } from 'botbuilder';
import { cardActivity } from './bot/card-activity';
import type { ProactiveMessenger } from './bot/proactive-messenger';
import type { AppConfig } from './config/config';
import { createFeedbackLog, type FeedbackLog, type ReadableFeedbackLog } from './feedback/feedback-log';
import { createInsightsSource } from './insights/insights-source';
import type { InsightsSource } from './insights/insights-types';
import { WeeklyDigest, type DigestTarget } from './insights/weekly-digest';
import { SUPPORT_QUEUES } from './knowledge/catalog';
import type { KnowledgeBase } from './knowledge/knowledge-base';
import type { Logger } from './logging/logger';
import { storageClaim } from './storage/claims';
import type { StorageChannelRegistry } from './support/channel-registry';
import type { RoutingRules } from './support/routing';
import type { TicketRepository } from './support/ticket-repository';
import type { CardRenderer } from './views/card-renderer';
import { DigestCards } from './views/digest-card';

export interface InsightsParts {
  /** What `buildInsights` reads: the page (`GET /api/insights`), the digest and `npm run report` share it. */
  readonly source: InsightsSource;
  readonly digest: WeeklyDigest;
}

export interface InsightsInputs {
  readonly config: Pick<AppConfig, 'INSIGHTS_DIGEST_DAY' | 'INSIGHTS_DIGEST_HOUR' | 'SUPPORT_LANGUAGE'>;
  readonly storage: Storage;
  readonly feedback: FeedbackLog;
  readonly tickets: TicketRepository;
  readonly registry: StorageChannelRegistry;
  readonly messenger: ProactiveMessenger;
  readonly kb: KnowledgeBase;
  readonly routing: RoutingRules;
  readonly renderer: CardRenderer;
  readonly logger: Logger;
}

const isReadable = (log: FeedbackLog): log is ReadableFeedbackLog => typeof (log as Partial<ReadableFeedbackLog>).recent === 'function';

/** The insights' source and the weekly digest to the registered support channels. */
export function composeInsights(inputs: InsightsInputs): InsightsParts {
  const { config, storage, feedback, tickets, registry, messenger, kb, routing, renderer, logger } = inputs;
  const source = createInsightsSource({
    feedback: isReadable(feedback) ? feedback : createFeedbackLog(storage, logger),
    tickets,
    kb,
    routing,
  });
  const cards = new DigestCards(renderer, kb);
  /** Each registered channel once, even when it serves both queues; in the support channels' language. */
  const targets = async (): Promise<DigestTarget[]> => {
    const seen = new Set<string>();
    const found: DigestTarget[] = [];
    for (const queue of SUPPORT_QUEUES) {
      const registration = await registry.channelFor(queue);
      const id = String((registration?.conversation.conversation as { id?: unknown } | undefined)?.id ?? '');
      if (!registration || seen.has(id)) continue;
      seen.add(id);
      const activity = (card: Record<string, unknown>) => cardActivity(card);
      const post = async (card: Record<string, unknown>) => void (await messenger.send(registration.conversation, [activity(card)]));
      found.push({ lang: config.SUPPORT_LANGUAGE, post });
    }
    return found;
  };
  const digest = new WeeklyDigest({
    source,
    schedule: { day: config.INSIGHTS_DIGEST_DAY, hour: config.INSIGHTS_DIGEST_HOUR },
    claim: storageClaim(storage),
    targets,
    card: (week, before, lang) => cards.digest(week, before, lang),
    log: logger.child({ component: 'insights-digest' }),
  });
  return { source, digest };
}
