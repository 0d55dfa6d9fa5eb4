import { TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import type { Lang } from '../i18n/language';
import { strings } from '../i18n/strings';
import { SUPPORT_QUEUES, type SupportQueue } from '../knowledge/catalog';
import type { EscalationService } from '../support/escalation-service';
import type { SupportDesk } from '../support/support-desk';
import type { Ticket, TicketPerson } from '../support/ticket';
import { redactSecrets } from '../support/redaction';
import type { PayloadOf } from '../views/card-action-payload';
import type { SupportCards } from '../views/support-cards';
import type { CardBuilder } from '../views/card-builder';
import type { SatisfactionSurvey } from '../insights/satisfaction';
import { validateIntake } from '../support/intake-form';
import { ESCALATION, type EscalationOptions } from './escalation-dialog';
import { fileTicket, formValuesOf, type EscalationDeps } from './ticket-filing';
import { replaceCard, sendCard, sendText } from './replies';
import { getTurnLang, isPersonalChat, personOf, requestPrivateChat, takeCarried } from './user-input';
import { TicketViews } from './ticket-views';
import type { CardJson } from '../views/card-renderer';

/** Registers a team channel for a queue; only people listed in config may. */
export interface ChannelRegistry {
  register(queue: SupportQueue, conversation: Record<string, unknown>, by: TicketPerson): Promise<void>;
}

export interface SupportActionsDeps {
  readonly cards: CardBuilder;
  readonly supportCards: SupportCards;
  readonly escalation: EscalationService;
  readonly desk: SupportDesk;
  readonly registry: ChannelRegistry;
  readonly isAdmin: (person: TicketPerson) => boolean;
  /** Agents and admins: who gets support's view of a ticket card. */
  readonly isAgent: (person: TicketPerson) => boolean;
  /** Teams ids that get their own view of a ticket card by refresh. */
  readonly viewerIds: (ticket: Ticket) => string[];
  /** The clock that says a ticket waits past its target; tests pass a fake one. */
  readonly now?: () => Date;
  /** Language of the cards support people see in their channel. */
  readonly supportLang: 'en' | 'fr';
  readonly filing: EscalationDeps;
  /** Takes the owner's rating of a resolved ticket; without it the rating card is answered as stale. */
  readonly survey?: Pick<SatisfactionSurvey, 'rate'>;
}

/** Exported for the ReDoS check (test/security/regex-safety.test.ts). */
export const REGISTER = new RegExp(`^\\s*(?:register|serve|enregistrer)\\s+(${SUPPORT_QUEUES.join('|')})\\s*$`, 'i');

const lastAt = (t: Ticket) => t.history[t.history.length - 1]?.at ?? t.createdAt;

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The ways into an escalation, "my tickets", and what support does from a ticket card. */
export class SupportActions {
  private readonly views: TicketViews;

  constructor(private readonly deps: SupportActionsDeps) {
    this.views = new TicketViews(deps);
  }

  /** The ticket card as the person who asks sees it (Teams' refresh); undefined when the ticket is gone. */
  ticketView(context: TurnContext, ticketId: string, cardLang: Lang): Promise<CardJson | undefined> {
    return this.views.ticketView(context, ticketId, cardLang);
  }

  /**
   * Opens the form. In a group chat or channel it moves to the 1:1 chat, carrying what the user
   * typed there: the form then says why it is there, with that text as the description.
   */
  async startEscalation(innerDc: DialogContext, options: EscalationOptions): Promise<unknown> {
    const carried = takeCarried<EscalationOptions>(innerDc.context);
    const merged: EscalationOptions = carried
      ? { ...options, ...withoutUndefined(carried), topic: options.topic ?? carried.topic }
      : options;
    const description = merged.values?.description ?? merged.text;
    const moving: EscalationOptions = {
      ...merged,
      reason: merged.reason ?? 'moved',
      ...(description ? { values: { ...merged.values, description: redactSecrets(description.slice(0, 2000)).text } } : {}),
    };
    if (await this.movedToPrivate(innerDc.context, moving)) return undefined;
    return innerDc.beginDialog(ESCALATION, merged);
  }

  /** In a group chat or channel, personal details move to the user's 1:1 chat, with a note here. */
  private async movedToPrivate(context: TurnContext, carry?: object): Promise<boolean> {
    if (isPersonalChat(context)) return false;
    requestPrivateChat(context, carry);
    await sendText(context, strings(getTurnLang(context)).support.movedToPrivate);
    return true;
  }

  /** Tells a person the ids to list in SUPPORT_AGENTS / SUPPORT_ADMINS, in their 1:1 chat only. */
  async whoami(context: TurnContext): Promise<void> {
    const s = strings(getTurnLang(context)).support;
    if (!isPersonalChat(context)) {
      requestPrivateChat(context);
      await sendText(context, s.whoamiSentPrivately);
      return;
    }
    const { id, aadObjectId } = context.activity.from;
    await sendText(context, s.whoami(id, aadObjectId));
  }

  /** The user's ticket on which support waits for their answer, newest first; none in group chats. */
  async awaitingTicket(context: TurnContext): Promise<Ticket | undefined> {
    if (!isPersonalChat(context)) return undefined;
    try {
      const waiting = (await this.deps.escalation.listForUser(personOf(context))).filter((t) => t.awaitingUser && t.status !== 'closed');
      return waiting.sort((a, b) => lastAt(b).localeCompare(lastAt(a)))[0];
    } catch {
      return undefined; // the store is down: the message is answered as a question instead
    }
  }

  async offerToTicket(context: TurnContext, ticket: Ticket, text: string): Promise<void> {
    await sendCard(context, this.deps.supportCards.addToTicket(ticket.id, text, getTurnLang(context)));
  }

  /** The user's answer goes into their ticket, to the ticket's thread in the support channel and to the webhook. */
  async addToTicket(context: TurnContext, ticketId: string, text: string): Promise<void> {
    const s = strings(getTurnLang(context)).support;
    const result = await this.deps.desk.userMessage(ticketId, personOf(context), text).catch(() => undefined);
    await sendText(context, result?.ok ? s.answerSent(ticketId) : s.answerNotSent(ticketId));
  }

  /** "register certification-support" typed in a support channel. Returns false for other text. */
  async handleCommand(context: TurnContext, text: string): Promise<boolean> {
    const match = REGISTER.exec(text);
    if (!match) return false;
    const s = strings(this.deps.supportLang).support;
    const by = personOf(context);
    if (!this.deps.isAdmin(by)) {
      await sendText(context, s.notAllowedFor(by.aadObjectId ?? by.id));
      return true;
    }
    const queue = match[1].toLowerCase() as SupportQueue;
    await this.deps.registry.register(queue, JSON.parse(JSON.stringify(TurnContext.getConversationReference(context.activity))), by);
    await sendText(context, s.channelRegistered(s.queueNames[queue]));
    return true;
  }

  /** "Cancel" on the form: back to the menu. */
  async cancel(context: TurnContext, lang: Lang): Promise<void> {
    await sendText(context, strings(lang).cancelled);
    await sendCard(context, this.deps.cards.menu(lang, 'menu'));
  }

  /** "My tickets": the list, in the 1:1 chat only. */
  async listTickets(context: TurnContext, lang: Lang): Promise<void> {
    if (await this.movedToPrivate(context)) return;
    await sendCard(
      context,
      this.deps.supportCards.ticketList(await this.deps.escalation.listForUser(personOf(context)), lang, this.views.now()),
    );
  }

  async assign(context: TurnContext, ticketId: string): Promise<void> {
    await this.views.answerDesk(context, await this.deps.desk.assign(ticketId, personOf(context)));
  }

  async reply(context: TurnContext, ticketId: string, reply: string | undefined): Promise<void> {
    await this.views.answerDesk(context, await this.deps.desk.reply(ticketId, personOf(context), reply));
  }

  async resolve(context: TurnContext, ticketId: string): Promise<void> {
    await this.views.answerDesk(context, await this.deps.desk.resolve(ticketId, personOf(context)));
  }

  /** "Add details" on the requester's view: only the ticket's owner adds to it; anyone else sees why on their card. */
  async details(context: TurnContext, ticketId: string, reply: string | undefined, lang: Lang): Promise<void> {
    const result = await this.deps.desk.userMessage(ticketId, personOf(context), reply);
    const ticket = !result.ok && result.reason === 'not-allowed' ? await this.deps.escalation.get(ticketId) : undefined;
    if (ticket) await replaceCard(context, this.views.notAllowed(context, ticket, lang));
    else await this.views.answerDesk(context, result);
  }

  /** Teams asks for this viewer's own view of a ticket card (Universal Actions' refresh). */
  async refresh(context: TurnContext, ticketId: string, lang: Lang): Promise<void> {
    const card = await this.ticketView(context, ticketId, lang);
    if (card) await replaceCard(context, card);
  }

  /** The user's "yes, solved" on a resolved ticket: their clicked card becomes the ticket's line. */
  async close(context: TurnContext, ticketId: string, lang: Lang): Promise<void> {
    const result = await this.deps.desk.close(ticketId, personOf(context));
    if (result.ok) await replaceCard(context, this.deps.supportCards.ticketList([result.ticket], lang));
    await sendText(context, result.ok ? strings(lang).support.closedThanks(ticketId) : strings(lang).support.notAllowed);
  }

  /** The satisfaction card of a resolved ticket: one rating per ticket, by its owner. */
  async rate(context: TurnContext, { ticketId, rating, comment, lang }: PayloadOf<'ticket.rate'>): Promise<void> {
    const { survey } = this.deps;
    const result = survey ? await survey.rate(ticketId, personOf(context), rating, comment) : 'not-found';
    const s = strings(lang).insights;
    const replies = {
      thanks: s.rateThanks,
      already: s.rateAlready,
      'not-yours': s.rateNotYours,
      pick: s.ratePick,
      'not-found': strings(lang).staleButton,
    };
    await sendText(context, replies[result]);
  }

  async reopen(context: TurnContext, ticketId: string, lang: Lang): Promise<void> {
    const result = await this.deps.desk.reopen(ticketId, personOf(context));
    await sendText(context, result.ok ? strings(lang).support.reopened(ticketId) : strings(lang).support.notAllowed);
  }

  /**
   * A form submitted when no escalation dialog waits for it (after a restart, or when state
   * could not be saved): the form carries its queue and topic, so it is filed all the same.
   */
  async submitWithoutDialog(context: TurnContext, action: PayloadOf<'support.submit'>): Promise<void> {
    const { lang, queue, faqId, flowStep } = action;
    if (!queue) {
      await sendText(context, strings(lang).staleButton);
      await sendCard(context, this.deps.cards.menu(lang, 'menu'));
      return;
    }
    const values = {
      description: action.description,
      email: action.email,
      mcid: action.mcid,
      partnerId: action.partnerId,
      errorMessage: action.errorMessage,
    };
    const context_ = { queue, topic: faqId ?? null, ...(flowStep ? { flowStep } : {}) };
    const result = validateIntake(values);
    if (!result.ok) return sendCard(context, this.deps.supportCards.intakeForm(lang, context_, values, result.invalid));
    const ticket = await fileTicket(context, this.deps.filing, { ...context_, fields: result.fields });
    if (!ticket) await sendCard(context, this.deps.supportCards.intakeForm(lang, context_, formValuesOf(result.fields), []));
  }
}
