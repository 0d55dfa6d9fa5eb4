import type { TurnContext } from 'botbuilder';
import type { DialogContext } from './dialog-library';
import type { FeedbackLog } from '../feedback/feedback-log';
import { strings } from '../i18n/strings';
import type { Lang } from '../i18n/language';
import { VERIFY_METHOD_TOPIC } from '../knowledge/catalog';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { CardVerb, PayloadOf } from '../views/card-action-payload';
import type { CardBuilder } from '../views/card-builder';
import type { CardJson } from '../views/card-renderer';
import { CREDIT_FLOW } from './credit-flow-dialog';
import { LINKING_FLOW } from './linking-flow-dialog';
import { carryUnanswered, rootState } from './pending-questions';
import type { PrivacyActions } from './privacy-actions';
import { recordInsight, whose } from './feedback-refs';
import { replaceCard, sendCard, sendText } from './replies';
import type { SupportActions } from './support-actions';
import type { YesNoQuestions } from './yes-no-questions';

/** What a click does. `flowStep`: the flow question the user left by clicking a button of another card. */
export type VerbHandler<V extends CardVerb> = (innerDc: DialogContext, action: PayloadOf<V>, flowStep?: string) => Promise<unknown>;

/** One handler per verb of the payload schema: a verb without one does not compile. */
export type VerbHandlers = { readonly [V in CardVerb]: VerbHandler<V> };

/** Runs the handler of the action's verb (the verb is passed apart so the compiler pairs it with its payload). */
export function routeAction<V extends CardVerb>(
  handlers: VerbHandlers,
  innerDc: DialogContext,
  verb: V,
  action: PayloadOf<V>,
  flowStep?: string,
): Promise<unknown> {
  return handlers[verb](innerDc, action, flowStep);
}

export interface CardActionDeps {
  readonly kb: KnowledgeBase;
  readonly cards: CardBuilder;
  readonly feedback: FeedbackLog;
  readonly privacy: PrivacyActions;
  readonly yesNo: YesNoQuestions;
  readonly support: SupportActions;
}

/**
 * Every button of every card, verb by verb: what a click does when no flow question takes it
 * (a running flow's question answers its own buttons first, see card-prompt.ts). A new verb in
 * views/card-action-payload.ts does not compile until it has its line here.
 */
export function cardActionHandlers(deps: CardActionDeps): VerbHandlers {
  const { cards, support } = deps;
  return {
    // The answer cards
    menu: ({ context }, { lang }) => sendCard(context, cards.menu(lang, 'menu')),
    area: ({ context }, { area, lang }) => sendCard(context, cards.area(area, lang)),
    topic: ({ context }, { topicId, lang }) => answerByButton(deps, context, topicId, lang),
    feedback: ({ context }, action) => recordFeedback(deps, context, action),
    language: async ({ context }, action) => {
      await sendText(context, strings(action.lang).languageSwitched);
      await replaceCard(context, shownAgain(deps, action));
    },
    // The guided flows, and their buttons clicked after the flow ended
    'credit.start': (innerDc) => innerDc.beginDialog(CREDIT_FLOW, {}),
    'credit.exam': (innerDc, { examCode }) => innerDc.beginDialog(CREDIT_FLOW, { examCode }),
    'credit.verify': async ({ context }, { examCode, method, lang }) => {
      // A button of a finished flow (or one from before a restart): the answer needs no state.
      await sendCard(context, cards.answer(VERIFY_METHOD_TOPIC[method], lang));
      await sendCard(context, cards.emailDraft(examCode, method, lang));
    },
    'linking.start': (innerDc) => innerDc.beginDialog(LINKING_FLOW, {}),
    'linking.situation': ({ context }, { topicId, lang }) => answerByButton(deps, context, topicId, lang),
    // Yes/no questions and "forget me"
    // Also the 1:1 chat's turn after a group chat's "yes": the group's questions were carried over.
    'support.offer': (innerDc, { accept }) => deps.yesNo.answerOffer(innerDc, accept),
    // The message it is about was kept in state and has been answered or has lapsed.
    'ticket.answer': ({ context }, { lang }) => sendText(context, strings(lang).staleButton),
    'privacy.forget': ({ context }, { lang, confirm }) => deps.privacy.answer(context, lang, confirm),
    // Support, the user's side
    support: (innerDc, { faqId }, flowStep) => support.startEscalation(innerDc, supportRequest(innerDc, faqId, flowStep)),
    'support.queue': (innerDc, { queue }) => support.startEscalation(innerDc, { topic: null, queue }),
    'support.submit': ({ context }, action) => support.submitWithoutDialog(context, action),
    'support.cancel': ({ context }, { lang }) => support.cancel(context, lang),
    'tickets.mine': ({ context }, { lang }) => support.listTickets(context, lang),
    'ticket.close': ({ context }, { ticketId, lang }) => support.close(context, ticketId, lang),
    'ticket.reopen': ({ context }, { ticketId, lang }) => support.reopen(context, ticketId, lang),
    'ticket.rate': ({ context }, action) => support.rate(context, action),
    'ticket.details': ({ context }, { ticketId, reply, lang }) => support.details(context, ticketId, reply, lang),
    'ticket.refresh': ({ context }, { ticketId, lang }) => support.refresh(context, ticketId, lang),
    // Support, the agents' side: the ticket card in the support channel
    'ticket.assign': ({ context }, { ticketId }) => support.assign(context, ticketId),
    'ticket.reply': ({ context }, { ticketId, reply }) => support.reply(context, ticketId, reply),
    'ticket.resolve': ({ context }, { ticketId }) => support.resolve(context, ticketId),
  };
}

/** "Contact support" right after questions the bot could not place ("none of these"): the form carries them. */
function supportRequest(innerDc: DialogContext, faqId: PayloadOf<'support'>['faqId'], flowStep?: string) {
  const state = rootState(innerDc);
  const step = flowStep ? { flowStep } : {};
  if (!faqId && (state.unanswered?.length ?? 0) > 0) return { ...carryUnanswered(state, 'unsure'), ...step };
  return { topic: faqId ?? null, ...step };
}

/** A topic button answers, and counts as an answered question for the insights. */
async function answerByButton(
  deps: CardActionDeps,
  context: TurnContext,
  topicId: PayloadOf<'topic'>['topicId'],
  lang: Lang,
): Promise<void> {
  await recordInsight(deps.feedback, context, lang, { kind: 'outcome', outcome: 'answered', via: 'button', topic: topicId });
  await sendCard(context, deps.cards.answer(topicId, lang));
}

async function recordFeedback(deps: CardActionDeps, context: TurnContext, action: PayloadOf<'feedback'>): Promise<void> {
  const { faqId, helpful, lang, seeAlso } = action;
  await deps.feedback.record({ kind: 'helpful', topic: faqId, helpful, lang, at: new Date().toISOString(), ...whose(context) });
  await replaceCard(context, deps.cards.answer(faqId, lang, { feedback: helpful ? 'yes' : 'no', seeAlso }));
}

/** The card the language button was pressed on, in the chosen language. */
function shownAgain({ cards, kb }: CardActionDeps, action: PayloadOf<'language'>): CardJson {
  const { lang, topicId, seeAlso, area, examCodes } = action;
  const exams = (examCodes ?? []).map((code) => kb.exams.verdict(code));
  if (topicId) return cards.answer(topicId, lang, { seeAlso, ...(exams.length > 0 ? { exams } : {}) });
  if (exams.length > 0) return cards.examVerdict(exams[0], lang, true);
  if (area) return cards.area(area, lang);
  return cards.menu(lang, 'menu');
}
