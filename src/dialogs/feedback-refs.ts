import type { TurnContext } from 'botbuilder';
import { userRef, type FeedbackEntry, type FeedbackLog } from '../feedback/feedback-log';
import type { Lang } from '../i18n/language';
import { atTurnEnd } from './turn-end';

/** Hashed user and conversation references for a feedback record (see userRef), so "forget me" can find them. */
export function whose(context: TurnContext): { user?: string; session?: string } {
  const { channelId, from, conversation } = context.activity;
  return {
    ...(from?.id ? { user: userRef(channelId, from.id) } : {}),
    ...(conversation?.id ? { session: userRef(channelId, conversation.id) } : {}),
  };
}

/** An event of any kind, without what `recordInsight` stamps on it. */
type Insight = FeedbackEntry extends infer E ? (E extends unknown ? Omit<E, 'at' | 'lang' | 'user' | 'session'> : never) : never;

/**
 * Records one event for the insights, stamped with the time, language and hashed references,
 * at the end of the turn (with the state save). Insights are a by-product of the turn: a failed
 * write never fails the answer or the ticket.
 */
export async function recordInsight(
  log: Pick<FeedbackLog, 'record'> | undefined,
  context: TurnContext,
  lang: Lang,
  event: Insight,
): Promise<void> {
  if (!log) return;
  const entry = { ...event, lang, at: new Date().toISOString(), ...whose(context) } as FeedbackEntry;
  await atTurnEnd(context, () => log.record(entry).catch(() => undefined));
}
