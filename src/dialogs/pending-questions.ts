import type { DialogContext } from './dialog-library';
import { redactSecrets } from '../support/redaction';
import type { EscalationOptions } from './escalation-dialog';
import type { FormReason } from '../views/support-cards';

const KEPT_QUESTIONS = 3;
const MAX_QUESTION = 500;
const MAX_DESCRIPTION = 2000;

/** What the root remembers between turns, beside its dialog stack. All of it is bounded. */
export interface RootState {
  /** Questions in a row the bot could not answer. */
  fallbacks?: number;
  /** Their text (already masked), newest last, so a form can carry them. */
  unanswered?: string[];
  /** "Would you like to ask a person?" waits for yes or no. */
  offer?: boolean;
  /** "Add this to ticket …?" waits for yes or no, with the message it is about. */
  pendingAnswer?: { ticketId: string; text: string; replyAt?: string };
  /** The agent reply whose offer the user declined ("it is a new question"): not offered again. */
  declinedReplyAt?: string;
}

export function rootState(innerDc: DialogContext): RootState {
  return (innerDc.parent?.activeDialog?.state ?? {}) as RootState;
}

export function rememberUnanswered(state: RootState, text: string): void {
  state.fallbacks = (state.fallbacks ?? 0) + 1;
  state.unanswered = [...(state.unanswered ?? []), text.slice(0, MAX_QUESTION)].slice(-KEPT_QUESTIONS);
}

export function forgetUnanswered(state: RootState): void {
  state.fallbacks = 0;
  state.unanswered = [];
}

/** The form's options for the questions the bot could not answer: they become its description. */
export function carryUnanswered(state: RootState, reason: FormReason): EscalationOptions {
  const questions = state.unanswered ?? [];
  forgetUnanswered(state);
  if (questions.length === 0) return { topic: null };
  const text = questions.join('\n');
  return { topic: null, text, reason, values: { description: redactSecrets(text.slice(0, MAX_DESCRIPTION)).text } };
}
