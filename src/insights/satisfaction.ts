import { userRef, type FeedbackLog } from '../feedback/feedback-log';
import { redactSecrets } from '../support/redaction';
import { channelOfTicket, userChannel, type Ticket, type UserRef } from '../support/ticket';

export const MAX_COMMENT = 500;
// Under feedback/ so the records expire with the feedback (they hold a ticket id, nothing personal).
const askedKey = (ticketId: string) => `feedback/survey/${ticketId}/asked`;
const ratedKey = (ticketId: string) => `feedback/survey/${ticketId}/rated`;

export type RatingResult = 'thanks' | 'already' | 'not-yours' | 'pick' | 'not-found';

export interface SatisfactionDeps {
  readonly tickets: { get(id: string): Promise<Ticket | undefined> };
  readonly log: Pick<FeedbackLog, 'record'>;
  /** Insert-if-absent on the shared store: true only for the first caller (see storage/claims.ts). */
  readonly claim: (key: string) => Promise<boolean>;
  readonly now?: () => Date;
}

/**
 * After a ticket is resolved its owner is asked, once, how support did: a 1-5 rating and an
 * optional comment, stored as one event (capped, secrets masked, contact details removed).
 */
export class SatisfactionSurvey {
  constructor(private readonly deps: SatisfactionDeps) {}

  /** True the first time a ticket is resolved (on any instance): only then is the question sent. */
  shouldAsk(ticketId: string): Promise<boolean> {
    return this.deps.claim(askedKey(ticketId));
  }

  async rate(ticketId: string, by: UserRef, rating: string | undefined, comment: string | undefined): Promise<RatingResult> {
    const value = Number(rating);
    if (!Number.isInteger(value) || value < 1 || value > 5) return 'pick';
    const ticket = await this.deps.tickets.get(ticketId);
    if (!ticket) return 'not-found';
    if (ticket.user.id !== by.id || channelOfTicket(ticket) !== userChannel(by)) return 'not-yours';
    if (!(await this.deps.claim(ratedKey(ticketId)))) return 'already';
    const text = cleanComment(comment ?? '');
    await this.deps.log.record({
      kind: 'rating',
      queue: ticket.queue,
      rating: value,
      ...(text ? { comment: text } : {}),
      lang: ticket.language,
      at: (this.deps.now ?? (() => new Date()))().toISOString(),
      user: userRef(userChannel(by), by.id),
    });
    return 'thanks';
  }
}

/** Capped, secrets masked, and e-mail addresses and long numbers (MCIDs, phones) removed: comments are shown to the team. */
export function cleanComment(text: string): string {
  const masked = redactSecrets(text.slice(0, MAX_COMMENT)).text;
  return masked
    .split(/\s+/)
    .map((word) => (word.includes('@') || /\d{5}/.test(word) ? '[…]' : word))
    .join(' ')
    .trim();
}
