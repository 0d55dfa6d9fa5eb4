import { z } from 'zod';
import { LANGUAGES } from '../i18n/language';
import { AREA_IDS, SUPPORT_QUEUES, TOPIC_IDS } from '../knowledge/catalog';

/*
 * The payload of every card button: the contract between the cards (views) and the code that
 * acts on a click (bot, dialogs). Host-free, so the cards that build these payloads and the
 * handlers that read them share one definition without importing each other.
 */

const lang = z.enum(LANGUAGES);
const topicId = z.enum(TOPIC_IDS);
const ticketId = z.string().regex(/^(CS|MS)-[0-9A-Z]{6}$/);
/** Form fields arrive as strings; bounded here, checked field by field by the intake form. */
const field = z.string().max(4000).optional();

/**
 * What card buttons send back, whether Teams delivers it as an Action.Execute invoke or as an
 * Action.Submit message. Every payload carries the language of the card it came from.
 */
export const cardActionSchema = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal('menu'), lang }),
  z.object({ verb: z.literal('area'), lang, area: z.enum(AREA_IDS) }),
  z.object({ verb: z.literal('topic'), lang, topicId }),
  // `seeAlso`: the answer card's close neighbour, kept on the card drawn again after the click.
  z.object({ verb: z.literal('feedback'), lang, faqId: topicId, helpful: z.boolean(), seeAlso: topicId.optional() }),
  // Carries what the card showed, so the switch shows the same card in the other language.
  z.object({
    verb: z.literal('language'),
    lang,
    topicId: topicId.optional(),
    seeAlso: topicId.optional(),
    area: z.enum(AREA_IDS).optional(),
    examCodes: z
      .array(z.string().regex(/^[A-Z0-9]{2}-\d{3}$/))
      .max(5)
      .optional(),
  }),
  z.object({ verb: z.literal('support'), lang, faqId: topicId.optional() }),
  z.object({ verb: z.literal('credit.start'), lang }),
  z.object({ verb: z.literal('credit.exam'), lang, examCode: z.string().max(40).optional() }),
  z.object({
    verb: z.literal('credit.verify'),
    lang,
    examCode: z.string().regex(/^[A-Z]{2}-\d{3}$/),
    method: z.enum(['badge', 'transcript']),
  }),
  z.object({ verb: z.literal('linking.start'), lang }),
  z.object({ verb: z.literal('linking.situation'), lang, topicId }),
  z.object({ verb: z.literal('support.queue'), lang, queue: z.enum(SUPPORT_QUEUES) }),
  z.object({
    verb: z.literal('support.submit'),
    lang,
    // Where the form belongs, so a submit still files correctly when no dialog waits for it.
    queue: z.enum(SUPPORT_QUEUES).optional(),
    faqId: topicId.optional(),
    flowStep: z.string().max(64).optional(),
    description: field,
    email: field,
    mcid: field,
    partnerId: field,
    errorMessage: field,
  }),
  z.object({ verb: z.literal('support.cancel'), lang }),
  z.object({ verb: z.literal('support.offer'), lang, accept: z.boolean() }),
  z.object({ verb: z.literal('ticket.answer'), lang, ticketId, accept: z.boolean() }),
  z.object({ verb: z.literal('tickets.mine'), lang }),
  z.object({ verb: z.literal('privacy.forget'), lang, confirm: z.boolean() }),
  z.object({ verb: z.literal('ticket.assign'), lang, ticketId }),
  z.object({ verb: z.literal('ticket.resolve'), lang, ticketId }),
  z.object({ verb: z.literal('ticket.reply'), lang, ticketId, reply: field }),
  z.object({ verb: z.literal('ticket.close'), lang, ticketId }),
  z.object({ verb: z.literal('ticket.reopen'), lang, ticketId }),
  // The requester's "Add details" on their view of the ticket card; the text box is `reply`.
  z.object({ verb: z.literal('ticket.details'), lang, ticketId, reply: field }),
  // Teams asks for a viewer's own view of a ticket card (Universal Actions' refresh).
  z.object({ verb: z.literal('ticket.refresh'), lang, ticketId }),
  /** The satisfaction card: `rating` is "1" to "5" when chosen; `comment` is free text. */
  z.object({ verb: z.literal('ticket.rate'), lang, ticketId, rating: z.string().max(8).optional(), comment: field }),
]);

export type CardAction = z.infer<typeof cardActionSchema>;
export type CardVerb = CardAction['verb'];

/** Each payload by its verb: `PayloadOf<'ticket.reply'>` is what the reply button sends. */
type Payloads = { [A in CardAction as A['verb']]: A };
export type PayloadOf<V extends CardVerb> = Payloads[V];
