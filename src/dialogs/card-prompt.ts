import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from './dialog-library';
import type { TurnContext } from 'botbuilder';
import type { Lang } from '../i18n/language';
import type { CardJson } from '../views/card-renderer';
import { sendCard } from './replies';
import { getTurnLang, getUserInput, type UserInput } from './user-input';

export interface CardPromptSpec<T, O> {
  /** The answer in this input, or undefined when the input does not answer the question. */
  parse(input: UserInput): T | undefined;
  /** Inputs meant for this question even when invalid (its own form's submit): they get a retry, not an interruption. */
  owns?(input: UserInput): boolean;
  /** The question as a card; on a retry, `rejected` is the input that did not answer it. */
  render(lang: Lang, options: O, retry: boolean, rejected?: UserInput): CardJson;
}

/**
 * A question asked with a card, answered by a button or by typing. Unlike botbuilder's prompts
 * it re-renders in the current turn's language, and it can tell a parent dialog whether an
 * input answers it, which is how free-text questions interrupt a flow without breaking it.
 */
export class CardPrompt<T, O extends object = object> extends Dialog<O> {
  constructor(
    dialogId: string,
    private readonly spec: CardPromptSpec<T, O>,
  ) {
    super(dialogId);
  }

  accepts(input: UserInput): boolean {
    return this.spec.parse(input) !== undefined || (this.spec.owns?.(input) ?? false);
  }

  async beginDialog(dc: DialogContext, options?: O): Promise<DialogTurnResult> {
    dc.activeDialog!.state.options = options;
    await this.ask(dc.context, options as O, false);
    return Dialog.EndOfTurn;
  }

  async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const input = getUserInput(dc.context);
    const value = this.spec.parse(input);
    if (value === undefined) {
      await this.ask(dc.context, dc.activeDialog!.state.options as O, true, input);
      return Dialog.EndOfTurn;
    }
    return dc.endDialog(value);
  }

  async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.ask(context, instance.state.options as O, false);
  }

  private async ask(context: TurnContext, options: O, retry: boolean, rejected?: UserInput): Promise<void> {
    await sendCard(context, this.spec.render(getTurnLang(context), options, retry, rejected));
  }
}
