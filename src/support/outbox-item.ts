/** One webhook delivery still to be made. */
export interface OutboxItem {
  /** Unique per delivery; receivers see it as `x-delivery-id` and can drop repeats. */
  readonly id: string;
  readonly ticketId: string;
  /** The name of a configured delivery target, never its URL secret. */
  readonly target: string;
  readonly payload: unknown;
  readonly attempts: number;
  /** ISO date before which the item is not due. */
  readonly nextAttemptAt: string;
  /** Set when its target is not configured yet: not retried until `unpark` (e.g. a channel is registered). */
  readonly parked?: boolean;
  /** The instance sending it now, and until when that claim holds (a crashed sender's claim lapses). */
  readonly claim?: { readonly by: string; readonly until: string };
}
