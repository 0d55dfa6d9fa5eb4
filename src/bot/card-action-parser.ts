import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { UserInput } from '../dialogs/user-input';
import { cardActionSchema } from '../views/card-action-payload';
import { redactSecrets } from '../support/redaction';

const executeInvokeSchema = z.object({
  action: z.object({ type: z.literal('Action.Execute'), verb: z.string().max(64), data: z.record(z.string(), z.unknown()).optional() }),
});

function fromPayload(payload: unknown, verb?: string): UserInput {
  const candidate = typeof payload === 'object' && payload !== null ? { ...payload, ...(verb ? { verb } : {}) } : { verb };
  const parsed = cardActionSchema.safeParse(candidate);
  return parsed.success ? { kind: 'action', action: parsed.data } : { kind: 'invalid-action' };
}

/**
 * Turns what Teams delivered into one input for the dialogs: typed text, an Action.Submit
 * payload (a message with `value`), or an Action.Execute invoke. Payloads are validated, never
 * trusted: a forged or outdated one becomes `invalid-action`.
 */
export function readUserInput(activity: Partial<Activity>): UserInput {
  if (activity.type === 'invoke') {
    const invoke = executeInvokeSchema.safeParse(activity.value);
    return invoke.success ? fromPayload(invoke.data.action.data ?? {}, invoke.data.action.verb) : { kind: 'invalid-action' };
  }
  if (activity.value !== undefined && activity.value !== null) return fromPayload(activity.value);
  const text = (activity.text ?? '').trim();
  return text ? { kind: 'text', text } : { kind: 'none' };
}

/** Masks secrets in typed text and in every free-text field a card sent back. */
export function redactInput(input: UserInput): { input: UserInput; found: boolean } {
  if (input.kind === 'text') {
    const { text, found } = redactSecrets(input.text);
    return { input: { kind: 'text', text }, found };
  }
  if (input.kind !== 'action') return { input, found: false };
  let found = false;
  const action = Object.fromEntries(
    Object.entries(input.action).map(([key, value]) => {
      if (typeof value !== 'string' || PAYLOAD_IDS.has(key)) return [key, value];
      const result = redactSecrets(value);
      found ||= result.found;
      return [key, result.text];
    }),
  ) as typeof input.action;
  return { input: { kind: 'action', action }, found };
}

// Fields that are identifiers or enums, never user text.
const PAYLOAD_IDS = new Set(['verb', 'lang', 'topicId', 'faqId', 'area', 'queue', 'ticketId', 'method', 'examCode']);
