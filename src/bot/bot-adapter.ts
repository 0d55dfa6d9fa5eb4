import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';

/** What the endpoint answers for a turn: the invoke response's status and body, or the failure's. */
export interface TurnAnswer {
  readonly status: number;
  readonly body?: unknown;
}

const DATE_FIELDS = [
  ['timestamp', 'rawTimestamp'],
  ['expiration', 'rawExpiration'],
  ['localTimestamp', 'rawLocalTimestamp'],
] as const;

/**
 * CloudAdapter entered with an activity the endpoint has validated already. The library's own
 * entry, `process`, validates the request again with zod schemas it builds anew on every call,
 * walks the whole body, and wants a response object to write its errors to (about 2 % of a FAQ
 * turn's CPU measured under load, for nothing the endpoint had not checked).
 */
export class BotAdapter extends CloudAdapter {
  async handle(
    authorization: string,
    activity: Record<string, unknown>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<TurnAnswer> {
    let response: InvokeResponse | undefined;
    try {
      response = await this.processActivity(authorization, withDates(activity), logic);
    } catch (error) {
      // As the library answers: a token refused is 401, anything else before the turn 500.
      const reason = error instanceof Error ? error.message : String(error);
      return { status: error instanceof AuthenticationError ? 401 : 500, body: reason };
    }
    return { status: response?.status ?? 200, body: response?.body };
  }
}

/** Dates as the library's own entry gives them to the turn: Date objects, the text kept as raw*. */
function withDates(activity: Record<string, unknown>): Activity {
  const fixed: Record<string, unknown> = { ...activity };
  for (const [field, raw] of DATE_FIELDS) {
    const value = fixed[field];
    if (typeof value === 'string') {
      fixed[raw] = value;
      fixed[field] = new Date(value);
    }
  }
  return fixed as Partial<Activity> as Activity;
}
