import type { Lang } from '../i18n/language';
import { strings } from '../i18n/strings';
import { SUPPORT_QUEUES, type SupportQueue, type TopicId } from '../knowledge/catalog';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { IntakeField, IntakeFields } from '../support/intake-form';
import type { RoutingRules } from '../support/routing';
import type { Ticket } from '../support/ticket';
import { button, type CardBuilder } from './card-builder';
import type { CardJson, CardRenderer } from './card-renderer';
import type { CardButton } from './card-data';
import type { Fact, FormField } from './support-card-data';
import { firstResponseDue, isPastTarget } from '../support/response-targets';
import { targetOf } from '../support/routing';
import { localDateTime } from './local-time';
import { renderTicketCard, type TicketView } from './ticket-card';

export interface IntakeContext {
  readonly queue: SupportQueue;
  readonly topic: TopicId | null;
  readonly flowStep?: string;
  /** Why the form follows what the user typed; its text is then in the description. */
  readonly reason?: FormReason;
}

/** `message`: the form opened from a message's "…" menu (Ask support about this message). */
export type FormReason = 'unanswered' | 'unsure' | 'moved' | 'message';

const MAX_LISTED = 20;
export { HISTORY_ON_CARD } from './ticket-card';

/** Cards of the escalation: the queue question, the intake form, the confirmation, tickets. */
export class SupportCards {
  constructor(
    private readonly kb: KnowledgeBase,
    private readonly renderer: CardRenderer,
    private readonly cards: CardBuilder,
    private readonly routing: RoutingRules,
  ) {}

  queueQuestion(lang: Lang, options: { retry: boolean; creditApplication: boolean }): CardJson {
    const s = strings(lang);
    const choices = SUPPORT_QUEUES.map((queue) => button(s.support.queueChoices[queue], { verb: 'support.queue', lang, queue }));
    return this.renderer.render('choice', {
      lang,
      notice: options.creditApplication ? s.support.creditApplicationNotice : '',
      title: s.support.askQueueTitle,
      prompt: s.support.askQueuePrompt,
      picker: { inputId: 'none', placeholder: '', options: [], submit: button(s.menuTitle, { verb: 'menu', lang }) },
      choices: options.creditApplication ? [button(s.support.creditDraftButton, { verb: 'credit.start', lang }), ...choices] : choices,
      footer: this.cards.footer(lang),
    });
  }

  /** `notice`: a problem that is not a field's (the hourly cap, the store down), shown on top. */
  intakeForm(
    lang: Lang,
    context: IntakeContext,
    values: Partial<Record<IntakeField, string>>,
    invalid: readonly IntakeField[],
    notice = '',
  ): CardJson {
    const s = strings(lang).support;
    const field = (key: IntakeField, label: string, placeholder = ''): FormField => ({
      label,
      value: values[key] ?? '',
      placeholder,
      error: invalid.includes(key) ? s.errors[key] : '',
    });
    return this.renderer.render('intake-form', {
      lang,
      notice: notice || (invalid.length > 0 ? s.formHasErrors : ''),
      title: s.formTitle(s.queueNames[context.queue]),
      intro: context.reason ? `${s.formReasons[context.reason]} ${s.formIntro}` : s.formIntro,
      facts: this.contextFacts(lang, context),
      fields: {
        description: field('description', s.fieldDescription, s.fieldDescriptionPlaceholder),
        email: field('email', s.fieldEmail, 'name@contoso.com'),
        mcid: field('mcid', s.fieldMcid),
        partnerId: field('partnerId', s.fieldPartnerId),
        errorMessage: field('errorMessage', s.fieldError),
      },
      requiredMessage: s.errors.description,
      submit: button(s.formSubmit, {
        verb: 'support.submit',
        lang,
        queue: context.queue,
        ...(context.topic ? { faqId: context.topic } : {}),
        ...(context.flowStep ? { flowStep: context.flowStep.slice(0, 64) } : {}),
      }),
      cancel: button(s.formCancel, { verb: 'support.cancel', lang }),
    });
  }

  /**
   * `routed` false: no channel, webhook or agent hub takes this queue, so the ticket is only
   * recorded. With a response target, it says when to expect a first answer, on the reader's
   * clock (`timeZone`, from Teams) or else the team's. It is the requester's copy of the ticket:
   * Teams refreshes it into their live view of the ticket card.
   */
  confirmation(ticket: Ticket, lang: Lang, routed = true, timeZone?: string): CardJson {
    const s = strings(lang).support;
    const target = targetOf(this.routing, ticket.queue);
    const due = target && localDateTime(firstResponseDue(ticket, target), lang, timeZone ?? target.workingHours.timeZone);
    const expect = routed && due ? ` ${s.firstAnswerBy(due)}` : '';
    const card = this.renderer.render('ticket-confirmation', {
      lang,
      title: s.confirmationTitle(ticket.id),
      intro: routed ? s.confirmationIntro(s.queueNames[ticket.queue]) : s.confirmationRecorded(ticket.id),
      facts: [{ title: 'ID', value: ticket.id }, ...this.contextFacts(lang, ticket)],
      next: `${routed ? s.confirmationNext : s.confirmationRecordedNext}${expect}`,
      selfServiceIntro: s.selfServiceIntro,
      selfService: this.routing.queues[ticket.queue]!.selfService[lang],
      summaryTitle: s.summaryTitle,
      summary: this.summary(ticket).map((line) => ({ line })),
      footer: [
        button(strings(lang).backToMenu, { verb: 'menu', lang }),
        button(strings(lang).support.myTicketsTitle, { verb: 'tickets.mine', lang }),
      ],
    });
    const data = { verb: 'ticket.refresh', lang, ticketId: ticket.id };
    return { ...card, refresh: { action: { type: 'Action.Execute', verb: 'ticket.refresh', data }, userIds: [ticket.user.id] } };
  }

  /** The ticket card as one viewer sees it (src/views/ticket-card.ts); the base card, with no viewer, shows the status only. */
  ticket(ticket: Ticket, lang: Lang, view: TicketView = {}): CardJson {
    return renderTicketCard(this.renderer, this.kb, this.routing, ticket, lang, view);
  }

  /** The user's tickets, newest first; a long history shows its most recent ones. */
  ticketList(tickets: readonly Ticket[], lang: Lang, now = new Date()): CardJson {
    const s = strings(lang).support;
    const newest = [...tickets].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const shown = newest.slice(0, MAX_LISTED);
    return this.renderer.render('ticket-list', {
      lang,
      title: s.myTicketsTitle,
      empty: tickets.length === 0 ? s.myTicketsEmpty : tickets.length > MAX_LISTED ? s.myTicketsMore(MAX_LISTED, tickets.length) : '',
      tickets: shown.map((t) => ({
        id: t.id,
        summary: t.description.length > 120 ? `${t.description.slice(0, 117)}…` : t.description,
        meta: `${s.queueTitles[t.queue]} · ${t.createdAt.slice(0, 10)}`,
        status: isPastTarget(t, targetOf(this.routing, t.queue), now) ? s.waitingPastTarget : s.statusNames[t.status],
      })),
      footer: [button(strings(lang).backToMenu, { verb: 'menu', lang })],
    });
  }

  /** After two questions it could not answer, the bot asks before opening a form. */
  offer(lang: Lang, retry: boolean): CardJson {
    const s = strings(lang).support;
    return this.yesNo(lang, { notice: retry ? s.offerRetry : '', title: s.twoFallbacks, prompt: '' }, [
      button(s.offerYes, { verb: 'support.offer', lang, accept: true }),
      button(s.offerNo, { verb: 'support.offer', lang, accept: false }),
    ]);
  }

  /** Support waits for the user's answer: their message, offered to the ticket. */
  addToTicket(ticketId: string, text: string, lang: Lang): CardJson {
    const s = strings(lang).support;
    const quoted = text.length > 300 ? `${text.slice(0, 297)}…` : text;
    return this.yesNo(lang, { notice: '', title: s.addToTicketTitle(ticketId), prompt: `${s.addToTicketPrompt}\n\n"${quoted}"` }, [
      button(s.addToTicketYes, { verb: 'ticket.answer', lang, ticketId, accept: true }),
      button(s.addToTicketNo, { verb: 'ticket.answer', lang, ticketId, accept: false }),
    ]);
  }

  private yesNo(lang: Lang, text: { notice: string; title: string; prompt: string }, choices: CardButton[]): CardJson {
    return this.renderer.render('choice', {
      lang,
      ...text,
      picker: { inputId: 'none', placeholder: '', options: [], submit: choices[0] },
      choices,
      footer: [],
    });
  }

  /** After "resolved": is it solved? Close or reopen. */
  solvedQuestion(ticket: Ticket, lang: Lang): CardJson {
    const s = strings(lang).support;
    return this.renderer.render('choice', {
      lang,
      notice: '',
      title: s.notifyResolved(ticket.id),
      prompt: '',
      picker: {
        inputId: 'none',
        placeholder: '',
        options: [],
        submit: button(s.solvedYes, { verb: 'ticket.close', lang, ticketId: ticket.id }),
      },
      choices: [
        button(s.solvedYes, { verb: 'ticket.close', lang, ticketId: ticket.id }),
        button(s.solvedNo, { verb: 'ticket.reopen', lang, ticketId: ticket.id }),
      ],
      footer: [],
    });
  }

  /** After the first "resolved": how did support do? Asked once per ticket (see SatisfactionSurvey). */
  satisfaction(ticket: Pick<Ticket, 'id'>, lang: Lang): CardJson {
    const s = strings(lang).insights;
    return this.renderer.render('satisfaction', {
      lang,
      title: s.rateTitle(ticket.id),
      prompt: s.ratePrompt,
      ratingLabel: s.rateLabel,
      ratingRequired: s.ratePick,
      ratings: s.ratings.map((title, i) => ({ title, value: String(i + 1) })),
      commentLabel: s.rateComment,
      submit: button(s.rateSubmit, { verb: 'ticket.rate', lang, ticketId: ticket.id }),
    });
  }

  summary(ticket: Pick<Ticket, 'id' | 'topic' | 'description' | 'language'> & Partial<IntakeFields>): string[] {
    const l = strings(ticket.language).support.summaryLabels;
    return [
      `${l.ticket}: ${ticket.id}`,
      ...(ticket.topic ? [`${l.topic}: ${this.kb.text(ticket.topic, ticket.language).title}`] : []),
      `${l.description}: ${ticket.description}`,
      ...(ticket.errorMessage ? [`${l.error}: ${ticket.errorMessage}`] : []),
      ...(ticket.mcid ? [`MCID: ${ticket.mcid}`] : []),
      ...(ticket.partnerId ? [`${l.partnerId}: ${ticket.partnerId}`] : []),
    ];
  }

  private contextFacts(lang: Lang, context: Pick<IntakeContext, 'topic' | 'flowStep'>): Fact[] {
    const s = strings(lang).support;
    return [
      ...(context.topic ? [{ title: s.formTopic, value: this.kb.text(context.topic, lang).title }] : []),
      ...(context.flowStep ? [{ title: s.formStep, value: context.flowStep }] : []),
    ];
  }
}
