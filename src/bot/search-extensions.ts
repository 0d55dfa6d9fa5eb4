import { CardFactory, type MessagingExtensionAttachment, type MessagingExtensionResponse, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { personOf } from '../dialogs/user-input';
import { langFromLocale, LANGUAGES, type Lang } from '../i18n/language';
import { strings } from '../i18n/strings';
import { TOPIC_IDS, type TopicId } from '../knowledge/catalog';
import { MAX_MATCHED_CHARS } from '../matching/faq-recognizer';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { MAX_TOPIC_RESULTS, type TopicSearch } from '../matching/topic-search';
import type { Ticket } from '../support/ticket';
import { pageOf, type TicketSearch } from '../support/ticket-search';
import type { CardBuilder } from '../views/card-builder';
import type { SupportCards } from '../views/support-cards';
import { cardAttachment } from './card-activity';

/** The command ids declared under composeExtensions in manifest/manifest.json. */
export const SEARCH_ANSWERS = 'searchAnswers';
export const SEARCH_TICKETS = 'searchTickets';
export const SEARCH_COMMANDS = [SEARCH_ANSWERS, SEARCH_TICKETS] as const;

export interface SearchExtensionsDeps {
  readonly kb: KnowledgeBase;
  readonly topics: TopicSearch;
  readonly tickets: TicketSearch;
  readonly cards: CardBuilder;
  readonly supportCards: SupportCards;
  /** The support channel's language: a picked ticket is the same card the channel shows. */
  readonly supportLang: Lang;
  /** English or French for a query, undefined when it gives no clue. */
  readonly detectLanguage: (text: string) => Lang | undefined;
  /** Who gets their own view of a ticket card by refresh (requester, agents); everyone else sees its status. */
  readonly viewerIds: (ticket: Ticket) => string[];
}

// What Teams sends is checked, never trusted; strings are cut before anything reads them.
const capped = (max: number) => z.unknown().transform((v) => (typeof v === 'string' ? v.slice(0, max) : ''));
const querySchema = z.object({
  commandId: z.string().max(64),
  parameters: z
    .array(z.object({ name: z.string().max(64).optional(), value: capped(4 * MAX_MATCHED_CHARS) }))
    .max(10)
    .optional(),
  queryOptions: z.object({ skip: z.unknown().optional(), count: z.unknown().optional() }).optional(),
});
// What a result's preview carries back when it is picked (composeExtension/selectItem).
const pickedSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('answer'), topicId: z.enum(TOPIC_IDS), lang: z.enum(LANGUAGES) }),
  z.object({ kind: z.literal('ticket'), ticketId: z.string().max(16) }),
]);
type Picked = z.infer<typeof pickedSchema>;
type Paging = { readonly skip?: unknown; readonly count?: unknown };

const SUMMARY_CHARS = 160;
const QUOTED_CHARS = 60;
// Content marks bold with **; a hero card's text is not Markdown, so the marks go.
const plain = (text: string) => text.replaceAll('**', '');
const excerpt = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The two search message extensions, in Teams' shapes: answers for everyone, tickets for the
 * support team. Results are small previews; the card itself is built when one is picked, so a
 * ticket is read (and its viewer checked) again at that moment.
 */
export class SearchExtensions {
  constructor(private readonly deps: SearchExtensionsDeps) {}

  async query(context: TurnContext, value: unknown): Promise<MessagingExtensionResponse> {
    const parsed = querySchema.safeParse(value);
    if (!parsed.success) return list([]);
    const { commandId, parameters = [], queryOptions = {} } = parsed.data;
    // With initialRun, Teams sends the parameter `initialRun` instead of the query: same as empty.
    const text = (parameters.find((p) => p.name === 'query')?.value ?? '').trim();
    if (commandId === SEARCH_ANSWERS) return this.searchAnswers(context, text, queryOptions);
    if (commandId === SEARCH_TICKETS) return this.searchTickets(context, text, queryOptions);
    return list([]);
  }

  async selectItem(context: TurnContext, value: unknown): Promise<MessagingExtensionResponse> {
    const parsed = pickedSchema.safeParse(value);
    if (!parsed.success) return list([]);
    return parsed.data.kind === 'answer' ? this.pickAnswer(parsed.data) : this.pickTicket(context, parsed.data);
  }

  private async searchAnswers(context: TurnContext, text: string, paging: Paging): Promise<MessagingExtensionResponse> {
    const query = text.slice(0, MAX_MATCHED_CHARS);
    const lang = (query && this.deps.detectLanguage(query)) || langFromLocale(context.activity.locale);
    const topics = query ? this.deps.topics.search(query, lang) : await this.deps.topics.mostAsked();
    const { skip, count } = pageOf(paging.skip, paging.count, { matches: MAX_TOPIC_RESULTS, page: MAX_TOPIC_RESULTS });
    if (topics.length === 0 && skip === 0) return message(strings(lang).search.noAnswer(excerpt(query, QUOTED_CHARS)));
    return list(topics.slice(skip, skip + count).map((topic) => this.answerResult(topic, lang)));
  }

  private async searchTickets(context: TurnContext, query: string, paging: Paging): Promise<MessagingExtensionResponse> {
    const s = strings(langFromLocale(context.activity.locale));
    const found = await this.deps.tickets.search({ query, viewer: personOf(context), skip: paging.skip, count: paging.count });
    if (!found.allowed) return message(s.search.ticketsNotAllowed);
    if (found.tickets.length === 0 && found.skip === 0) {
      return message(query.trim() ? s.search.noTicket(excerpt(query.trim(), QUOTED_CHARS)) : s.search.noOpenTicket);
    }
    return list(found.tickets.map((t) => this.ticketPreview(t, langFromLocale(context.activity.locale))));
  }

  private pickAnswer(picked: Extract<Picked, { kind: 'answer' }>): MessagingExtensionResponse {
    const card = this.deps.cards.answer(picked.topicId, picked.lang, { shared: true });
    return list([{ ...cardAttachment(card), preview: this.answerPreview(picked.topicId, picked.lang).preview }]);
  }

  private async pickTicket(context: TurnContext, picked: Extract<Picked, { kind: 'ticket' }>): Promise<MessagingExtensionResponse> {
    const s = strings(langFromLocale(context.activity.locale));
    const found = await this.deps.tickets.ticket(picked.ticketId, personOf(context));
    if (!found.allowed) return message(s.search.ticketsNotAllowed);
    const ticket = found.tickets[0];
    if (!ticket) return message(s.search.ticketGone(excerpt(picked.ticketId, 16)));
    // The same card as the channel's: its status for everyone in that chat, each listed viewer's own view by refresh.
    const card = this.deps.supportCards.ticket(ticket, this.deps.supportLang, { refreshFor: this.deps.viewerIds(ticket) });
    return list([{ ...cardAttachment(card), preview: this.ticketPreview(ticket, langFromLocale(context.activity.locale)).preview }]);
  }

  /**
   * An answer needs no check at pick time, so its result carries the card itself: picking it
   * inserts the card with no second round trip, and clients that do not send selectItem (the
   * Agents Playground) can insert it too. Older previews with a tap still work through selectItem.
   */
  private answerResult(topic: TopicId, lang: Lang): MessagingExtensionAttachment {
    const card = this.deps.cards.answer(topic, lang, { shared: true });
    const text = this.deps.kb.text(topic, lang);
    return { ...cardAttachment(card), preview: preview(text.title, '', excerpt(plain(text.summary), SUMMARY_CHARS)).preview };
  }

  private answerPreview(topic: TopicId, lang: Lang): MessagingExtensionAttachment {
    const text = this.deps.kb.text(topic, lang);
    return preview(text.title, '', excerpt(plain(text.summary), SUMMARY_CHARS), { kind: 'answer', topicId: topic, lang });
  }

  private ticketPreview(ticket: Ticket, lang: Lang): MessagingExtensionAttachment {
    const s = strings(lang).support;
    const who = ticket.user.name ?? ticket.email ?? ticket.user.id;
    const subtitle = `${who} · ${s.queueTitles[ticket.queue]} · ${ticket.createdAt.slice(0, 10)}`;
    const title = `${ticket.id} · ${s.statusNames[ticket.status]}`;
    return preview(title, subtitle, excerpt(ticket.description, SUMMARY_CHARS), { kind: 'ticket', ticketId: ticket.id });
  }
}

/**
 * A result: a hero card whose tap, when `picked` is given, sends it back (composeExtension/selectItem).
 * Hero card text renders a little HTML in Teams, so what users typed is escaped.
 */
function preview(title: string, subtitle: string, text: string, picked?: Picked): MessagingExtensionAttachment {
  const hero = CardFactory.heroCard(escapeHtml(title), escapeHtml(text));
  const content = { ...hero.content, ...(subtitle ? { subtitle: escapeHtml(subtitle) } : {}) };
  const tap = picked ? { tap: { type: 'invoke', value: picked } } : {};
  return { ...hero, content, preview: { ...hero, content: { ...content, ...tap } } };
}

const HTML = /[&<>"]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
function escapeHtml(text: string): string {
  return text.replace(HTML, (c) => ENTITIES[c]);
}

function list(attachments: MessagingExtensionAttachment[]): MessagingExtensionResponse {
  return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } };
}

function message(text: string): MessagingExtensionResponse {
  return { composeExtension: { type: 'message', text } };
}
