import { ActivityTypes, CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { CardJson } from '../views/card-renderer';
import { fitToTeams } from '../views/message-size';

const REPLACEMENT_CARD = Symbol('replacementCard');

export async function sendCard(context: TurnContext, card: CardJson): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(fitToTeams(card))));
}

export async function sendText(context: TurnContext, text: string): Promise<void> {
  await context.sendActivity(MessageFactory.text(text));
}

/**
 * Replaces the card the user clicked when the click came as an Action.Execute invoke (the
 * card updates in place); otherwise, as with Action.Submit, sends the card as a new message.
 */
export async function replaceCard(context: TurnContext, card: CardJson): Promise<void> {
  if (context.activity.type === ActivityTypes.Invoke) context.turnState.set(REPLACEMENT_CARD, fitToTeams(card));
  else await sendCard(context, card);
}

export function takeReplacementCard(context: TurnContext): CardJson | undefined {
  return context.turnState.get(REPLACEMENT_CARD) as CardJson | undefined;
}
