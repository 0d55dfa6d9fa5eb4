import {
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type ConversationState,
  type InvokeResponse,
  type StatePropertyAccessor,
  type UserState,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog, type DialogState } from 'botbuilder-dialogs';
import { langFromLocale, type Lang } from '../i18n/language';
import { detectLanguage } from '../knowledge/language-detector';
import { sendCard, takeReplacementCard } from '../dialogs/replies';
import { setTurnLang, setUserInput, type UserInput } from '../dialogs/user-input';
import type { CardBuilder } from '../views/card-builder';
import { readUserInput } from './card-action-parser';

export interface UserProfile {
  /** The language the user last wrote in or chose; absent until they do. */
  language?: Lang;
  welcomed?: boolean;
}

/**
 * The Teams activity handler: it turns each activity into one input, decides the reply
 * language, runs the root dialog and saves state. The dialogs own the conversation.
 */
export class FaqBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly profile: StatePropertyAccessor<UserProfile>;
  private readonly dialogs: DialogSet;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly rootDialog: Dialog,
    private readonly cards: CardBuilder,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.profile = userState.createProperty<UserProfile>('profile');
    this.dialogs = new DialogSet(this.dialogState).add(rootDialog);

    this.onMessage(async (context, next) => {
      TurnContext.removeRecipientMention(context.activity);
      await this.runTurn(context, readUserInput(context.activity));
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const others = (context.activity.membersAdded ?? []).filter((m) => m.id !== context.activity.recipient?.id);
      if (others.length > 0) await this.welcomeOnce(context);
      await next();
    });
  }

  /** Saves state after every turn, including turns that only update a card. */
  async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context);
    await this.userState.saveChanges(context);
  }

  protected async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    const input = readUserInput(context.activity);
    await this.runTurn(context, input);
    const card = takeReplacementCard(context);
    const body: AdaptiveCardInvokeResponse = card
      ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card }
      : // The replies went out as messages; Teams only needs to know the click was handled.
        { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: '' as unknown as Record<string, unknown> };
    return { status: 200, body };
  }

  private async runTurn(context: TurnContext, input: UserInput): Promise<void> {
    setUserInput(context, input);
    setTurnLang(context, await this.replyLanguage(context, input));
    const dc = await this.dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.rootDialog.id);
  }

  /**
   * The reply follows the question's language; a button follows its card's language; with
   * neither, the user's last choice, then the Teams locale. Writing or switching is remembered.
   */
  private async replyLanguage(context: TurnContext, input: UserInput): Promise<Lang> {
    const profile = await this.profile.get(context, {});
    let chosen: Lang | undefined;
    if (input.kind === 'text') chosen = detectLanguage(input.text).lang;
    if (input.kind === 'action') chosen = input.action.lang;
    if (chosen && (input.kind === 'text' || (input.kind === 'action' && input.action.verb === 'language'))) {
      profile.language = chosen;
    }
    return chosen ?? profile.language ?? langFromLocale(context.activity.locale);
  }

  private async welcomeOnce(context: TurnContext): Promise<void> {
    const profile = await this.profile.get(context, {});
    if (profile.welcomed) return;
    profile.welcomed = true;
    await sendCard(context, this.cards.menu(profile.language ?? langFromLocale(context.activity.locale), 'welcome'));
  }
}
