import {
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type ConversationState,
  type InvokeResponse,
  type StatePropertyAccessor,
  type UserState,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog, type DialogState } from '../dialogs/dialog-library';
import { langFromLocale, type Lang } from '../i18n/language';
import { strings } from '../i18n/strings';
import { sendCard, sendText, takeReplacementCard } from '../dialogs/replies';
import { isPersonalChat, setTurnLang, setUserInput, takePrivateChatRequest, type UserInput } from '../dialogs/user-input';
import type { Ticket } from '../support/ticket';
import type { CardBuilder } from '../views/card-builder';
import { readUserInput, redactInput } from './card-action-parser';
import { onHandoffStatus } from './handoff';
import type { RecentTurns } from './recent-turns';

export interface UserProfile {
  /** The language the user last wrote in or chose; absent until they do. */
  language?: Lang;
  welcomed?: boolean;
}

export interface FaqBotDeps {
  readonly conversationState: ConversationState;
  readonly userState: UserState;
  readonly rootDialog: Dialog;
  readonly cards: CardBuilder;
  readonly recentTurns: RecentTurns;
  /** The user's newest ticket, for handoff status messages. */
  readonly latestTicket: (userId: string) => Promise<Ticket | undefined>;
  readonly logger: { warn(fields: Record<string, unknown>): void };
  /** English or French for a typed message, undefined when it gives no clue (e.g. "AZ-104"). */
  readonly detectLanguage: (text: string) => Lang | undefined;
  /** Runs a turn in the user's 1:1 chat with the bot (created if needed). */
  readonly inPrivateChat: (context: TurnContext, logic: (privateContext: TurnContext) => Promise<void>) => Promise<void>;
}

/**
 * The Teams activity handler: it turns each activity into one input (secrets masked first),
 * decides the reply language, runs the root dialog and saves state. The dialogs own the flow.
 */
export class FaqBot extends TeamsActivityHandler {
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
      if (context.activity.name === 'handoff.status') await onHandoffStatus(context, () => deps.latestTicket(context.activity.from.id));
      await next();
    });
  }

  /**
   * Saves state after every turn, including turns that only update a card. The user already
   * has their answer; if the store is down, the loss is this turn's state, logged, not the reply.
   */
  async run(context: TurnContext): Promise<void> {
    await super.run(context);
    try {
      // Together, so an embedded store commits both in one transaction with one flush.
      await Promise.all([this.deps.conversationState.saveChanges(context), this.deps.userState.saveChanges(context)]);
    } catch (error) {
      this.deps.logger.warn({ event: 'state_save_failed', err: error });
    }
  }

  protected async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    await this.runTurn(context, readUserInput(context.activity));
    const card = takeReplacementCard(context);
    const body: AdaptiveCardInvokeResponse = card
      ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card }
      : // The replies went out as messages; Teams only needs to know the click was handled.
        { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: '' as unknown as Record<string, unknown> };
    return { status: 200, body };
  }

  private async runTurn(context: TurnContext, raw: UserInput): Promise<void> {
    // Secrets are masked before the input reaches state, logs, tickets or the recognizer.
    const { input, found } = redactInput(raw);
    if (input.kind === 'text') context.activity.text = input.text;
    setUserInput(context, input);
    const lang = await this.replyLanguage(context, input);
    setTurnLang(context, lang);
    this.deps.recentTurns.watch(context);
    if (input.kind === 'text') await this.deps.recentTurns.add(context, { from: 'user', text: input.text, at: new Date().toISOString() });
    if (found) await sendText(context, strings(lang).support.secretWarning);
    const dc = await this.dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.deps.rootDialog.id);
    if (takePrivateChatRequest(context)) {
      await this.deps.inPrivateChat(context, async (privateContext) => {
        await this.runTurn(privateContext, input);
        await this.deps.conversationState.saveChanges(privateContext);
        await this.deps.userState.saveChanges(privateContext);
      });
    }
  }

  /**
   * The reply follows the question's language; a button follows its card's language; with
   * neither, the user's last choice, then the Teams locale. Writing or switching is remembered.
   */
  private async replyLanguage(context: TurnContext, input: UserInput): Promise<Lang> {
    const profile = await this.profile.get(context, {});
    let chosen: Lang | undefined;
    if (input.kind === 'text') chosen = this.deps.detectLanguage(input.text);
    if (input.kind === 'action') chosen = input.action.lang;
    if (chosen && (input.kind === 'text' || (input.kind === 'action' && input.action.verb === 'language'))) {
      profile.language = chosen;
    }
    return chosen ?? profile.language ?? langFromLocale(context.activity.locale);
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
  return (context.activity.entities ?? []).some((e) => e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === botId);
}
