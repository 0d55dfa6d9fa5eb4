import { TurnContext } from 'botbuilder';
import { strings } from '../i18n/strings';
import type { SupportQueue, TopicId } from '../knowledge/catalog';
import { TicketLimitError, type EscalationService } from '../support/escalation-service';
import type { IntakeField, IntakeFields } from '../support/intake-form';
import type { RoutingRules } from '../support/routing';
import type { Ticket, TranscriptLine } from '../support/ticket';
import type { SupportCards } from '../views/support-cards';
import type { FeedbackLog } from '../feedback/feedback-log';
import { recordInsight } from './feedback-refs';
import { replaceCard, sendText } from './replies';
import { clientTimeZone, getTurnLang } from './user-input';

/** What filing a ticket needs; the escalation dialog and the support actions hand it down. */
export interface EscalationDeps {
  readonly cards: SupportCards;
  readonly routing: RoutingRules;
  readonly escalation: EscalationService;
  /** The last turns of the conversation, already redacted. */
  readonly recentTurns: (context: TurnContext) => Promise<TranscriptLine[]>;
  /** The user's e-mail where the channel gives it, to prefill the form. */
  readonly lookupEmail: (context: TurnContext) => Promise<string | undefined>;
  /** Whether a channel, a webhook or an agent hub takes the queue's tickets; otherwise they are only recorded. */
  readonly isRouted?: (queue: SupportQueue) => Promise<boolean>;
  /** Where a filed ticket is counted for the insights (escalation rate, escalations after a topic). */
  readonly insights?: Pick<FeedbackLog, 'record'>;
}

export interface FilingRequest {
  readonly queue: SupportQueue;
  readonly topic: TopicId | null;
  readonly flowStep?: string;
  readonly fields: IntakeFields;
}

/** Form fields as typed, for showing the form again. */
export function formValuesOf(fields: IntakeFields): Partial<Record<IntakeField, string>> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<Record<IntakeField, string>>;
}

/** What filing gave: the ticket, or the sentence that tells the user why not (in their language). */
export type FilingOutcome =
  { readonly ok: true; readonly ticket: Ticket; readonly routed: boolean } | { readonly ok: false; readonly message: string };

/**
 * Files the ticket (validation done, caps and deliveries in EscalationService) without saying
 * anything: the in-chat form and the Teams dialog each show the outcome their own way.
 */
export async function openTicket(context: TurnContext, deps: EscalationDeps, request: FilingRequest): Promise<FilingOutcome> {
  const lang = getTurnLang(context);
  const from = context.activity.from;
  try {
    const ticket = await deps.escalation.open({
      queue: request.queue,
      topic: request.topic,
      ...(request.flowStep ? { flowStep: request.flowStep } : {}),
      language: lang,
      user: {
        id: from.id,
        ...(from.name ? { name: from.name } : {}),
        ...(from.aadObjectId ? { aadObjectId: from.aadObjectId } : {}),
        channelId: context.activity.channelId,
      },
      ...request.fields,
      conversation: JSON.parse(JSON.stringify(TurnContext.getConversationReference(context.activity))) as Record<string, unknown>,
      transcript: await deps.recentTurns(context).catch(() => []),
    });
    await recordInsight(deps.insights, context, lang, { kind: 'escalated', queue: ticket.queue, topic: ticket.topic });
    const routed = deps.isRouted ? await deps.isRouted(ticket.queue).catch(() => true) : true;
    return { ok: true, ticket, routed };
  } catch (error) {
    const s = strings(lang).support;
    return { ok: false, message: error instanceof TicketLimitError ? s.ticketLimit(error.limit) : s.ticketNotFiled };
  }
}

/**
 * Files the ticket and shows the confirmation. When the store is down or the user has hit the
 * hourly cap, says so in their language and returns undefined: the caller shows the form again.
 */
export async function fileTicket(context: TurnContext, deps: EscalationDeps, request: FilingRequest): Promise<Ticket | undefined> {
  const outcome = await openTicket(context, deps, request);
  if (!outcome.ok) {
    await sendText(context, outcome.message);
    return undefined;
  }
  // The form becomes the confirmation, so it cannot be sent twice.
  await replaceCard(context, deps.cards.confirmation(outcome.ticket, getTurnLang(context), outcome.routed, clientTimeZone(context)));
  return outcome.ticket;
}
