import { z } from 'zod';
import { LANGUAGES, langFromLocale, type Lang } from '../i18n/language';
import { strings } from '../i18n/strings';
import { SUPPORT_QUEUES, TOPIC_IDS, isTopicId, type Intent, type SupportQueue, type TopicId } from '../knowledge/catalog';
import { INTAKE_FIELDS, validateIntake, type IntakeField, type IntakeFields } from '../support/intake-form';
import { redactSecrets } from '../support/redaction';
import { routeEscalation, type RoutingRules } from '../support/routing';
import type { Ticket } from '../support/ticket';
import type { CardJson } from '../views/card-renderer';
import { forDialog } from '../views/dialog-card';
import type { IntakeContext, SupportCards } from '../views/support-cards';
import { MAX_DESCRIPTION_CHARS, messageText } from './message-text';

/** The manifest's command id (manifest/manifest.json, composeExtensions). */
export const ASK_SUPPORT_COMMAND = 'askSupport';

/** The verbs the dialog's cards keep: pick a queue, send the form, cancel. */
const DIALOG_VERBS = ['support.queue', 'support.submit', 'support.cancel'] as const;

const lang = z.enum(LANGUAGES);
const queue = z.enum(SUPPORT_QUEUES);
const faqId = z.enum(TOPIC_IDS).optional();
/**
 * Cut before anything else, one character past the longest field allows (4,000 in the chat's
 * payloads), so an over-long field comes back as that field's problem, not as a refused dialog.
 */
const field = z
  .string()
  .transform((v) => v.slice(0, 4001))
  .optional();
const flag = z.literal('true').optional();

/** What the dialog's buttons send back (their data, merged by Teams with the form's inputs). */
const submitSchema = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal('support.queue'), lang, queue, faqId, description: field, masked: flag, cut: flag }),
  z.object({
    verb: z.literal('support.submit'),
    lang,
    queue,
    faqId,
    description: field,
    email: field,
    mcid: field,
    partnerId: field,
    errorMessage: field,
  }),
  z.object({ verb: z.literal('support.cancel'), lang }),
]);

const invokeSchema = z.looseObject({ commandId: z.string().max(64).optional(), messagePayload: z.unknown().optional() });
const submitInvokeSchema = z.looseObject({ commandId: z.string().max(64).optional(), data: z.unknown() });

export interface AskSupportDeps {
  readonly cards: SupportCards;
  readonly routing: RoutingRules;
  /** What the recognizer answers for a text, if anything: its topic routes the ticket as in the chat. */
  readonly topicOf: (text: string, lang: Lang) => Intent | null;
  readonly detectLanguage: (text: string) => Lang | undefined;
}

/** What to do with the dialog: show a card in it, file a ticket, close it with a message, or just close it. */
export type DialogStep =
  | { readonly kind: 'show'; readonly lang: Lang; readonly title: string; readonly card: CardJson }
  | {
      readonly kind: 'file';
      readonly lang: Lang;
      readonly queue: SupportQueue;
      readonly topic: TopicId | null;
      readonly fields: IntakeFields;
      /** Something typed into the dialog looked like a password: masked, and the user is told. */
      readonly masked: boolean;
    }
  | { readonly kind: 'message'; readonly text: string }
  | { readonly kind: 'close' };

/** How filing went, as ticket-filing.ts reports it. */
export type FiledOutcome =
  | { readonly ok: true; readonly ticket: Pick<Ticket, 'id' | 'queue'>; readonly routed: boolean }
  | { readonly ok: false; readonly message: string };

/**
 * "Ask support about this message": the message's text becomes the intake form's description
 * (masked and capped), the queue is guessed as in the chat, and the form is checked by the same
 * rules. Knows nothing of botbuilder: the activity handler turns steps into invoke responses.
 */
export class AskSupportDialog {
  constructor(private readonly deps: AskSupportDeps) {}

  /** composeExtension/fetchTask: the form (or the queue question first, when the text does not tell). */
  open(value: unknown, locale: string | undefined, email?: string): DialogStep {
    const invoke = invokeSchema.safeParse(value);
    const message = messageText(invoke.success ? invoke.data.messagePayload : undefined);
    const l = locale ? langFromLocale(locale) : (this.deps.detectLanguage(message.text) ?? 'en');
    if (!invoke.success || invoke.data.commandId !== ASK_SUPPORT_COMMAND)
      return { kind: 'message', text: strings(l).dialog.unknownCommand };
    const intent = message.text ? this.deps.topicOf(message.text, l) : null;
    const topic = intent && isTopicId(intent) ? intent : null;
    const decision = routeEscalation(this.deps.routing, topic, message.text);
    const values = { description: message.text, ...(email ? { email } : {}) };
    if (decision.kind === 'queue') {
      return this.form(l, { queue: decision.queue, topic, ...fromMessage(message.text) }, values, [], this.notice(l, message));
    }
    const question = this.deps.cards.queueQuestion(l, { retry: false, creditApplication: decision.kind === 'credit-application' });
    const carry = {
      description: message.text,
      ...(topic ? { faqId: topic } : {}),
      ...(message.masked ? { masked: 'true' } : {}),
      ...(message.cut ? { cut: 'true' } : {}),
    };
    return { kind: 'show', lang: l, title: strings(l).dialog.dialogTitle, card: forDialog(question, { verbs: DIALOG_VERBS, carry }) };
  }

  /** composeExtension/submitAction: the next card, or the fields to file. */
  submit(value: unknown, locale: string | undefined): DialogStep {
    const invoke = submitInvokeSchema.safeParse(value);
    const data = submitSchema.safeParse(invoke.success ? invoke.data.data : undefined);
    const fallback = langFromLocale(locale);
    if (!invoke.success || invoke.data.commandId !== ASK_SUPPORT_COMMAND || !data.success) {
      return { kind: 'message', text: strings(fallback).dialog.unknownCommand };
    }
    const action = data.data;
    if (action.verb === 'support.cancel') return { kind: 'close' };
    const context = { queue: action.queue, topic: action.faqId ?? null };
    if (action.verb === 'support.queue') {
      const description = redactSecrets((action.description ?? '').slice(0, MAX_DESCRIPTION_CHARS)).text;
      const notice = this.notice(action.lang, { masked: action.masked === 'true', cut: action.cut === 'true' });
      return this.form(action.lang, { ...context, ...fromMessage(description) }, { description }, [], notice);
    }
    // Masked as in the chat: whatever the user typed into the dialog, before it is checked or kept.
    let masked = false;
    const values: Partial<Record<IntakeField, string>> = {};
    for (const key of INTAKE_FIELDS) {
      const typed = action[key];
      if (typed === undefined) continue;
      const redacted = redactSecrets(typed);
      masked ||= redacted.found;
      values[key] = redacted.text;
    }
    const result = validateIntake(values);
    if (!result.ok) {
      const s = strings(action.lang).support;
      return this.form(action.lang, context, values, result.invalid, masked ? `${s.secretWarning} ${s.formHasErrors}` : '');
    }
    return { kind: 'file', lang: action.lang, ...context, fields: result.fields, masked };
  }

  /** Filed: the dialog closes on the ticket id. Not filed (the hourly cap, the store): the form again, as typed. */
  afterFiling(step: Extract<DialogStep, { kind: 'file' }>, outcome: FiledOutcome): DialogStep {
    const s = strings(step.lang);
    if (outcome.ok) {
      const { id, queue: filedTo } = outcome.ticket;
      const text = outcome.routed ? s.dialog.sent(id, s.support.queueNames[filedTo]) : s.dialog.recorded(id);
      return { kind: 'message', text: step.masked ? `${text}\n\n${s.support.secretWarning}` : text };
    }
    const values = Object.fromEntries(Object.entries(step.fields).filter(([, v]) => v !== undefined)) as Partial<
      Record<IntakeField, string>
    >;
    return this.form(step.lang, { queue: step.queue, topic: step.topic }, values, [], outcome.message);
  }

  private form(
    l: Lang,
    context: IntakeContext,
    values: Partial<Record<IntakeField, string>>,
    invalid: readonly IntakeField[],
    notice = '',
  ): DialogStep {
    const card = this.deps.cards.intakeForm(l, context, values, invalid, notice);
    return { kind: 'show', lang: l, title: strings(l).dialog.dialogTitle, card: forDialog(card, { verbs: DIALOG_VERBS }) };
  }

  private notice(l: Lang, message: { masked: boolean; cut: boolean }): string {
    const s = strings(l).dialog;
    const max = MAX_DESCRIPTION_CHARS.toLocaleString(l === 'fr' ? 'fr-FR' : 'en-US');
    return [message.masked ? s.secretMasked : '', message.cut ? s.messageCut(max) : ''].filter(Boolean).join(' ');
  }
}

/** The form says the description is the picked message only when there is one (not from the compose box). */
function fromMessage(text: string): Pick<IntakeContext, 'reason'> {
  return text ? { reason: 'message' } : {};
}
