import { ActivityTypes, type TurnContext } from 'botbuilder';
import { langFromLocale, type Lang } from '../i18n/language';
import { strings } from '../i18n/strings';
import type { EscalationService } from '../support/escalation-service';
import type { DeskResult } from '../support/support-desk';
import type { Ticket, TicketPerson } from '../support/ticket';
import { viewerOf } from '../support/ticket-viewers';
import type { CardJson } from '../views/card-renderer';
import type { SupportCards } from '../views/support-cards';
import { replaceCard } from './replies';
import { clientTimeZone, personOf } from './user-input';

export interface TicketViewsDeps {
  readonly escalation: Pick<EscalationService, 'get'>;
  readonly supportCards: SupportCards;
  readonly supportLang: Lang;
  readonly isAgent: (person: TicketPerson) => boolean;
  readonly viewerIds: (ticket: Ticket) => string[];
  readonly now?: () => Date;
}

/** The language of the person reading a card: their Teams locale, else `fallback`. */
const readerLang = (context: TurnContext, fallback: Lang): Lang =>
  context.activity.locale ? langFromLocale(context.activity.locale) : fallback;

/**
 * One ticket card, a view per person: support's, the requester's or the status only, decided
 * from who they are (the activity's sender), never from the card.
 */
export class TicketViews {
  constructor(private readonly deps: TicketViewsDeps) {}

  async ticketView(context: TurnContext, ticketId: string, cardLang: Lang): Promise<CardJson | undefined> {
    const ticket = await this.deps.escalation.get(ticketId);
    return ticket ? this.viewOf(context, ticket, cardLang) : undefined;
  }

  /** The clicker's own view, with a line saying they may not do what they tried. */
  notAllowed(context: TurnContext, ticket: Ticket, cardLang: Lang): CardJson {
    return this.viewOf(context, ticket, cardLang, strings(readerLang(context, cardLang)).support.notAllowed);
  }

  /**
   * The clicker sees their card updated in place (the channel's card for everyone is updated by
   * the notifier). A problem (an empty reply, someone not allowed) shows on the card of the
   * person who clicked, through the invoke response: nothing is posted for everyone to read.
   */
  async answerDesk(context: TurnContext, result: DeskResult): Promise<void> {
    if (result.ok) {
      await replaceCard(context, this.viewOf(context, result.ticket, this.deps.supportLang));
    } else if (result.ticket && context.activity.type === ActivityTypes.Invoke) {
      const by = personOf(context);
      const lang = readerLang(context, this.deps.supportLang);
      const t = strings(lang).support;
      const notice = result.reason === 'empty-reply' ? t.replyEmpty : t.notAllowedFor(by.aadObjectId ?? by.id);
      await replaceCard(context, this.viewOf(context, result.ticket, lang, notice));
    }
  }

  now(): Date {
    return this.deps.now ? this.deps.now() : new Date();
  }

  /** In the reader's Teams language; without one, support's language for agents, the ticket's for its owner. */
  private viewOf(context: TurnContext, ticket: Ticket, cardLang: Lang, notice = ''): CardJson {
    const viewer = viewerOf(ticket, personOf(context), this.deps.isAgent);
    const fallback = viewer === 'agent' ? this.deps.supportLang : viewer === 'requester' ? ticket.language : cardLang;
    const lang = readerLang(context, fallback);
    const timeZone = clientTimeZone(context);
    const refreshFor = this.deps.viewerIds(ticket);
    return this.deps.supportCards.ticket(ticket, lang, { viewer, notice, refreshFor, now: this.now(), ...(timeZone ? { timeZone } : {}) });
  }
}
