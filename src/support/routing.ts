import { z } from 'zod';
import { SUPPORT_QUEUES, TOPIC_IDS, type SupportQueue, type TopicId } from '../knowledge/catalog';
import { foldAccents } from '../matching/text-normalizer';
import { responseTargetSchema, type ResponseTarget } from './response-targets';

const link = z.strictObject({ title: z.string().min(1), url: z.string().regex(/^https:\/\//, 'must be an https:// link') });
const rule = z.strictObject({
  topics: z.array(z.enum(TOPIC_IDS)),
  keywords: z.array(z.string().min(2)),
});

export const routingFileSchema = z.strictObject({
  queues: z.record(
    z.enum(SUPPORT_QUEUES),
    // Without a response target, the queue promises no time and earns no reminders.
    rule.extend({ selfService: z.strictObject({ en: link, fr: link }), responseTarget: responseTargetSchema.optional() }),
  ),
  /** Credit applications go to Excelsior, never to a Microsoft queue. */
  creditApplication: rule,
});
export type RoutingRules = z.infer<typeof routingFileSchema>;

export const targetOf = (rules: RoutingRules, queue: SupportQueue): ResponseTarget | undefined => rules.queues[queue]?.responseTarget;

export type RouteDecision =
  | { readonly kind: 'queue'; readonly queue: SupportQueue }
  | { readonly kind: 'credit-application' }
  /** Nothing decides: one short question to the user does. */
  | { readonly kind: 'ask' };

const normalise = (text: string) => ` ${foldAccents(text.toLowerCase()).replace(/[^a-z0-9']+/g, ' ')} `;

/** Picks the support queue from the topic the user was on, else from the words they used. */
export function routeEscalation(rules: RoutingRules, topic: TopicId | null, text = ''): RouteDecision {
  if (topic) {
    for (const queue of SUPPORT_QUEUES) if (rules.queues[queue]?.topics.includes(topic)) return { kind: 'queue', queue };
    if (rules.creditApplication.topics.includes(topic) && !text) return { kind: 'credit-application' };
  }
  const words = normalise(text);
  const hits = (keywords: string[]) => keywords.filter((k) => words.includes(normalise(k))).length;
  if (hits(rules.creditApplication.keywords) > 0) return { kind: 'credit-application' };
  const scored = SUPPORT_QUEUES.map((queue) => ({ queue, hits: hits(rules.queues[queue]?.keywords ?? []) })).sort(
    (a, b) => b.hits - a.hits,
  );
  if (scored[0].hits > 0 && scored[0].hits > scored[1].hits) return { kind: 'queue', queue: scored[0].queue };
  return { kind: 'ask' };
}
