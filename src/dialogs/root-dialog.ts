import { Channels, type TurnContext } from 'botbuilder';
import { ComponentDialog, Dialog, type DialogContext, type DialogTurnResult } from './dialog-library';
import type { FeedbackLog } from '../feedback/feedback-log';
import { recordInsight, whose } from './feedback-refs';
import { strings } from '../i18n/strings';
import { EXAM_LIST_TOPIC, isTopicId, type TopicId } from '../knowledge/catalog';
import type { FaqRecognizer, Recognition } from '../matching/faq-recognizer';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { SmallTalk } from '../matching/small-talk';
import type { CardBuilder } from '../views/card-builder';
import { CardPrompt } from './card-prompt';
import { CreditFlowDialog } from './credit-flow-dialog';
import { EscalationDialog } from './escalation-dialog';
import type { EscalationDeps } from './ticket-filing';
import { LinkingFlowDialog } from './linking-flow-dialog';
import { forgetUnanswered, rememberUnanswered, rootState } from './pending-questions';
import { YesNoQuestions } from './yes-no-questions';
import { cardActionHandlers, routeAction, type VerbHandlers } from './card-actions';
import type { PrivacyActions } from './privacy-actions';
import { sendCard, sendText } from './replies';
import { commandOf } from './text-commands';
import type { SupportActions } from './support-actions';
import { getTurnLang, getUserInput, type UserInput } from './user-input';

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
  private readonly smallTalk: SmallTalk;
  private readonly yesNo: YesNoQuestions;
  private readonly verbs: VerbHandlers;

  constructor(private readonly deps: RootDialogDeps) {
    super(ROOT_DIALOG);
    this.smallTalk = new SmallTalk(deps.kb.intents);
    this.yesNo = new YesNoQuestions({
      support: deps.support,
      cards: deps.cards,
      supportCards: deps.escalation.cards,
      smallTalk: this.smallTalk,
      answerAsQuestion: (innerDc, text) => this.route(innerDc, { kind: 'text', text }, undefined, false),
    });
    const { kb, cards, feedback, privacy, support } = deps;
    this.verbs = cardActionHandlers({ kb, cards, feedback, privacy, support, yesNo: this.yesNo });
    this.addDialog(new CreditFlowDialog(deps.kb, deps.cards));
    this.addDialog(new LinkingFlowDialog(deps.kb, deps.cards, deps.recognizer, deps.situationThreshold));
    this.addDialog(new EscalationDialog(deps.escalation));
  }

  protected async onBeginDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return this.onContinueDialog(innerDc);
  }

  protected async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const input = getUserInput(innerDc.context);
    // One handler per input: an interruption that ends the flow must not be routed a second time.
    if (await this.yesNo.answer(innerDc, input)) return Dialog.EndOfTurn;
    if (!innerDc.activeDialog) await this.route(innerDc, input);
    else if (!(await this.interrupt(innerDc, input))) await innerDc.continueDialog();
    return Dialog.EndOfTurn;
  }

  /** Returns true when the input was handled outside the running flow. */
  private async interrupt(innerDc: DialogContext, input: UserInput): Promise<boolean> {
    const context = innerDc.context;
    const prompt = activePrompt(innerDc);
    if (prompt?.accepts(input)) return false;
    if (input.kind === 'action' && input.action.verb === 'language') {
      // The flow stays: its question comes again in the chosen language.
      await sendText(context, strings(input.action.lang).languageSwitched);
      await innerDc.repromptDialog();
      return true;
    }
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
      await this.route(innerDc, input);
      return true;
    }
    if (await this.replySmallTalk(context, input.text)) return true;
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

  /** `checkTickets` false: the text was already offered to a waiting ticket and declined. */
  private async route(innerDc: DialogContext, input: UserInput, flowStep?: string, checkTickets = true): Promise<void> {
    const context = innerDc.context;
    const lang = getTurnLang(context);
    switch (input.kind) {
      case 'text': {
        if (await this.deps.support.handleCommand(context, input.text)) return;
        const command = commandOf(input.text);
        // A command is answered without matching, but the Emulator still sees its trace
        // (`help` or `human`), so the endpoint and `ask` agree on every message.
        if (command) await this.recognize(context, input.text);
        switch (command) {
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
            return this.deps.support.listTickets(context, lang);
          case 'human':
            return void (await this.deps.support.startEscalation(innerDc, { topic: null, text: input.text }));
          case 'forget':
            return this.deps.privacy.ask(context, lang);
          case 'whoami':
            return this.deps.support.whoami(context);
          default:
            if (await this.replySmallTalk(context, input.text)) return;
            if (checkTickets && (await this.yesNo.offerToWaitingTicket(innerDc, input.text))) return;
            return this.answer(innerDc, await this.recognize(context, input.text));
        }
      }
      case 'action':
        return void (await routeAction(this.verbs, innerDc, input.action.verb, input.action, flowStep));
      case 'invalid-action':
        await sendText(context, strings(lang).invalidAction);
        return sendCard(context, this.deps.cards.menu(lang, 'menu'));
      default:
        return undefined;
    }
  }

  /** Thanks, "ok", goodbyes: a short kind reply; not a question, so not a failure either. */
  private async replySmallTalk(context: TurnContext, text: string): Promise<boolean> {
    const talk = this.smallTalk.kindOf(text);
    if (!talk) return false;
    await sendText(context, strings(getTurnLang(context)).smallTalk[talk.kind]);
    return true;
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
    const { topic, exam, exams } = recognition;
    const state = rootState(innerDc);
    if (topic) forgetUnanswered(state);
    else rememberUnanswered(state, recognition.text);
    if (topic === 'help') return sendCard(context, cards.menu(lang, 'menu'));
    if (topic === 'human') return void (await this.deps.support.startEscalation(innerDc, { topic: null, text: recognition.text }));
    if (topic) {
      await recordInsight(this.deps.feedback, context, lang, { kind: 'outcome', outcome: 'answered', via: 'text', topic });
      const seeAlso = recognition.seeAlso?.topic;
      return sendCard(
        context,
        cards.answer(topic, lang, { seeAlso, ...(topic === EXAM_LIST_TOPIC && exam ? { exams: exams ?? [exam] } : {}) }),
      );
    }
    const suggested = recognition.suggestions
      .filter((a): a is { topic: TopicId; confidence: number } => isTopicId(a.topic))
      .map((a) => a.topic);
    if (suggested.length > 0) {
      await recordInsight(this.deps.feedback, context, lang, { kind: 'outcome', outcome: 'did-you-mean', via: 'text' });
      return sendCard(context, cards.suggestions(suggested, lang));
    }
    await recordInsight(this.deps.feedback, context, lang, { kind: 'outcome', outcome: 'fallback', via: 'text' });
    await this.deps.feedback.record({
      kind: 'unanswered',
      text: recognition.text.slice(0, 500),
      lang,
      at: new Date().toISOString(),
      ...whose(context),
    });
    if ((state.fallbacks ?? 0) >= 2) {
      // Two questions in a row the bot could not answer: it asks whether a person should take over.
      return this.yesNo.offerPerson(innerDc);
    }
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
