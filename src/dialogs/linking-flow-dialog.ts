import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from './dialog-library';
import { isTopicId, LINKING_SITUATIONS, type TopicId } from '../knowledge/catalog';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { FaqRecognizer } from '../matching/faq-recognizer';
import type { CardBuilder } from '../views/card-builder';
import { CardPrompt } from './card-prompt';
import { sendCard } from './replies';
import { getTurnLang, type UserInput } from './user-input';

export const LINKING_FLOW = 'linking-flow';
const STEPS = 'linking-steps';
const SITUATION_PROMPT = 'linking-situation-prompt';

/** What is your situation? → the answer for it. */
export class LinkingFlowDialog extends ComponentDialog {
  constructor(
    private readonly kb: KnowledgeBase,
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

  /**
   * A described situation is matched against the situations first, even when another linking
   * topic scores higher; a linking answer beats asking again. Only a question about something
   * else (credit, support, an exam code) is left to interrupt the flow.
   */
  private parseSituation(input: UserInput): TopicId | undefined {
    if (input.kind === 'action' && input.action.verb === 'linking.situation') return input.action.topicId;
    if (input.kind !== 'text') return undefined;
    const match = this.recognizer.recognize(input.text);
    if (match.exam) return undefined;
    const ranked = [...(match.topic ? [{ topic: match.topic, confidence: match.confidence }] : []), ...match.alternatives];
    const situation = ranked.find((c) => (LINKING_SITUATIONS as readonly string[]).includes(c.topic) && c.confidence >= this.minConfidence);
    if (situation) return situation.topic as TopicId;
    const best = ranked[0];
    return best && isTopicId(best.topic) && this.kb.topic(best.topic).area === 'linking' && best.confidence >= this.minConfidence
      ? best.topic
      : undefined;
  }

  private async askSituation(step: WaterfallStepContext) {
    return step.prompt(SITUATION_PROMPT, {});
  }

  private async answer(step: WaterfallStepContext) {
    await sendCard(step.context, this.cards.answer(step.result as TopicId, getTurnLang(step.context)));
    return step.endDialog();
  }
}
