import type { Lang } from '../i18n/language';
import type { CardButton, LinkButton } from './card-data';

export interface Fact {
  readonly title: string;
  readonly value: string;
}

export interface FormField {
  readonly label: string;
  readonly value: string;
  readonly placeholder: string;
  /** Shown under the field; empty when the field is fine. */
  readonly error: string;
}

/** cards/intake-form.json: what support needs, with the problems next to each field. */
export interface IntakeFormCardData {
  readonly lang: Lang;
  readonly notice: string;
  readonly title: string;
  readonly intro: string;
  readonly facts: readonly Fact[];
  readonly fields: Readonly<Record<'description' | 'email' | 'mcid' | 'partnerId' | 'errorMessage', FormField>>;
  /** What Teams shows itself when the required description is left empty. */
  readonly requiredMessage: string;
  readonly submit: CardButton;
  readonly cancel: CardButton;
}

/** cards/ticket-confirmation.json: what the user gets once the ticket is stored. */
export interface TicketConfirmationCardData {
  readonly lang: Lang;
  readonly title: string;
  readonly intro: string;
  readonly facts: readonly Fact[];
  readonly next: string;
  readonly selfServiceIntro: string;
  readonly selfService: LinkButton;
  readonly summaryTitle: string;
  /** One line per field, so the summary pastes as it reads. */
  readonly summary: readonly { readonly line: string }[];
  readonly footer: readonly CardButton[];
}

/** cards/ticket.json: the ticket as one viewer sees it (support, the requester, anyone else). */
export interface TicketCardData {
  readonly lang: Lang;
  readonly title: string;
  readonly status: string;
  readonly statusColor: 'Accent' | 'Warning' | 'Good' | 'Default' | 'Attention';
  readonly facts: readonly Fact[];
  /** A quiet line under the facts (why a viewer sees only the status), or empty. */
  readonly note: string;
  /** The text box above the buttons: an agent's reply, the requester's added details. */
  readonly showReply: boolean;
  readonly description: string;
  readonly transcriptTitle: string;
  readonly transcript: readonly { readonly line: string }[];
  readonly historyTitle: string;
  readonly history: readonly { readonly line: string }[];
  /** "and 12 earlier events", or empty. */
  readonly historyEarlier: string;
  readonly notice: string;
  readonly replyPlaceholder: string;
  readonly actions: readonly CardButton[];
}

/** cards/ticket-list.json: "my tickets". */
export interface TicketListCardData {
  readonly lang: Lang;
  readonly title: string;
  readonly empty: string;
  readonly tickets: readonly { readonly id: string; readonly summary: string; readonly meta: string; readonly status: string }[];
  readonly footer: readonly CardButton[];
}
