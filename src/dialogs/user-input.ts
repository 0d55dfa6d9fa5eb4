import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { AREA_IDS, SUPPORT_QUEUES, TOPIC_IDS } from '../knowledge/catalog';
import { LANGUAGES, type Lang } from '../i18n/language';
import { isTimeZone } from '../support/working-hours';

const lang = z.enum(LANGUAGES);
const topicId = z.enum(TOPIC_IDS);
const ticketId = z.string().regex(/^(CS|MS)-[0-9A-Z]{6}$/);
/** Form fields arrive as strings; bounded here, checked field by field by the intake form. */
const field = z.string().max(4000).optional();

/**
 * What card buttons send back, whether Teams delivers it as an Action.Execute invoke or as an
 * Action.Submit message. Every payload carries the language of the card it came from.
 */
export const cardActionSchema = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal('menu'), lang }),
  z.object({ verb: z.literal('area'), lang, area: z.enum(AREA_IDS) }),
  z.object({ verb: z.literal('topic'), lang, topicId }),
  z.object({ verb: z.literal('feedback'), lang, faqId: topicId, helpful: z.boolean() }),
  // Carries what the card showed, so the switch shows the same card in the other language.
  z.object({
    verb: z.literal('language'),
    lang,
    topicId: topicId.optional(),
    area: z.enum(AREA_IDS).optional(),
    examCodes: z.array(z.string().regex(/^[A-Z0-9]{2}-\d{3}$/)).max(5).optional(),
  }),
  z.object({ verb: z.literal('support'), lang, faqId: topicId.optional() }),
  z.object({ verb: z.literal('credit.start'), lang }),
  z.object({ verb: z.literal('credit.exam'), lang, examCode: z.string().max(40).optional() }),
  z.object({
    verb: z.literal('credit.verify'),
    lang,
    examCode: z.string().regex(/^[A-Z]{2}-\d{3}$/),
    method: z.enum(['badge', 'transcript']),
  }),
  z.object({ verb: z.literal('linking.start'), lang }),
  z.object({ verb: z.literal('linking.situation'), lang, topicId }),
  z.object({ verb: z.literal('support.queue'), lang, queue: z.enum(SUPPORT_QUEUES) }),
  z.object({
    verb: z.literal('support.submit'),
    lang,
    // Where the form belongs, so a submit still files correctly when no dialog waits for it.
    queue: z.enum(SUPPORT_QUEUES).optional(),
    faqId: topicId.optional(),
    flowStep: z.string().max(64).optional(),
    description: field,
    email: field,
    mcid: field,
    partnerId: field,
    errorMessage: field,
  }),
  z.object({ verb: z.literal('support.cancel'), lang }),
  z.object({ verb: z.literal('support.offer'), lang, accept: z.boolean() }),
  z.object({ verb: z.literal('ticket.answer'), lang, ticketId, accept: z.boolean() }),
  z.object({ verb: z.literal('tickets.mine'), lang }),
  z.object({ verb: z.literal('privacy.forget'), lang, confirm: z.boolean() }),
  z.object({ verb: z.literal('ticket.assign'), lang, ticketId }),
  z.object({ verb: z.literal('ticket.resolve'), lang, ticketId }),
  z.object({ verb: z.literal('ticket.reply'), lang, ticketId, reply: field }),
  z.object({ verb: z.literal('ticket.close'), lang, ticketId }),
  z.object({ verb: z.literal('ticket.reopen'), lang, ticketId }),
  // The requester's "Add details" on their view of the ticket card; the text box is `reply`.
  z.object({ verb: z.literal('ticket.details'), lang, ticketId, reply: field }),
  // Teams asks for a viewer's own view of a ticket card (Universal Actions' refresh).
  z.object({ verb: z.literal('ticket.refresh'), lang, ticketId }),
]);

export type CardAction = z.infer<typeof cardActionSchema>;
export type CardVerb = CardAction['verb'];

/** One turn's input as the dialogs see it, whatever the channel delivered. */
export type UserInput =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'action'; readonly action: CardAction }
  /** A button payload that failed validation: the dialogs answer it, never crash on it. */
  | { readonly kind: 'invalid-action' }
  | { readonly kind: 'none' };

const USER_INPUT = Symbol('userInput');

export function setUserInput(context: TurnContext, input: UserInput): void {
  context.turnState.set(USER_INPUT, input);
}

export function getUserInput(context: TurnContext): UserInput {
  return (context.turnState.get(USER_INPUT) as UserInput | undefined) ?? { kind: 'none' };
}

const TURN_LANG = Symbol('turnLang');

/** The language this turn answers in, decided once by the bot before the dialogs run. */
export function setTurnLang(context: TurnContext, lang: Lang): void {
  context.turnState.set(TURN_LANG, lang);
}

export function findTurnLang(context: TurnContext): Lang | undefined {
  return context.turnState.get(TURN_LANG) as Lang | undefined;
}

export function getTurnLang(context: TurnContext): Lang {
  return findTurnLang(context) ?? 'en';
}

const PRIVATE_CHAT = Symbol('privateChat');
const CARRIED = Symbol('carried');

/**
 * Personal details are only asked for in the 1:1 chat: a dialog in a group asks the bot to move
 * there. `carry` goes with the move (what the user asked, why the form follows).
 */
export function requestPrivateChat(context: TurnContext, carry?: object): void {
  context.turnState.set(PRIVATE_CHAT, { carry });
}

export function takePrivateChatRequest(context: TurnContext): { carry?: object } | undefined {
  const requested = context.turnState.get(PRIVATE_CHAT) as { carry?: object } | undefined;
  context.turnState.delete(PRIVATE_CHAT);
  return requested;
}

/** In the 1:1 chat's turn: what the group chat's turn carried over, read once. */
export function setCarried(context: TurnContext, carry: object): void {
  context.turnState.set(CARRIED, carry);
}

export function takeCarried<T extends object>(context: TurnContext): T | undefined {
  const carried = context.turnState.get(CARRIED) as T | undefined;
  context.turnState.delete(CARRIED);
  return carried;
}

/** The reader's IANA time zone, as the Teams client reports it (`clientInfo`); undefined if absent or unknown. */
export function clientTimeZone(context: TurnContext): string | undefined {
  const info = (context.activity.entities ?? []).find((e) => e.type === 'clientInfo') as { timezone?: unknown } | undefined;
  const zone = info?.timezone;
  return typeof zone === 'string' && isTimeZone(zone) ? zone : undefined;
}

/** A personal (1:1) chat; channels other than Teams have no conversation type and count as personal. */
export function isPersonalChat(context: TurnContext): boolean {
  const type = context.activity.conversation?.conversationType;
  return !type || type === 'personal';
}
