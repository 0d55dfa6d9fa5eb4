import type { AppConfig } from '../config/config';
import { SUPPORT_STRINGS } from '../i18n/support-strings';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { Logger } from '../logging/logger';
import { insightsAccess } from './insights-access';
import type { InsightsProvider } from './insights-provider';
import type { InsightsEndpoint } from './insights-routes';
import { loadPageAssets } from './page-assets';

export interface InsightsEndpointParts {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly kb: KnowledgeBase;
  readonly provider: InsightsProvider;
  /** Where the tenant's signing keys are fetched; tests serve their own on loopback. */
  readonly keysUrl?: string;
}

/** The page's access rule, figures, files and names, put together once at start-up. */
export function createInsightsEndpoint({ config, logger, kb, provider, keysUrl }: InsightsEndpointParts): InsightsEndpoint {
  const child = logger.child({ component: 'insights' });
  return {
    access: insightsAccess(config, child, keysUrl),
    provider,
    assets: loadPageAssets(config.INSIGHTS_PAGE_DIR),
    names: (lang) => ({
      topics: Object.fromEntries(kb.topics.map((topic) => [topic.id, topic[lang].title])),
      queues: { ...SUPPORT_STRINGS[lang].queueTitles },
    }),
  };
}
