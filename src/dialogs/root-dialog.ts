import { Channels, type TurnContext } from 'botbuilder';
import { ComponentDialog, Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { FeedbackLog } from '../feedback/feedback-log';
import { strings } from '../i18n/strings';
import type { Lang } from '../i18n/language';
import type { FaqRecognizer, Recognition } from '../knowledge/faq-recognizer';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { CardBuilder } from '../views/card-builder';
import { CardPrompt } from './card-prompt';
import { CREDIT_FLOW, CreditFlowDialog } from './credit-flow-dialog';
import { LINKING_FLOW, LinkingFlowDialog } from './linking-flow-dialog';
import { replaceCard, sendCard, sendText } from './replies';
import { getTurnLang, getUserInput, type CardAction, type UserInput } from './user-input';

export const ROOT_DIALOG = 'root';
const CANCEL = /^\s*(cancel|stop|quit|exit|annuler|annule|arr[eê]ter|quitter)\s*[.!]*\s*$/i;

export interface RootDialogDeps {
  readonly kb: KnowledgeBase;
  readonly cards: CardBuilder;
  readonly recognizer: FaqRecognizer;
  readonly feedback: FeedbackLog;
  /** The least confidence at which a described situation picks a linking answer. */
  readonly situationThreshold: number;
}

/**
 * The conversation's root: it never ends. With no guided flow running it routes each input
 * (button or free text) to a card; while a flow runs, it lets the flow's question take the
 * inputs that answer it and treats anything else as an interruption.
 */
export class RootDialog extends ComponentDialog {
  constructor(private readonly deps: RootDialogDeps) {
    super(ROOT_DIALOG);
    this.addDialog(new CreditFlowDialog(deps.kb, deps.cards));
    this.addDialog(new LinkingFlowDialog(deps.cards, deps.recognizer, deps.situationThreshold));
  }

  protected async onBeginDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return this.onContinueDialog(innerDc);
  }

  protected async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const input = getUserInput(innerDc.context);
    if (innerDc.activeDialog && !(await this.interrupt(innerDc, input))) {
      await innerDc.continueDialog();
    } else if (!innerDc.activeDialog) {
      await this.route(innerDc, input);
    }
    return Dialog.EndOfTurn;
  }

  /** Returns true when the input was handled outside the running flow. */
  private async interrupt(innerDc: DialogContext, input: UserInput): Promise<boolean> {
    const context = innerDc.context;
    if (activePrompt(innerDc)?.accepts(input)) return false;
    if (input.kind === 'action' || input.kind === 'invalid-action') {
      // A button from another card: the user has moved on, so the flow gives way.
      await innerDc.cancelAllDialogs();
      await this.route(innerDc, input);
      return true;
    }
    if (input.kind !== 'text') return false;
    const recognition = await this.recognize(context, input.text);
    if (CANCEL.test(input.text) || recognition.topic === 'help') {
      await innerDc.cancelAllDialogs();
      if (CANCEL.test(input.text)) await sendText(context, strings(getTurnLang(context)).cancelled);
      await sendCard(context, this.deps.cards.menu(getTurnLang(context), 'menu'));
      return true;
    }
    if (recognition.topic) {
      await this.answer(context, recognition);
      await sendText(context, strings(getTurnLang(context)).resumeFlow);
      await innerDc.repromptDialog();
      return true;
    }
    return false;
  }

  private async route(innerDc: DialogContext, input: UserInput): Promise<void> {
    const context = innerDc.context;
    const lang = getTurnLang(context);
    switch (input.kind) {
      case 'text':
        if (CANCEL.test(input.text)) return sendCard(context, this.deps.cards.menu(lang, 'menu'));
        return this.answer(context, await this.recognize(context, input.text));
      case 'action':
        return this.act(innerDc, input.action);
      case 'invalid-action':
        await sendText(context, strings(lang).invalidAction);
        return sendCard(context, this.deps.cards.menu(lang, 'menu'));
      default:
        return undefined;
    }
  }

  private async act(innerDc: DialogContext, action: CardAction): Promise<void> {
    const { cards } = this.deps;
    const context = innerDc.context;
    const { lang } = action;
    switch (action.verb) {
      case 'menu':
        return sendCard(context, cards.menu(lang, 'menu'));
      case 'language':
        await sendText(context, strings(lang).languageSwitched);
        return sendCard(context, cards.menu(lang, 'menu'));
      case 'area':
        return sendCard(context, cards.area(action.area, lang));
      case 'support':
        return sendCard(context, cards.area('support', lang));
      case 'topic':
      case 'linking.situation':
        return sendCard(context, cards.answer(action.topicId, lang));
      case 'feedback':
        await this.deps.feedback.record({ kind: 'helpful', topic: action.faqId, helpful: action.helpful, lang, at: new Date().toISOString() });
        return replaceCard(context, cards.answer(action.faqId, lang, { feedback: action.helpful ? 'yes' : 'no' }));
      case 'credit.start':
        await innerDc.beginDialog(CREDIT_FLOW, {});
        return;
      case 'credit.exam':
        await innerDc.beginDialog(CREDIT_FLOW, { examCode: action.examCode });
        return;
      case 'credit.verify':
        // A button of a finished flow (or one from before a restart): the answer needs no state.
        await sendCard(context, cards.answer(action.method === 'badge' ? 'credit-verify-badge' : 'credit-verify-transcript', lang));
        return sendCard(context, cards.emailDraft(action.examCode, action.method, lang));
      case 'linking.start':
        await innerDc.beginDialog(LINKING_FLOW, {});
        return;
    }
  }

  private async recognize(context: TurnContext, text: string): Promise<Recognition> {
    const recognition = this.deps.recognizer.recognize(text, getTurnLang(context));
    // As botbuilder's recognizers do: the Emulator shows why the bot answered; no other channel gets traces.
    if (context.activity.channelId === Channels.Emulator) {
      await context.sendTraceActivity('FaqRecognizer', recognition, 'FaqRecognition', 'FAQ recognizer result');
    }
    return recognition;
  }

  private async answer(context: TurnContext, recognition: Recognition): Promise<void> {
    const { cards } = this.deps;
    const lang: Lang = getTurnLang(context);
    const { topic, exam } = recognition;
    if (topic === 'help') return sendCard(context, cards.menu(lang, 'menu'));
    if (topic === 'human') return sendCard(context, cards.area('support', lang));
    if (topic) {
      return sendCard(context, cards.answer(topic, lang, topic === 'credit-eligible-exams' && exam ? { exam } : {}));
    }
    await this.deps.feedback.record({ kind: 'unanswered', text: recognition.text.slice(0, 500), lang, at: new Date().toISOString() });
    return sendCard(context, cards.menu(lang, 'fallback'));
  }
}

/** The question the running flow is waiting on, found at the bottom of the dialog stack. */
function activePrompt(dc: DialogContext): CardPrompt<unknown> | undefined {
  let deepest: DialogContext = dc;
  while (deepest.child) deepest = deepest.child;
  const dialog = deepest.activeDialog ? deepest.findDialog(deepest.activeDialog.id) : undefined;
  return dialog instanceof CardPrompt ? (dialog as CardPrompt<unknown>) : undefined;
}
