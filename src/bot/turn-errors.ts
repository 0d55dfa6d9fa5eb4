import { randomBytes } from 'node:crypto';
import type { ConversationState, TurnContext } from 'botbuilder';
import { langFromLocale } from '../i18n/language';
import { strings } from '../i18n/strings';
import { findTurnLang } from '../dialogs/user-input';
import type { Logger } from '../logging/logger';

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
    try {
      await conversationState.delete(context);
      await conversationState.saveChanges(context, true);
    } catch (stateError) {
      logger.error({ event: 'turn_state_reset_failed', reference, err: stateError });
    }
    try {
      await context.sendActivity(strings(lang).turnError(reference));
    } catch (sendError) {
      logger.error({ event: 'turn_error_reply_failed', reference, err: sendError });
    }
  };
}
