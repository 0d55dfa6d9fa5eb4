import { ActivityTypes, MessageFactory, type TurnContext } from 'botbuilder';
import { cardActivity } from '../bot/card-activity';
import type { CardJson } from '../views/card-renderer';

const REPLACEMENT_CARD = Symbol('replacementCard');

export async function sendCard(context: TurnContext, card: CardJson): Promise<void> {
  await context.sendActivity(cardActivity(card));
}

export async function sendText(context: TurnContext, text: string): Promise<void> {
  await context.sendActivity(MessageFactory.text(text));
}

/**
 * Replaces the card the user clicked when the click came as an Action.Execute invoke (the
 * card updates in place, through the invoke response); otherwise, as with Action.Submit,
 * sends the card as a new message.
 */
export async function replaceCard(context: TurnContext, card: CardJson): Promise<void> {
  if (context.activity.type === ActivityTypes.Invoke) context.turnState.set(REPLACEMENT_CARD, card);
  else await sendCard(context, card);
}

export function takeReplacementCard(context: TurnContext): CardJson | undefined {
  return context.turnState.get(REPLACEMENT_CARD) as CardJson | undefined;
}
