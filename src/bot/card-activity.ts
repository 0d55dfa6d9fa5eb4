import {
  CardFactory,
  MessageFactory,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type Attachment,
  type InvokeResponse,
  type MessagingExtensionResponse,
  type TaskModuleResponse,
} from 'botbuilder';
import type { CardJson } from '../views/card-renderer';
import { fitToTeams, sizeOf, TEAMS_ACTIVITY_BUDGET_BYTES } from '../views/message-size';

/**
 * The one way a card reaches Teams, as a message or as the answer to a click: whatever sends
 * a card (a reply in a turn, the support channel's ticket card and its updates, a proactive
 * message to the user, an invoke response) goes through here, so every card is fitted to
 * Teams' size limit with the envelope it travels in counted.
 */

const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';
const MESSAGE_TYPE = 'application/vnd.microsoft.activity.message';

/** Teams shows `value` by the clicked card (an empty text: the click was handled, nothing to show). */
export interface MessageInvokeBody {
  readonly statusCode: 200;
  readonly type: typeof MESSAGE_TYPE;
  readonly value: string;
}

/** What the bot answers to an `adaptiveCard/action` invoke: a card in place of the clicked one, or a text. */
export type CardActionInvokeBody = AdaptiveCardInvokeResponse | MessageInvokeBody;

/** Fits the card so that the whole of what `wrap` makes of it stays within the budget. */
function fitted<T>(card: CardJson, wrap: (card: CardJson) => T): T {
  const envelope = sizeOf(wrap({}));
  return wrap(fitToTeams(card, TEAMS_ACTIVITY_BUDGET_BYTES - envelope));
}

/** A message activity carrying the card, shortened if needed to what Teams accepts. */
export function cardActivity(card: CardJson): Partial<Activity> {
  return fitted(card, (fit) => MessageFactory.attachment(CardFactory.adaptiveCard(fit)));
}

/** The invoke response to a card click: a card that replaces the clicked one (fitted), or a short text. */
export function invokeResponse(reply: CardJson | string): InvokeResponse<CardActionInvokeBody> {
  if (typeof reply === 'string') return { status: 200, body: { statusCode: 200, type: MESSAGE_TYPE, value: reply } };
  return fitted(reply, (value) => ({ status: 200, body: { statusCode: 200, type: CARD_TYPE, value } }));
}

/** A card as an attachment on its own (a Teams dialog, a message extension result), fitted like every other card. */
export function cardAttachment(card: CardJson): Attachment {
  return fitted(card, (fit) => CardFactory.adaptiveCard(fit));
}

/** The answer to a dialog's fetch or submit that shows a short text in the dialog's place. */
export function dialogMessage(text: string): InvokeResponse<TaskModuleResponse> {
  return { status: 200, body: { task: { type: 'message', value: text } } };
}

/** The answer to a message extension search that shows a short text where the results would be. */
export function searchMessage(text: string): InvokeResponse<MessagingExtensionResponse> {
  return { status: 200, body: { composeExtension: { type: 'message', text } } };
}
