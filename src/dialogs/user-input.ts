import type { TurnContext } from 'botbuilder';
import type { Lang } from '../i18n/language';
import type { CardAction } from '../views/card-action-payload';
import type { TicketPerson } from '../support/ticket';
import { isTimeZone } from '../support/working-hours';

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

/** Who sent the activity, with the channel their id belongs to. */
export function personOf(context: TurnContext): TicketPerson {
  const { id, name, aadObjectId } = context.activity.from;
  return { id, ...(name ? { name } : {}), ...(aadObjectId ? { aadObjectId } : {}), channelId: context.activity.channelId };
}
