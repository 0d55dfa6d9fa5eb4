import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from './dialog-library';
import type { SupportQueue, TopicId } from '../knowledge/catalog';
import { validateIntake, type IntakeField, type IntakeFields } from '../support/intake-form';
import { routeEscalation } from '../support/routing';
import type { FormReason } from '../views/support-cards';
import { CardPrompt } from './card-prompt';
import { fileTicket, formValuesOf, type EscalationDeps } from './ticket-filing';
import type { UserInput } from './user-input';

export const ESCALATION = 'escalation';
const STEPS = 'escalation-steps';
const QUEUE_PROMPT = 'escalation-queue-prompt';
const INTAKE_PROMPT = 'escalation-intake-prompt';

export interface EscalationOptions {
  readonly topic: TopicId | null;
  /** The guided-flow step the user was on when they asked for help. */
  readonly flowStep?: string;
  /** What the user typed, which may tell the queue. */
  readonly text?: string;
  /** Set when the form comes back after the store failed: the queue and what was typed. */
  readonly queue?: SupportQueue;
  readonly values?: Partial<Record<IntakeField, string>>;
  /** Why the form follows what the user typed (said on the form, whose description carries that text). */
  readonly reason?: FormReason;
}

interface IntakeOptions {
  readonly queue: SupportQueue;
  readonly topic: TopicId | null;
  readonly flowStep?: string;
  readonly reason?: FormReason;
  readonly values: Partial<Record<IntakeField, string>>;
}

function formValues(input: UserInput | undefined): Partial<Record<IntakeField, string>> {
  if (input?.kind !== 'action' || input.action.verb !== 'support.submit') return {};
  const { description, email, mcid, partnerId, errorMessage } = input.action;
  return { description, email, mcid, partnerId, errorMessage };
}

/** Which queue? (only when the context does not tell) → the intake form → the ticket. */
export class EscalationDialog extends ComponentDialog {
  constructor(private readonly deps: EscalationDeps) {
    super(ESCALATION);
    this.addDialog(
      new CardPrompt<SupportQueue, { creditApplication: boolean }>(QUEUE_PROMPT, {
        parse: (input) => this.parseQueue(input),
        render: (lang, options, retry) => deps.cards.queueQuestion(lang, { retry, creditApplication: options.creditApplication }),
      }),
    );
    this.addDialog(
      new CardPrompt<IntakeFields, IntakeOptions>(INTAKE_PROMPT, {
        parse: (input) => {
          const result = input.kind === 'action' && input.action.verb === 'support.submit' ? validateIntake(formValues(input)) : undefined;
          return result?.ok ? result.fields : undefined;
        },
        owns: (input) => input.kind === 'action' && input.action.verb === 'support.submit',
        render: (lang, options, retry, rejected) => {
          const values = retry ? { ...options.values, ...formValues(rejected) } : options.values;
          const result = retry && rejected?.kind === 'action' ? validateIntake(values) : undefined;
          return deps.cards.intakeForm(lang, options, values, result && !result.ok ? result.invalid : []);
        },
      }),
    );
    this.addDialog(new WaterfallDialog(STEPS, [this.chooseQueue.bind(this), this.askDetails.bind(this), this.fileTicket.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private parseQueue(input: UserInput): SupportQueue | undefined {
    if (input.kind === 'action' && input.action.verb === 'support.queue') return input.action.queue;
    if (input.kind !== 'text') return undefined;
    const decision = routeEscalation(this.deps.routing, null, input.text);
    return decision.kind === 'queue' ? decision.queue : undefined;
  }

  /** The topic or the user's words usually decide; one short question otherwise. */
  private async chooseQueue(step: WaterfallStepContext) {
    const { topic, text, queue } = step.options as EscalationOptions;
    if (queue) return step.next(queue);
    const decision = routeEscalation(this.deps.routing, topic, text ?? '');
    if (decision.kind === 'queue') return step.next(decision.queue);
    return step.beginDialog(QUEUE_PROMPT, { creditApplication: decision.kind === 'credit-application' });
  }

  private async askDetails(step: WaterfallStepContext) {
    const { topic, flowStep, values, reason } = step.options as EscalationOptions;
    const queue = step.result as SupportQueue;
    (step.values as { queue: SupportQueue }).queue = queue;
    const email = values?.email ?? (await this.deps.lookupEmail(step.context).catch(() => undefined));
    const intake: IntakeOptions = {
      queue,
      topic,
      flowStep,
      ...(reason ? { reason } : {}),
      values: { ...values, ...(email ? { email } : {}) },
    };
    return step.beginDialog(INTAKE_PROMPT, intake);
  }

  /** Stored first; if the store is down, the user is told and the form comes back filled in. */
  private async fileTicket(step: WaterfallStepContext) {
    const { topic, flowStep } = step.options as EscalationOptions;
    const { queue } = step.values as { queue: SupportQueue };
    const fields = step.result as IntakeFields;
    const ticket = await fileTicket(step.context, this.deps, { queue, topic, ...(flowStep ? { flowStep } : {}), fields });
    if (ticket) return step.endDialog(ticket.id);
    return step.replaceDialog(STEPS, { topic, flowStep, queue, values: formValuesOf(fields) } satisfies EscalationOptions);
  }
}
