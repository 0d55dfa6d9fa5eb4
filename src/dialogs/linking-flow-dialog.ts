import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from './dialog-library';
import { strings } from '../i18n/strings';
import type { TopicId } from '../knowledge/catalog';
import type { FaqRecognizer } from '../knowledge/faq-recognizer';
import type { CardBuilder } from '../views/card-builder';
import { CardPrompt } from './card-prompt';
import { sendCard } from './replies';
import { getTurnLang, type UserInput } from './user-input';

export const LINKING_FLOW = 'linking-flow';
const STEPS = 'linking-steps';
const SITUATION_PROMPT = 'linking-situation-prompt';

/** The situations offered, each answered by one topic. */
export const SITUATION_TOPICS = Object.keys(strings('en').situations) as TopicId[];

/** What is your situation? → the answer for it. */
export class LinkingFlowDialog extends ComponentDialog {
  constructor(
    private readonly cards: CardBuilder,
    private readonly recognizer: FaqRecognizer,
    /** A described situation needs less confidence than a cold question: the context narrows it. */
    private readonly minConfidence: number,
  ) {
    super(LINKING_FLOW);
    this.addDialog(
      new CardPrompt<TopicId>(SITUATION_PROMPT, {
        parse: (input) => this.parseSituation(input),
        render: (lang, _options, retry) => cards.situationQuestion(lang, retry),
      }),
    );
    this.addDialog(new WaterfallDialog(STEPS, [this.askSituation.bind(this), this.answer.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private parseSituation(input: UserInput): TopicId | undefined {
    if (input.kind === 'action' && input.action.verb === 'linking.situation') return input.action.topicId;
    if (input.kind !== 'text') return undefined;
    const match = this.recognizer.recognize(input.text);
    const best = match.topic ? { topic: match.topic, confidence: match.confidence } : match.alternatives[0];
    const topic = best?.topic as TopicId | undefined;
    return topic && SITUATION_TOPICS.includes(topic) && best.confidence >= this.minConfidence ? topic : undefined;
  }

  private async askSituation(step: WaterfallStepContext) {
    return step.prompt(SITUATION_PROMPT, {});
  }

  private async answer(step: WaterfallStepContext) {
    await sendCard(step.context, this.cards.answer(step.result as TopicId, getTurnLang(step.context)));
    return step.endDialog();
  }
}
