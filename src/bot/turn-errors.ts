import { randomBytes } from 'node:crypto';
import { ActivityTypes, INVOKE_RESPONSE_KEY, type ConversationState, type InvokeResponse, type TurnContext } from 'botbuilder';
import { langFromLocale } from '../i18n/language';
import { strings } from '../i18n/strings';
import { findTurnLang } from '../dialogs/user-input';
import type { Logger } from '../logging/logger';
import { invokeResponse } from './card-activity';

/**
 * What happens when a turn throws: the error is logged with a short reference, the user gets
 * an apology in their language quoting it, and the conversation state is cleared so the next
 * message starts clean instead of replaying the broken step.
 */
export function createTurnErrorHandler(conversationState: ConversationState, logger: Logger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const reference = randomBytes(4).toString('hex').toUpperCase();
    logger.error({ event: 'turn_failed', reference, err: error, activityType: context.activity.type });
    const lang = findTurnLang(context) ?? langFromLocale(context.activity.locale);
    const apology = strings(lang).turnError(reference);
    try {
      await conversationState.delete(context);
      await conversationState.saveChanges(context, true);
    } catch (stateError) {
      logger.error({ event: 'turn_state_reset_failed', reference, err: stateError });
    }
    try {
      await context.sendActivity(apology);
    } catch (sendError) {
      logger.error({ event: 'turn_error_reply_failed', reference, err: sendError });
    }
    // Without an invoke response the adapter answers a card click with 501 and Teams shows its own error.
    if (context.activity.type === ActivityTypes.Invoke && !context.turnState.get(INVOKE_RESPONSE_KEY)) {
      const response: InvokeResponse = context.activity.name === 'adaptiveCard/action' ? invokeResponse(apology) : { status: 200 };
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: response }).catch(() => undefined);
    }
  };
}
