import type { DialogContext } from './dialog-library';
import type { Confirmation, SmallTalk } from '../matching/small-talk';
import type { CardBuilder } from '../views/card-builder';
import type { SupportCards } from '../views/support-cards';
import { carryUnanswered, forgetUnanswered, rootState } from './pending-questions';
import { sendCard } from './replies';
import type { SupportActions } from './support-actions';
import { getTurnLang, isPersonalChat, type UserInput } from './user-input';

export interface YesNoDeps {
  readonly support: SupportActions;
  readonly cards: CardBuilder;
  readonly supportCards: SupportCards;
  readonly smallTalk: SmallTalk;
  /** Routes a text as a question (never offered to a ticket again), when the user says it is one. */
  readonly answerAsQuestion: (innerDc: DialogContext, text: string) => Promise<void>;
}

/**
 * The two questions the root asks and waits on for one turn: "Would you like to ask a person
 * from support?" after two unanswered questions, and "Add this to ticket …?" while support
 * waits for the user. Answered by their buttons or a typed yes/no, in either language.
 */
export class YesNoQuestions {
  constructor(private readonly deps: YesNoDeps) {}

  /** Two questions the bot could not answer: it asks before opening a form. */
  async offerPerson(innerDc: DialogContext): Promise<void> {
    const state = rootState(innerDc);
    state.fallbacks = 0;
    state.offer = true;
    await sendCard(innerDc.context, this.deps.supportCards.offer(getTurnLang(innerDc.context), false));
  }

  /**
   * A yes or no to the question asked on the previous turn. Anything else means the user moved
   * on: the question lapses and the input is routed as usual. Returns true when it was handled.
   */
  async answer(innerDc: DialogContext, input: UserInput): Promise<boolean> {
    const state = rootState(innerDc);
    const { offer, pendingAnswer } = state;
    if (!offer && !pendingAnswer) return false;
    delete state.offer;
    delete state.pendingAnswer;
    const choice = this.choiceIn(input, pendingAnswer?.ticketId);
    if (!choice) return false;
    if (!pendingAnswer) {
      await this.answerOffer(innerDc, choice === 'yes');
    } else if (choice === 'yes') {
      await this.deps.support.addToTicket(innerDc.context, pendingAnswer.ticketId, pendingAnswer.text);
    } else {
      state.declinedReplyAt = pendingAnswer.replyAt;
      await this.deps.answerAsQuestion(innerDc, pendingAnswer.text);
    }
    return true;
  }

  /** Yes: the form, carrying the questions the bot could not answer. No: the menu. */
  async answerOffer(innerDc: DialogContext, accept: boolean): Promise<void> {
    const state = rootState(innerDc);
    if (accept) return void (await this.deps.support.startEscalation(innerDc, carryUnanswered(state, 'unanswered')));
    forgetUnanswered(state);
    await sendCard(innerDc.context, this.deps.cards.menu(getTurnLang(innerDc.context), 'menu'));
  }

  /** While support waits for the user's answer, their message is offered to that ticket first. */
  async offerToWaitingTicket(innerDc: DialogContext, text: string): Promise<boolean> {
    if (!isPersonalChat(innerDc.context)) return false;
    const ticket = await this.deps.support.awaitingTicket(innerDc.context);
    const replyAt = [...(ticket?.history ?? [])].reverse().find((h) => h.kind === 'reply')?.at;
    // Declined once ("it is a new question"): not offered again until support writes again.
    if (!ticket || (replyAt && rootState(innerDc).declinedReplyAt === replyAt)) return false;
    rootState(innerDc).pendingAnswer = { ticketId: ticket.id, text: text.slice(0, 2000), ...(replyAt ? { replyAt } : {}) };
    await this.deps.support.offerToTicket(innerDc.context, ticket, text);
    return true;
  }

  /** Yes or no, typed or from the question's own buttons; `ticketId` when the question is about a ticket. */
  private choiceIn(input: UserInput, ticketId: string | undefined): Confirmation | undefined {
    if (input.kind === 'text') return this.deps.smallTalk.confirmationOf(input.text);
    if (input.kind !== 'action') return undefined;
    const { action } = input;
    const answers = ticketId ? action.verb === 'ticket.answer' && action.ticketId === ticketId : action.verb === 'support.offer';
    return answers && 'accept' in action ? (action.accept ? 'yes' : 'no') : undefined;
  }
}
