import { Channels, type TurnContext } from 'botbuilder';
import { ComponentDialog, Dialog, type DialogContext, type DialogTurnResult } from './dialog-library';
import { userRef, type FeedbackLog } from '../feedback/feedback-log';
import { strings } from '../i18n/strings';
import { isTopicId, type TopicId } from '../knowledge/catalog';
import type { FaqRecognizer, Recognition } from '../knowledge/faq-recognizer';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { CardBuilder } from '../views/card-builder';
import { CardPrompt } from './card-prompt';
import { CREDIT_FLOW, CreditFlowDialog } from './credit-flow-dialog';
import { EscalationDialog, type EscalationDeps } from './escalation-dialog';
import { LINKING_FLOW, LinkingFlowDialog } from './linking-flow-dialog';
import type { PrivacyActions } from './privacy-actions';
import { replaceCard, sendCard, sendText } from './replies';
import { commandOf } from './text-commands';
import type { SupportActions } from './support-actions';
import { getTurnLang, getUserInput, type CardAction, type UserInput } from './user-input';

export const ROOT_DIALOG = 'root';

export interface RootDialogDeps {
  readonly kb: KnowledgeBase;
  readonly cards: CardBuilder;
  readonly recognizer: FaqRecognizer;
  readonly feedback: FeedbackLog;
  /** The least confidence at which a described situation picks a linking answer. */
  readonly situationThreshold: number;
  readonly escalation: EscalationDeps;
  readonly support: SupportActions;
  readonly privacy: PrivacyActions;
}

/**
 * The conversation's root: it never ends. With no flow running it routes each input (button
 * or free text) to a card; while a flow runs, the flow's question takes the inputs that answer
 * it and anything else is an interruption: answered, then the question is asked again.
 */
export class RootDialog extends ComponentDialog {
  constructor(private readonly deps: RootDialogDeps) {
    super(ROOT_DIALOG);
    this.addDialog(new CreditFlowDialog(deps.kb, deps.cards));
    this.addDialog(new LinkingFlowDialog(deps.cards, deps.recognizer, deps.situationThreshold));
    this.addDialog(new EscalationDialog(deps.escalation));
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
    const prompt = activePrompt(innerDc);
    if (prompt?.accepts(input)) return false;
    if (input.kind === 'action' || input.kind === 'invalid-action') {
      // A button from another card: the user has moved on, so the flow gives way.
      await innerDc.cancelAllDialogs();
      await this.route(innerDc, input, prompt?.id);
      return true;
    }
    if (input.kind !== 'text') return false;
    const command = commandOf(input.text);
    if (command) {
      await innerDc.cancelAllDialogs();
      if (command === 'cancel') await sendText(context, strings(getTurnLang(context)).cancelled);
      await this.route(innerDc, command === 'cancel' ? { kind: 'text', text: 'menu' } : input);
      return true;
    }
    const recognition = await this.recognize(context, input.text);
    if (recognition.topic === 'help') {
      await innerDc.cancelAllDialogs();
      await sendCard(context, this.deps.cards.menu(getTurnLang(context), 'menu'));
      return true;
    }
    if (recognition.topic && recognition.topic !== 'human') {
      await this.answer(innerDc, recognition);
      await sendText(context, strings(getTurnLang(context)).resumeFlow);
      await innerDc.repromptDialog();
      return true;
    }
    return false;
  }

  private async route(innerDc: DialogContext, input: UserInput, flowStep?: string): Promise<void> {
    const context = innerDc.context;
    const lang = getTurnLang(context);
    switch (input.kind) {
      case 'text':
        if (await this.deps.support.handleCommand(context, input.text)) return;
        switch (commandOf(input.text)) {
          case 'cancel':
          case 'help':
            return sendCard(context, this.deps.cards.menu(lang, 'menu'));
          case 'credit':
            return sendCard(context, this.deps.cards.area('credit', lang));
          case 'link':
            return sendCard(context, this.deps.cards.area('linking', lang));
          case 'support':
            return sendCard(context, this.deps.cards.area('support', lang));
          case 'my tickets':
            return void (await this.deps.support.handle(innerDc, { verb: 'tickets.mine', lang }));
          case 'human':
            return void (await this.deps.support.startEscalation(innerDc, { topic: null, text: input.text }));
          case 'forget':
            return this.deps.privacy.ask(context, lang);
          default:
            return this.answer(innerDc, await this.recognize(context, input.text));
        }
      case 'action':
        if (await this.deps.support.handle(innerDc, input.action, flowStep)) return;
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
      case 'topic':
      case 'linking.situation':
        return sendCard(context, cards.answer(action.topicId, lang));
      case 'feedback':
        await this.deps.feedback.record({ kind: 'helpful', topic: action.faqId, helpful: action.helpful, lang, at: new Date().toISOString(), ...whose(context) });
        return replaceCard(context, cards.answer(action.faqId, lang, { feedback: action.helpful ? 'yes' : 'no' }));
      case 'credit.start':
      case 'credit.exam':
        await innerDc.beginDialog(CREDIT_FLOW, action.verb === 'credit.exam' ? { examCode: action.examCode } : {});
        return;
      case 'credit.verify':
        // A button of a finished flow (or one from before a restart): the answer needs no state.
        await sendCard(context, cards.answer(action.method === 'badge' ? 'credit-verify-badge' : 'credit-verify-transcript', lang));
        return sendCard(context, cards.emailDraft(action.examCode, action.method, lang));
      case 'linking.start':
        await innerDc.beginDialog(LINKING_FLOW, {});
        return;
      case 'privacy.forget':
        return this.deps.privacy.answer(context, lang, action.confirm);
      default:
        return undefined;
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

  private async answer(innerDc: DialogContext, recognition: Recognition): Promise<void> {
    const { cards } = this.deps;
    const context = innerDc.context;
    const lang = getTurnLang(context);
    const { topic, exam } = recognition;
    const state = rootState(innerDc);
    state.fallbacks = topic ? 0 : (state.fallbacks ?? 0) + 1;
    if (topic === 'help') return sendCard(context, cards.menu(lang, 'menu'));
    if (topic === 'human') return void (await this.deps.support.startEscalation(innerDc, { topic: null, text: recognition.text }));
    if (topic) return sendCard(context, cards.answer(topic, lang, topic === 'credit-eligible-exams' && exam ? { exam } : {}));
    const suggested = recognition.suggestions.filter((a): a is { topic: TopicId; confidence: number } => isTopicId(a.topic)).map((a) => a.topic);
    if (suggested.length > 0) return sendCard(context, cards.suggestions(suggested, lang));
    await this.deps.feedback.record({ kind: 'unanswered', text: recognition.text.slice(0, 500), lang, at: new Date().toISOString(), ...whose(context) });
    if (state.fallbacks >= 2) {
      // Two questions in a row the bot could not answer: a person is the better next step.
      state.fallbacks = 0;
      await sendText(context, strings(lang).support.twoFallbacks);
      return void (await this.deps.support.startEscalation(innerDc, { topic: null, text: recognition.text }));
    }
    return sendCard(context, cards.menu(lang, 'fallback'));
  }
}

/** The root's own persisted state, beside its dialog stack. */
function rootState(innerDc: DialogContext): { fallbacks?: number } {
  return (innerDc.parent?.activeDialog?.state ?? {}) as { fallbacks?: number };
}

/** The question the running flow is waiting on, found at the bottom of the dialog stack. */
function activePrompt(dc: DialogContext): CardPrompt<unknown> | undefined {
  let deepest: DialogContext = dc;
  while (deepest.child) deepest = deepest.child;
  const dialog = deepest.activeDialog ? deepest.findDialog(deepest.activeDialog.id) : undefined;
  return dialog instanceof CardPrompt ? (dialog as CardPrompt<unknown>) : undefined;
}

/** Hashed user and conversation references for a feedback record (see userRef). */
function whose(context: TurnContext): { user?: string; session?: string } {
  const { channelId, from, conversation } = context.activity;
  return {
    ...(from?.id ? { user: userRef(channelId, from.id) } : {}),
    ...(conversation?.id ? { session: userRef(channelId, conversation.id) } : {}),
  };
}
