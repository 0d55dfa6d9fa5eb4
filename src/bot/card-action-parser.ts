import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { cardActionSchema, type UserInput } from '../dialogs/user-input';

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
