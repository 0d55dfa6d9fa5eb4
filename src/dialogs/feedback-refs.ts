import type { TurnContext } from 'botbuilder';
import { userRef } from '../feedback/feedback-log';

/** Hashed user and conversation references for a feedback record (see userRef), so "forget me" can find them. */
export function whose(context: TurnContext): { user?: string; session?: string } {
  const { channelId, from, conversation } = context.activity;
  return {
    ...(from?.id ? { user: userRef(channelId, from.id) } : {}),
    ...(conversation?.id ? { session: userRef(channelId, conversation.id) } : {}),
  };
}
