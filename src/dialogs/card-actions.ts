import type { DialogContext } from './dialog-library';
import type { FeedbackLog } from '../feedback/feedback-log';
import { strings } from '../i18n/strings';
import { VERIFY_METHOD_TOPIC } from '../knowledge/catalog';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { CardBuilder } from '../views/card-builder';
import type { CardJson } from '../views/card-renderer';
import { CREDIT_FLOW } from './credit-flow-dialog';
import { LINKING_FLOW } from './linking-flow-dialog';
import type { PrivacyActions } from './privacy-actions';
import { whose } from './feedback-refs';
import { replaceCard, sendCard, sendText } from './replies';
import type { CardAction } from './user-input';
import type { YesNoQuestions } from './yes-no-questions';

export interface CardActionDeps {
  readonly kb: KnowledgeBase;
  readonly cards: CardBuilder;
  readonly feedback: FeedbackLog;
  readonly privacy: PrivacyActions;
  readonly yesNo: YesNoQuestions;
}

/** What the buttons of the answer cards do (the support buttons are SupportActions'). */
export class CardActions {
  constructor(private readonly deps: CardActionDeps) {}

  async act(innerDc: DialogContext, action: CardAction): Promise<void> {
    const { cards } = this.deps;
    const context = innerDc.context;
    const { lang } = action;
    switch (action.verb) {
      case 'menu':
        return sendCard(context, cards.menu(lang, 'menu'));
      case 'language':
        await sendText(context, strings(lang).languageSwitched);
        return replaceCard(context, this.shownAgain(action));
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
        await sendCard(context, cards.answer(VERIFY_METHOD_TOPIC[action.method], lang));
        return sendCard(context, cards.emailDraft(action.examCode, action.method, lang));
      case 'linking.start':
        await innerDc.beginDialog(LINKING_FLOW, {});
        return;
      case 'privacy.forget':
        return this.deps.privacy.answer(context, lang, action.confirm);
      case 'support.offer':
        // Also the 1:1 chat's turn after a group chat's "yes": the group's questions were carried over.
        return this.deps.yesNo.answerOffer(innerDc, action.accept);
      case 'ticket.answer':
        // The message it is about was kept in state and has been answered or has lapsed.
        return sendText(context, strings(lang).staleButton);
      default:
        return undefined;
    }
  }

  /** The card the language button was pressed on, in the chosen language. */
  private shownAgain(action: Extract<CardAction, { verb: 'language' }>): CardJson {
    const { cards, kb } = this.deps;
    const { lang, topicId, area, examCodes } = action;
    const exams = (examCodes ?? []).map((code) => kb.exams.verdict(code));
    if (topicId) return cards.answer(topicId, lang, exams.length > 0 ? { exams } : {});
    if (exams.length > 0) return cards.examVerdict(exams[0], lang, true);
    if (area) return cards.area(area, lang);
    return cards.menu(lang, 'menu');
  }
}
