import type { Lang } from '../i18n/language';
import { strings } from '../i18n/strings';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { firstResponseDue, isPastTarget, isUnassigned } from '../support/response-targets';
import { targetOf, type RoutingRules } from '../support/routing';
import type { Ticket, TicketEvent, TranscriptLine } from '../support/ticket';
import { latestEvents } from '../support/ticket-history';
import type { TicketViewer } from '../support/ticket-viewers';
import { button } from './card-builder';
import type { CardButton } from './card-data';
import type { CardJson, CardRenderer } from './card-renderer';
import { localDateTime } from './local-time';
import { plainText } from './plain-text';
import type { Fact } from './support-card-data';

/** History lines on a ticket card; older ones are counted ("and 12 earlier events"). */
export const HISTORY_ON_CARD = 10;
const STATUS_COLOR = { open: 'Accent', assigned: 'Warning', resolved: 'Good', closed: 'Default' } as const;
export const REFRESH_VERB = 'ticket.refresh';

export interface TicketView {
  /** Whose card this is; the base card everyone else sees is 'other'. */
  readonly viewer?: TicketViewer;
  /** A problem shown to this viewer only (a refused click, an empty reply). */
  readonly notice?: string;
  /** Teams user ids that get their own view by refresh; none, no refresh. */
  readonly refreshFor?: readonly string[];
  /** The reader's zone for the due time; the queue's own zone otherwise. */
  readonly timeZone?: string;
  readonly now?: Date;
}

type S = ReturnType<typeof strings>['support'];

/**
 * One ticket card, three views. Support sees everything and Assign / Reply / Resolve; the
 * requester sees their own ticket with "Add details" / "Close"; anyone else sees its status.
 * The buttons only offer: every click is checked again against who clicked.
 */
export function renderTicketCard(
  renderer: CardRenderer,
  kb: KnowledgeBase,
  routing: RoutingRules,
  ticket: Ticket,
  lang: Lang,
  view: TicketView = {},
): CardJson {
  const s = strings(lang).support;
  const viewer = view.viewer ?? 'other';
  const target = targetOf(routing, ticket.queue);
  const late = isPastTarget(ticket, target, view.now ?? new Date());
  const zone = view.timeZone ?? target?.workingHours.timeZone;
  const due = target && zone && isUnassigned(ticket) ? localDateTime(firstResponseDue(ticket, target), lang, zone) : '';
  const full = viewer !== 'other';
  const { events, earlier } = latestEvents(ticket, HISTORY_ON_CARD);
  const card = renderer.render('ticket', {
    lang,
    title: s.ticketCardTitle(ticket.id),
    status: late ? s.waitingPastTarget : s.statusNames[ticket.status],
    statusColor: late ? 'Attention' : STATUS_COLOR[ticket.status],
    facts: [
      { title: s.labels.queue, value: s.queueTitles[ticket.queue] },
      ...(full ? detailFacts(ticket, lang, viewer, kb) : []),
      ...(due ? [{ title: s.firstAnswerDue, value: due }] : []),
    ],
    note: full ? '' : s.statusOnly,
    description: full ? ticket.description : '',
    transcriptTitle: s.transcriptTitle,
    transcript: viewer === 'agent' ? ticket.transcript.map((t) => ({ line: transcriptLine(t, s) })) : [],
    historyTitle: s.historyTitle,
    historyEarlier: full && earlier > 0 ? s.historyEarlier(earlier) : '',
    history: full ? events.map((h) => ({ line: historyLine(h, s) })) : [],
    notice: view.notice ?? '',
    showReply: viewer === 'agent' || (viewer === 'requester' && (ticket.status === 'open' || ticket.status === 'assigned')),
    replyPlaceholder: viewer === 'agent' ? s.replyPlaceholder : s.detailsPlaceholder,
    actions: actionsFor(ticket, lang, viewer, s),
  });
  if (!view.refreshFor?.length) return card;
  // Teams asks the bot for each listed user's own view (Universal Actions); everyone else keeps this card.
  const data = { verb: REFRESH_VERB, lang, ticketId: ticket.id };
  return { ...card, refresh: { action: { type: 'Action.Execute', verb: REFRESH_VERB, data }, userIds: [...view.refreshFor] } };
}

function actionsFor(ticket: Ticket, lang: Lang, viewer: TicketViewer, s: S): CardButton[] {
  const ticketId = ticket.id;
  const open = ticket.status === 'open' || ticket.status === 'assigned';
  if (viewer === 'agent' && open) {
    return [
      button(s.assignToMe, { verb: 'ticket.assign', lang, ticketId }),
      button(s.replyToUser, { verb: 'ticket.reply', lang, ticketId }),
      button(s.resolve, { verb: 'ticket.resolve', lang, ticketId }),
    ];
  }
  if (viewer === 'requester' && open) {
    return [
      button(s.addDetails, { verb: 'ticket.details', lang, ticketId }),
      button(s.closeTicket, { verb: 'ticket.close', lang, ticketId }),
    ];
  }
  if (viewer === 'requester' && ticket.status === 'resolved') {
    return [button(s.solvedYes, { verb: 'ticket.close', lang, ticketId }), button(s.solvedNo, { verb: 'ticket.reopen', lang, ticketId })];
  }
  return [];
}

/** What the requester and support see beyond the status. Fact values render markdown in Teams: typed text is escaped. */
function detailFacts(ticket: Ticket, lang: Lang, viewer: TicketViewer, kb: KnowledgeBase): Fact[] {
  const s = strings(lang).support;
  const person = (p?: { name?: string; id: string }) => (p ? (p.name ?? p.id) : '');
  const typed = (title: string, value: string) => ({ title, value: plainText(value) });
  return [
    ...(viewer === 'agent' ? [typed(s.labels.user, person(ticket.user)), languageFact(ticket, s)] : []),
    // Checked formats (an e-mail address, digits): nothing to escape.
    ...(ticket.email ? [{ title: s.labels.email, value: ticket.email }] : []),
    ...(ticket.mcid ? [{ title: s.labels.mcid, value: ticket.mcid }] : []),
    ...(ticket.partnerId ? [{ title: s.labels.partnerId, value: ticket.partnerId }] : []),
    ...(ticket.errorMessage ? [typed(s.labels.error, ticket.errorMessage)] : []),
    ...(ticket.topic ? [{ title: s.formTopic, value: kb.text(ticket.topic, lang).title }] : []),
    ...(ticket.flowStep ? [{ title: s.formStep, value: ticket.flowStep }] : []),
    ...(ticket.assignee ? [typed(s.labels.assignee, person(ticket.assignee))] : []),
  ];
}

const transcriptLine = (t: TranscriptLine, s: S) => `${t.from === 'user' ? s.labels.fromUser : s.labels.fromBot}: ${t.text}`;

const languageFact = (ticket: Ticket, s: S): Fact => ({ title: s.labels.language, value: s.languageNames[ticket.language] });

/** One line of the ticket's history: replies and the user's answers read as messages, not as a status. */
function historyLine(h: TicketEvent, s: S): string {
  const when = h.at.slice(0, 16).replace('T', ' ');
  const who = h.by ? (h.by.name ?? h.by.id) : '';
  if (h.kind === 'reply' || h.kind === 'user-message') {
    return `${when} · ${h.kind === 'reply' ? s.labels.agentReply : s.labels.userMessage}${who ? ` · ${who}` : ''}: ${h.note ?? ''}`;
  }
  return `${when} · ${s.statusNames[h.status]}${who ? ` · ${who}` : ''}${h.note ? ` · ${h.note}` : ''}`;
}
