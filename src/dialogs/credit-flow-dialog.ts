import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from './dialog-library';
import { VERIFY_METHOD_TOPIC, type VerifyMethod } from '../knowledge/catalog';
import { findExamCodes } from '../knowledge/exam-codes';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { CardBuilder } from '../views/card-builder';
import { CardPrompt } from './card-prompt';
import { sendCard } from './replies';
import { getTurnLang, type UserInput } from './user-input';

export const CREDIT_FLOW = 'credit-flow';
const STEPS = 'credit-steps';
const EXAM_PROMPT = 'credit-exam-prompt';
const VERIFY_PROMPT = 'credit-verify-prompt';

export interface CreditFlowOptions {
  /** Set when the user already named the exam, so the flow skips that question. */
  readonly examCode?: string;
}

interface StepValues {
  examCode: string;
}

function parseExam(input: UserInput): string | undefined {
  if (input.kind === 'text') return findExamCodes(input.text)[0];
  if (input.kind === 'action' && input.action.verb === 'credit.exam') return findExamCodes(input.action.examCode ?? '')[0];
  return undefined;
}

const BADGE_WORDS = /\bbadges?(?!\p{L})/iu;
const TRANSCRIPT_WORDS = /\b(?:transcripts?|relev[ée]s?|transcriptions?)(?!\p{L})/iu;

function parseMethod(input: UserInput): VerifyMethod | undefined {
  if (input.kind === 'action' && input.action.verb === 'credit.verify') return input.action.method;
  if (input.kind !== 'text') return undefined;
  const badge = BADGE_WORDS.test(input.text);
  const transcript = TRANSCRIPT_WORDS.test(input.text);
  return badge === transcript ? undefined : badge ? 'badge' : 'transcript';
}

/** Which exam? → eligible or not → badge or transcript? → the steps and an e-mail draft. */
export class CreditFlowDialog extends ComponentDialog {
  constructor(
    private readonly kb: KnowledgeBase,
    private readonly cards: CardBuilder,
  ) {
    super(CREDIT_FLOW);
    this.addDialog(
      new CardPrompt<string>(EXAM_PROMPT, {
        parse: parseExam,
        owns: (input) => input.kind === 'action' && input.action.verb === 'credit.exam',
        render: (lang, _options, retry) => cards.examQuestion(lang, retry),
      }),
    );
    this.addDialog(
      new CardPrompt<VerifyMethod, { examCode: string }>(VERIFY_PROMPT, {
        parse: parseMethod,
        render: (lang, options) => cards.examVerdict(kb.exams.verdict(options.examCode), lang, true),
      }),
    );
    this.addDialog(new WaterfallDialog(STEPS, [this.askExam.bind(this), this.checkExam.bind(this), this.showSteps.bind(this)]));
    this.initialDialogId = STEPS;
  }

  /** Skips the question when the user already named an exam. */
  private async askExam(step: WaterfallStepContext) {
    const { examCode } = (step.options ?? {}) as CreditFlowOptions;
    return examCode ? step.next(examCode) : step.prompt(EXAM_PROMPT, {});
  }

  /** An exam not on the NCCRS list ends the flow: there is nothing to verify for Excelsior. */
  private async checkExam(step: WaterfallStepContext) {
    const examCode = step.result as string;
    (step.values as StepValues).examCode = examCode;
    const verdict = this.kb.exams.verdict(examCode);
    if (!verdict.eligible) {
      await sendCard(step.context, this.cards.examVerdict(verdict, getTurnLang(step.context), false));
      return step.endDialog();
    }
    return step.beginDialog(VERIFY_PROMPT, { examCode });
  }

  private async showSteps(step: WaterfallStepContext) {
    const method = step.result as VerifyMethod;
    const lang = getTurnLang(step.context);
    await sendCard(step.context, this.cards.answer(VERIFY_METHOD_TOPIC[method], lang));
    await sendCard(step.context, this.cards.emailDraft((step.values as StepValues).examCode, method, lang));
    return step.endDialog();
  }
}
