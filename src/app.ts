import {
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  UserState,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type Storage,
} from 'botbuilder';
import { FaqBot } from './bot/faq-bot';
import { cacheChannelClients } from './bot/connector-cache';
import { AskSupportInvokes } from './bot/ask-support-invokes';
import { AskSupportDialog } from './teams/ask-support-dialog';
import { RecentTurns } from './bot/recent-turns';
import { SearchExtensions } from './bot/search-extensions';
import { composeSupport, type SupportParts } from './compose-support';
import { createTurnErrorHandler } from './bot/turn-errors';
import { BotAdapter } from './bot/bot-adapter';
import { DEFAULT_DEDUPE, DedupeMiddleware } from './bot/dedupe-middleware';
import { RateLimitMiddleware } from './bot/rate-limit-middleware';
import { TurnLogMiddleware } from './bot/turn-log-middleware';
import { TurnDurabilityMiddleware } from './bot/turn-durability';
import type { AppConfig } from './config/config';
import { PrivacyActions } from './dialogs/privacy-actions';
import { personOf } from './dialogs/user-input';
import { eraseGroupChats } from './bot/group-chat-erasure';
import { RootDialog } from './dialogs/root-dialog';
import { shortcutOf } from './dialogs/text-commands';
import { composeInsights, type InsightsParts } from './compose-insights';
import { DigestCards } from './views/digest-card';
import { renderDigestCards } from './views/digest-samples';
import { createFeedbackLog, type FeedbackLog } from './feedback/feedback-log';
import { loadKnowledgeBase } from './knowledge/content-loader';
import { FaqRecognizer } from './matching/faq-recognizer';
import { LinearClassifier, type TrainedWeights } from './matching/linear-classifier';
import type { KnowledgeBase } from './knowledge/knowledge-base';
import { TopicSearch } from './matching/topic-search';
import { topicUsageOf } from './feedback/topic-usage';
import type { Logger } from './logging/logger';
import { createStorage } from './storage/create-storage';
import { DegradedReadStorage } from './storage/degraded-read-storage';
import { ExpiryJob } from './storage/expiry-job';
import { FreePageScrubber } from './storage/free-page-scrub';
import { atTurnEnd } from './dialogs/turn-end';
import { isRangeStorage } from './storage/range-storage';
import { LmdbStorage } from './storage/lmdb-storage';
import { ETagStateStorage } from './storage/etag-state-storage';
import { storeAnswers } from './storage/store-health';
import { CardBuilder } from './views/card-builder';
import { CardRenderer } from './views/card-renderer';
import { renderAllCards, renderSupportCards } from './views/card-samples';
import { loadRoutingRules } from './support/routing-loader';
import { userChannel, type UserRef } from './support/ticket';
import { TicketSearch } from './support/ticket-search';
import { SupportCards } from './views/support-cards';
import { createInsightsEndpoint } from './insights/insights-endpoint';
import { buildInsights } from './insights/build-insights';
import { insightsProvider, type InsightsProvider } from './insights/insights-provider';
import type { InsightsEndpoint } from './insights/insights-routes';

export interface App {
  readonly adapter: BotAdapter;
  readonly bot: FaqBot;
  readonly kb: KnowledgeBase;
  readonly recognizer: FaqRecognizer;
  readonly cards: CardBuilder;
  readonly storage: Storage;
  readonly support: SupportParts;
  /** Deletes aged records on stores that read by range (LMDB); none on Azure Blob. */
  readonly expiry: ExpiryJob | undefined;
  /** On LMDB, overwrites the data file's free pages after "forget me" (storage/free-page-scrub.ts). */
  readonly scrubber: FreePageScrubber | undefined;
  /** What the insights read (`buildInsights(app.insights.source, …)`), and the weekly digest. */
  readonly insights: InsightsParts;
  /** The Insights page and its figures (GET /insights, GET /api/insights). */
  readonly insightsPage: InsightsEndpoint;
  /** Readiness: whether the store answers (GET /readyz). */
  readonly ready: () => Promise<boolean>;
}

export interface AppOverrides {
  readonly storage?: Storage;
  readonly feedback?: FeedbackLog;
  /** Lets tests point channel authentication at their own OpenID metadata. */
  readonly auth?: Partial<ConfigurationBotFrameworkAuthenticationOptions>;
  /** Start-up (src/index.ts) loads the content while a worker thread trains the classifier. */
  readonly content?: LoadedContent;
  readonly trained?: TrainedWeights;
  /** The figures of the Insights page (tests give a fake). */
  readonly insights?: InsightsProvider;
  /** Lets tests serve the tenant's signing keys for the Insights tab's token on loopback. */
  readonly insightsKeysUrl?: string;
  /** The clock of the response-target reminders; tests pass a fake one. */
  readonly now?: () => Date;
}

/** Searches allowed for each chat message of the rate limit: one search per pause in typing. */
const SEARCHES_PER_MESSAGE = 4;

/** A load balancer's probe waits about this long; a store slower than that counts as not answering. */
const READINESS_TIMEOUT_MS = 2000;

type KnowledgeConfig = Pick<
  AppConfig,
  'CONTENT_DIR' | 'CARDS_DIR' | 'ANSWER_THRESHOLD' | 'SUGGEST_THRESHOLD' | 'SUGGEST_MARGIN' | 'SEE_ALSO_GAP'
>;

/** The content and the card templates, checked together: every card renders from the content. */
export function loadContent(config: Pick<AppConfig, 'CONTENT_DIR' | 'CARDS_DIR'>) {
  const kb = loadKnowledgeBase(config.CONTENT_DIR);
  const routing = loadRoutingRules(config.CONTENT_DIR);
  const renderer = new CardRenderer(config.CARDS_DIR);
  const cards = new CardBuilder(kb, renderer);
  const supportCards = new SupportCards(kb, renderer, cards, routing);
  renderer.verify(() => {
    renderAllCards(kb, cards);
    renderSupportCards(supportCards);
    renderDigestCards(new DigestCards(renderer, kb));
  });
  return { kb, cards, supportCards, routing, renderer };
}

export type LoadedContent = ReturnType<typeof loadContent>;

/** `trained`: the classifier's weights when a worker already trained it on this content. */
export function createRecognizer(kb: KnowledgeBase, config: KnowledgeConfig, trained?: TrainedWeights): FaqRecognizer {
  return new FaqRecognizer(kb, {
    answerThreshold: config.ANSWER_THRESHOLD,
    suggestThreshold: config.SUGGEST_THRESHOLD,
    suggestMargin: config.SUGGEST_MARGIN,
    seeAlsoGap: config.SEE_ALSO_GAP,
    ranker: (examples) => new LinearClassifier(examples, {}, trained),
    shortcut: shortcutOf,
  });
}

/** Content, cards and recognizer; shared by the bot and the CLI. */
export function loadKnowledge(config: KnowledgeConfig) {
  const content = loadContent(config);
  return { ...content, recognizer: createRecognizer(content.kb, config) };
}

/** The composition root: every part is built here and handed to the next by its constructor. */
export function createApp(config: AppConfig, logger: Logger, overrides: AppOverrides = {}): App {
  const { kb, cards, supportCards, routing, renderer } = overrides.content ?? loadContent(config);
  const recognizer = createRecognizer(kb, config, overrides.trained);
  // One logger, handed down as a child per component: every line says which part wrote it.
  const log = (component: string) => logger.child({ component });
  const storage = overrides.storage ?? createStorage(config, log('storage'));
  // Saved under the eTag read (botbuilder would write `*`), changes merged on a conflict;
  // reads degrade to empty state when the store is down.
  // On LMDB a turn's writes only commit; TurnDurabilityMiddleware waits once for the flush.
  const turnStorage = storage instanceof LmdbStorage ? storage.committedOnly() : storage;
  const stateStorage = new ETagStateStorage(new DegradedReadStorage(turnStorage, log('state-storage')));
  const conversationState = new ConversationState(stateStorage);
  const userState = new UserState(stateStorage);
  const feedback = overrides.feedback ?? createFeedbackLog(turnStorage, log('feedback'));
  const expiry = isRangeStorage(storage) ? new ExpiryJob(storage, config, log('expiry')) : undefined;
  const scrubber = storage instanceof LmdbStorage ? new FreePageScrubber(storage, log('scrub')) : undefined;

  const auth = cacheChannelClients(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: config.MicrosoftAppId,
      MicrosoftAppPassword: config.MicrosoftAppPassword,
      MicrosoftAppType: config.MicrosoftAppType,
      MicrosoftAppTenantId: config.MicrosoftAppTenantId,
      ...overrides.auth,
    }),
  );
  const adapter = new BotAdapter(auth);
  adapter.onTurnError = createTurnErrorHandler(conversationState, log('turn-errors'));
  // The cap first: a flood is refused before any work on its text and before the repeat check's
  // store write. A channel's retry of a message therefore counts against the cap too (rare).
  adapter.use(
    ...(storage instanceof LmdbStorage ? [new TurnDurabilityMiddleware(() => storage.settled())] : []),
    new RateLimitMiddleware({ perMinute: config.RATE_LIMIT_PER_MINUTE }, log('rate-limit')),
    // Teams sends a search as the user types: a budget of its own, larger than the chat's.
    new RateLimitMiddleware({ perMinute: config.RATE_LIMIT_PER_MINUTE * SEARCHES_PER_MESSAGE, kind: 'search' }, log('rate-limit')),
    new TurnLogMiddleware(log('turns'), config.LOG_MESSAGE_TEXT),
    new DedupeMiddleware(turnStorage, log('dedupe'), {
      ...DEFAULT_DEDUPE,
      claimTimeoutMs: config.TURN_CLAIM_TIMEOUT_MS,
      finishWithState: storage instanceof LmdbStorage,
    }),
  );

  const recentTurns = new RecentTurns(conversationState);
  // Feedback and unanswered-question records are the user's too: "forget me" reaches them.
  const forgetFeedback = async (user: UserRef) => void (await feedback.forgetUser(user.id, userChannel(user)));
  const support = composeSupport({
    config,
    storage,
    adapter,
    cards,
    supportCards,
    routing,
    recentTurns,
    logger,
    erasers: [forgetFeedback],
    insights: feedback,
    now: overrides.now,
  });
  const root = new RootDialog({
    kb,
    cards,
    recognizer,
    feedback,
    situationThreshold: config.SITUATION_THRESHOLD,
    support: support.actions,
    escalation: support.filing,
    privacy: new PrivacyActions(renderer, cards, async (context) => {
      // Group chats they wrote in (listed in their profile), their state, this conversation's
      // state, then their tickets, what is still owed to support, and the other stores.
      const { groupChats = [] } = await bot.profileOf(context);
      await eraseGroupChats(stateStorage, context.activity.channelId, groupChats);
      await userState.delete(context);
      await conversationState.delete(context);
      await support.erasure.forget(personOf(context));
      // Once the turn's deletes are written: the old bytes must not stay in free pages.
      if (scrubber) void atTurnEnd(context, async () => scrubber.request());
    }),
  });
  const searchExtensions = new SearchExtensions({
    kb,
    cards,
    supportCards,
    topics: new TopicSearch(kb, recognizer, topicUsageOf(feedback)),
    tickets: new TicketSearch(support.tickets, support.isAgent),
    supportLang: config.SUPPORT_LANGUAGE,
    detectLanguage: (text) => recognizer.detectLanguage(text).lang,
    viewerIds: support.viewerIds,
  });
  const bot = new FaqBot({
    conversationState,
    userState,
    rootDialog: root,
    cards,
    recentTurns,
    logger: log('bot'),
    detectLanguage: (text) => recognizer.detectLanguage(text).lang,
    searchExtensions,
    inPrivateChat: (context, logic) => support.messenger.inPrivateChat(context, logic),
    ticketView: (context, ticketId, lang) => support.actions.ticketView(context, ticketId, lang),
    askSupport: new AskSupportInvokes({
      dialog: new AskSupportDialog({
        cards: supportCards,
        routing,
        topicOf: (text, lang) => recognizer.recognize(text, lang).topic,
        detectLanguage: (text) => recognizer.detectLanguage(text).lang,
      }),
      filing: support.filing,
      inPrivateChat: (context, logic) => support.messenger.inPrivateChat(context, logic),
      logger: logger.child({ component: 'ask-support' }),
    }),
    latestTicket: async (user) => (await support.tickets.listForUser(user)).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0],
  });
  const insights = composeInsights({
    config,
    storage,
    feedback,
    tickets: support.tickets,
    registry: support.registry,
    messenger: support.messenger,
    kb,
    routing,
    renderer,
    logger,
  });
  const provider = overrides.insights ?? insightsProvider(buildInsights, insights.source);
  const insightsPage = createInsightsEndpoint({ config, logger, kb, provider, keysUrl: overrides.insightsKeysUrl });
  const ready = () => storeAnswers(storage, READINESS_TIMEOUT_MS);
  return { adapter, bot, kb, recognizer, cards, storage, support, expiry, scrubber, insights, insightsPage, ready };
}
