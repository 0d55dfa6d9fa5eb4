import type { Lang } from '../i18n/language';
import type { SupportQueue, TopicId } from '../knowledge/catalog';

export const TICKET_STATUSES = ['open', 'assigned', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Ticket ids read well on the phone: a queue prefix and six unambiguous characters. */
export const QUEUE_PREFIX: Record<SupportQueue, string> = { 'certification-support': 'CS', 'microsoft-support': 'MS' };

export interface TicketPerson {
  readonly id: string;
  readonly name?: string;
  readonly aadObjectId?: string;
  /** The channel the id belongs to (`msteams`, `emulator`, `webchat`…): ids are only unique within one. */
  readonly channelId?: string;
}

/** Who someone is: an id within a channel. */
export type UserRef = Pick<TicketPerson, 'id' | 'channelId'>;

/** Records made before identities carried their channel came from Teams. */
export const DEFAULT_CHANNEL = 'msteams';

export const userChannel = (user: UserRef): string => user.channelId ?? DEFAULT_CHANNEL;

/** The ticket owner's channel: from the person, else from the conversation reference (older tickets). */
export function channelOfTicket(ticket: Pick<TicketRequest, 'user' | 'conversation'>): string {
  const fromReference = (ticket.conversation as { channelId?: unknown }).channelId;
  return ticket.user.channelId ?? (typeof fromReference === 'string' ? fromReference : DEFAULT_CHANNEL);
}

export interface TicketEvent {
  readonly at: string;
  readonly status: TicketStatus;
  readonly by?: TicketPerson;
  readonly note?: string;
  /** An agent's reply or the user's answer; absent for status changes. */
  readonly kind?: 'reply' | 'user-message';
}

export interface TranscriptLine {
  readonly from: 'user' | 'bot';
  readonly text: string;
  readonly at: string;
}

/** What the intake form collects; everything else is filled in by the bot. */
export interface TicketRequest {
  readonly queue: SupportQueue;
  readonly topic: TopicId | null;
  /** The guided-flow step the user was on, if any. */
  readonly flowStep?: string;
  readonly language: Lang;
  readonly user: TicketPerson;
  readonly description: string;
  readonly email?: string;
  readonly mcid?: string;
  readonly partnerId?: string;
  readonly errorMessage?: string;
  /** A serialised botbuilder ConversationReference, kept opaque so this module stays host-free. */
  readonly conversation: Record<string, unknown>;
  /** The last turns, already redacted of passwords and access codes. */
  readonly transcript: readonly TranscriptLine[];
}

export interface Ticket extends TicketRequest {
  readonly id: string;
  readonly createdAt: string;
  readonly status: TicketStatus;
  readonly assignee?: TicketPerson;
  /** The first event and the latest ones (see ticket-history.ts); `earlierEvents` counts those dropped between. */
  readonly history: readonly TicketEvent[];
  readonly earlierEvents?: number;
  /** The ticket card in the support channel, so later changes update it in place. */
  readonly supportPost?: { readonly activityId: string; readonly conversation: Record<string, unknown> };
  /** Set when an agent replied and the user has not answered yet: their next message is offered to this ticket. */
  readonly awaitingUser?: boolean;
  /** Reminders already posted in the support channel for a missed first-response target (0 to 2). */
  readonly remindersSent?: number;
}
