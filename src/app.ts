import { join } from 'node:path';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  UserState,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type Storage,
} from 'botbuilder';
import { FaqBot } from './bot/faq-bot';
import { createTurnErrorHandler } from './bot/turn-errors';
import type { AppConfig } from './config/config';
import { RootDialog } from './dialogs/root-dialog';
import { StorageFeedbackLog, type FeedbackLog } from './feedback/feedback-log';
import { loadKnowledgeBase } from './knowledge/content-loader';
import { FaqRecognizer } from './knowledge/faq-recognizer';
import type { KnowledgeBase } from './knowledge/knowledge-base';
import type { Logger } from './logging/logger';
import { FileStorage } from './storage/file-storage';
import { CardBuilder } from './views/card-builder';
import { CardRenderer } from './views/card-renderer';
import { renderAllCards } from './views/card-samples';

export interface App {
  readonly adapter: CloudAdapter;
  readonly bot: FaqBot;
  readonly kb: KnowledgeBase;
  readonly recognizer: FaqRecognizer;
  readonly cards: CardBuilder;
  readonly storage: Storage;
}

export interface AppOverrides {
  readonly storage?: Storage;
  readonly feedback?: FeedbackLog;
  /** Lets tests point channel authentication at their own OpenID metadata. */
  readonly auth?: Partial<ConfigurationBotFrameworkAuthenticationOptions>;
}

/** Loads the content and templates and checks them together; shared by the bot and the CLI. */
export function loadKnowledge(config: Pick<AppConfig, 'CONTENT_DIR' | 'CARDS_DIR' | 'ANSWER_THRESHOLD'>) {
  const kb = loadKnowledgeBase(config.CONTENT_DIR);
  const renderer = new CardRenderer(config.CARDS_DIR);
  const cards = new CardBuilder(kb, renderer);
  renderer.verify(() => renderAllCards(kb, cards));
  return { kb, cards, recognizer: new FaqRecognizer(kb, config.ANSWER_THRESHOLD) };
}

/** The composition root: every part is built here and handed to the next by its constructor. */
export function createApp(config: AppConfig, logger: Logger, overrides: AppOverrides = {}): App {
  const { kb, cards, recognizer } = loadKnowledge(config);
  const storage = overrides.storage ?? new FileStorage(join(config.DATA_DIR, 'state'));
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const feedback = overrides.feedback ?? new StorageFeedbackLog(storage);

  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
    ...overrides.auth,
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = createTurnErrorHandler(conversationState, logger);

  const root = new RootDialog({ kb, cards, recognizer, feedback, situationThreshold: config.SITUATION_THRESHOLD });
  const bot = new FaqBot(conversationState, userState, root, cards);
  return { adapter, bot, kb, recognizer, cards, storage };
}
