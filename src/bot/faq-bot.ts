import {
  TeamsActivityHandler,
  TurnContext,
  type ConversationState,
  type InvokeResponse,
  type MessagingExtensionActionResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type StatePropertyAccessor,
  type UserState,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog, type DialogState } from '../dialogs/dialog-library';
import { langFromLocale, type Lang } from '../i18n/language';
import { strings } from '../i18n/strings';
import { replaceCard, sendCard, sendText, takeReplacementCard } from '../dialogs/replies';
import { beginTurnEnd, runTurnEnd } from '../dialogs/turn-end';
import { isPersonalChat, setCarried, setTurnLang, setUserInput, takePrivateChatRequest, type UserInput } from '../dialogs/user-input';
import type { Ticket, UserRef } from '../support/ticket';
import type { CardBuilder } from '../views/card-builder';
import { invokeResponse } from './card-activity';
import type { CardJson } from '../views/card-renderer';
import { readUserInput, redactInput } from './card-action-parser';
import { isTooLong, MAX_MESSAGE_CHARS } from './message-limits';
import { onHandoffStatus } from './handoff';
import { rememberChat } from './group-chat-erasure';
import type { RecentTurns } from './recent-turns';
import type { AskSupportInvokes } from './ask-support-invokes';
import type { SearchExtensions } from './search-extensions';
import type { Logger } from '../logging/logger';

export interface UserProfile {
  /** The language the user last wrote in or chose; absent until they do. */
  language?: Lang;
  /** Set by the language button: the choice holds, whatever language the user writes in, until pressed again. */
  languageChosen?: boolean;
  welcomed?: boolean;
  /** Group chats and channels the user wrote in, so "forget me" can reach their state. */
  groupChats?: string[];
}

export interface FaqBotDeps {
  readonly conversationState: ConversationState;
  readonly userState: UserState;
  readonly rootDialog: Dialog;
  readonly cards: CardBuilder;
  readonly recentTurns: RecentTurns;
  /** The user's newest ticket, for handoff status messages. */
  readonly latestTicket: (user: UserRef) => Promise<Ticket | undefined>;
  readonly logger: Logger;
  /** English or French for a typed message, undefined when it gives no clue (e.g. "AZ-104"). */
  readonly detectLanguage: (text: string) => Lang | undefined;
  /** A viewer's own view of a ticket card, for Teams' refresh; undefined when the ticket is gone. */
  readonly ticketView?: (context: TurnContext, ticketId: string, lang: Lang) => Promise<CardJson | undefined>;
  /** The search message extensions (composeExtension/query and selectItem). */
  readonly searchExtensions: SearchExtensions;
  /** Runs a turn in the user's 1:1 chat with the bot (created if needed). */
  readonly inPrivateChat: (context: TurnContext, logic: (privateContext: TurnContext) => Promise<void>) => Promise<void>;
  /** "Ask support about this message" (message extension and its dialog). */
  readonly askSupport?: AskSupportInvokes;
}

/**
 * The Teams activity handler: it turns each activity into one input (secrets masked first),
 * decides the reply language, runs the root dialog and saves state. The dialogs own the flow.
 */
export class FaqBot extends TeamsActivityHandler {
  /** The user's profile, read outside the dialogs ("forget me" needs the group chats it lists). */
  readonly profileOf = (context: TurnContext): Promise<UserProfile> => this.profile.get(context, {});

  private readonly profile: StatePropertyAccessor<UserProfile>;
  private readonly introduced: StatePropertyAccessor<boolean>;
  private readonly dialogs: DialogSet;

  constructor(private readonly deps: FaqBotDeps) {
    super();
    this.profile = deps.userState.createProperty<UserProfile>('profile');
    this.introduced = deps.conversationState.createProperty<boolean>('introduced');
    this.dialogs = new DialogSet(deps.conversationState.createProperty<DialogState>('dialogState')).add(deps.rootDialog);

    this.onMessage(async (context, next) => {
      // In a group chat or channel the bot speaks only when spoken to; card clicks always count.
      const addressed = isPersonalChat(context) || context.activity.value !== undefined || mentionsBot(context);
      TurnContext.removeRecipientMention(context.activity);
      if (addressed) await this.runTurn(context, readUserInput(context.activity));
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const added = context.activity.membersAdded ?? [];
      const botAdded = added.some((m) => m.id === context.activity.recipient?.id);
      if (isPersonalChat(context) && added.some((m) => m.id !== context.activity.recipient?.id)) await this.welcomeOnce(context);
      if (!isPersonalChat(context) && botAdded) await this.introduceOnce(context);
      await next();
    });

    this.onEvent(async (context, next) => {
      if (context.activity.name === 'handoff.status')
        await onHandoffStatus(context, () => deps.latestTicket({ id: context.activity.from.id, channelId: context.activity.channelId }));
      await next();
    });
  }

  /**
   * Saves state after every turn, including turns that only update a card. The user already
   * has their answer; if the store is down, the loss is this turn's state, logged, not the reply.
   */
  async run(context: TurnContext): Promise<void> {
    beginTurnEnd(context);
    try {
      await super.run(context);
    } catch (error) {
      await Promise.all(runTurnEnd(context));
      throw error;
    }
    try {
      // Together with the turn's insight records: an embedded store commits them all at once.
      await Promise.all([
        this.deps.conversationState.saveChanges(context),
        this.deps.userState.saveChanges(context),
        ...runTurnEnd(context),
      ]);
    } catch (error) {
      this.deps.logger.warn({ event: 'state_save_failed', err: error });
    }
  }

  protected async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    const input = readUserInput(context.activity);
    // A refresh only reads: it must not reach a dialog waiting in that conversation, or change the language.
    if (input.kind === 'action' && input.action.verb === 'ticket.refresh' && this.deps.ticketView) {
      const view = await this.deps.ticketView(context, input.action.ticketId, input.action.lang);
      if (view) await replaceCard(context, view);
    } else {
      await this.runTurn(context, input);
    }
    // Without a card to put in place, the replies went out as messages: Teams only needs to know the click was handled.
    return invokeResponse(takeReplacementCard(context) ?? '');
  }

  /** A message's "…" menu → "Ask support about this message": the dialog with the intake form. */
  protected async handleTeamsMessagingExtensionFetchTask(context: TurnContext): Promise<MessagingExtensionActionResponse> {
    if (!this.deps.askSupport) return super.handleTeamsMessagingExtensionFetchTask(context, context.activity.value);
    return this.deps.askSupport.fetchTask(context, context.activity.value);
  }

  protected async handleTeamsMessagingExtensionSubmitAction(context: TurnContext): Promise<MessagingExtensionActionResponse> {
    if (!this.deps.askSupport) return super.handleTeamsMessagingExtensionSubmitAction(context, context.activity.value);
    return this.deps.askSupport.submitAction(context, context.activity.value);
  }

  /** A search in the compose box or command box: answered here, outside the dialogs. */
  protected handleTeamsMessagingExtensionQuery(context: TurnContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    return this.deps.searchExtensions.query(context, query);
  }

  /** A search result picked: the card it inserts. */
  protected handleTeamsMessagingExtensionSelectItem(context: TurnContext, value: unknown): Promise<MessagingExtensionResponse> {
    return this.deps.searchExtensions.selectItem(context, value);
  }

  private async runTurn(context: TurnContext, raw: UserInput): Promise<void> {
    if (raw.kind === 'text' && isTooLong(raw.text)) return this.refuseTooLong(context, raw.text);
    // Secrets are masked before the input reaches state, logs, tickets or the recognizer.
    const { input, found } = redactInput(raw);
    if (input.kind === 'text') context.activity.text = input.text;
    setUserInput(context, input);
    const lang = await this.replyLanguage(context, input);
    if (!isPersonalChat(context) && input.kind === 'text') {
      const profile = await this.profile.get(context, {});
      profile.groupChats = rememberChat(profile.groupChats, context.activity.conversation.id);
    }
    setTurnLang(context, lang);
    this.deps.recentTurns.watch(context);
    if (input.kind === 'text') await this.deps.recentTurns.add(context, { from: 'user', text: input.text, at: new Date().toISOString() });
    if (found) await sendText(context, strings(lang).support.secretWarning);
    const dc = await this.dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.deps.rootDialog.id);
    const moved = takePrivateChatRequest(context);
    if (moved) {
      await this.deps.inPrivateChat(context, async (privateContext) => {
        if (moved.carry) setCarried(privateContext, moved.carry);
        await this.runTurn(privateContext, input);
        await this.deps.conversationState.saveChanges(privateContext);
        await this.deps.userState.saveChanges(privateContext);
      });
    }
  }

  /**
   * Until the user presses the language button, the reply follows the language of each message
   * (a button follows its card's language; with neither, the last one used, then the Teams
   * locale). Once pressed, that choice holds for everything until the button is pressed again.
   */
  private async replyLanguage(context: TurnContext, input: UserInput): Promise<Lang> {
    const profile = await this.profile.get(context, {});
    if (input.kind === 'action' && input.action.verb === 'language') {
      profile.language = input.action.lang;
      profile.languageChosen = true;
      return input.action.lang;
    }
    if (profile.languageChosen && profile.language) return profile.language;
    let chosen: Lang | undefined;
    if (input.kind === 'text') chosen = this.deps.detectLanguage(input.text);
    if (input.kind === 'action') chosen = input.action.lang;
    if (chosen && input.kind === 'text') profile.language = chosen;
    return chosen ?? profile.language ?? langFromLocale(context.activity.locale);
  }

  /** Nothing of an over-long message is kept or matched; the language comes from its opening words. */
  private async refuseTooLong(context: TurnContext, text: string): Promise<void> {
    const profile = await this.profile.get(context, {});
    const lang = this.deps.detectLanguage(text) ?? profile.language ?? langFromLocale(context.activity.locale);
    await sendText(context, strings(lang).messageTooLong(MAX_MESSAGE_CHARS.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-US')));
  }

  /** Added to a team or a group chat: one short introduction, not a menu per member. */
  private async introduceOnce(context: TurnContext): Promise<void> {
    if (await this.introduced.get(context, false)) return;
    await this.introduced.set(context, true);
    await sendText(context, strings(langFromLocale(context.activity.locale)).groupIntro);
  }

  private async welcomeOnce(context: TurnContext): Promise<void> {
    const profile = await this.profile.get(context, {});
    if (profile.welcomed) return;
    profile.welcomed = true;
    await sendCard(context, this.deps.cards.menu(profile.language ?? langFromLocale(context.activity.locale), 'welcome'));
  }
}

function mentionsBot(context: TurnContext): boolean {
  const botId = context.activity.recipient?.id;
  return (context.activity.entities ?? []).some(
    (e) => e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === botId,
  );
}
