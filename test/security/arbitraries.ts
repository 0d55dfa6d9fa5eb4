import fc from 'fast-check';
import { cardActionSchema } from '../../src/views/card-action-payload';
import { AREA_IDS, SUPPORT_QUEUES, TOPIC_IDS } from '../../src/knowledge/catalog';

export const VERBS = cardActionSchema.options.map((option) => option.shape.verb.value as string);

const junk = fc.anything({ maxDepth: 2, maxKeys: 4 });
const ticketId = fc.oneof(fc.constantFrom('CS-ABC123', 'MS-000000'), fc.string({ maxLength: 12 }));

/** What people and clients type: real questions, huge texts, control characters, emoji, templates, card-like JSON. */
export const userText = fc.oneof(
  fc.constantFrom(
    'menu',
    'help',
    'Is AZ-104 eligible?',
    'az103 crédits ?',
    'comment délier mon MCID ?',
    'cancel',
    'annuler',
    'my tickets',
    'talk to a person',
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', minLength: 15_000, maxLength: 20_000 }),
  fc.constantFrom(
    '\u0000\u0007\u001b[31m\u202e\ufeff',
    '😀👩‍💻🇫🇷'.repeat(50),
    '${process.env.MicrosoftAppPassword}',
    '${json(kb)} {{7*7}} <%= 7*7 %>',
    '{"type":"AdaptiveCard","body":[{"type":"Input.Text","id":"x"}]}',
    '<at>bot</at> <script>alert(1)</script>',
  ),
  fc.string({ maxLength: 50 }).map((s) => `password: ${s}Hunter2!`),
);

/** Card payloads: the real verbs with fields that fit, half-fit or do not fit. */
export const cardData = fc.record(
  {
    verb: fc.oneof(fc.constantFrom(...VERBS), fc.string({ maxLength: 20 }), junk),
    lang: fc.oneof(fc.constantFrom('en', 'fr'), fc.string({ maxLength: 5 }), junk),
    topicId: fc.oneof(fc.constantFrom(...TOPIC_IDS), fc.string({ maxLength: 30 })),
    faqId: fc.oneof(fc.constantFrom(...TOPIC_IDS), junk),
    area: fc.oneof(fc.constantFrom(...AREA_IDS), junk),
    queue: fc.oneof(fc.constantFrom(...SUPPORT_QUEUES), junk),
    examCode: fc.oneof(fc.constantFrom('AZ-104', 'AZ-900', 'XX-000'), fc.string({ maxLength: 50 })),
    method: fc.oneof(fc.constantFrom('badge', 'transcript'), junk),
    helpful: fc.oneof(fc.boolean(), junk),
    ticketId,
    description: fc.oneof(userText, junk),
    email: fc.oneof(fc.constantFrom('dana@example.test'), fc.string({ maxLength: 40 })),
    reply: userText,
  },
  { requiredKeys: [] },
);

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 4 });
const person = (ids: string[]) => fc.constantFrom(...ids).map((id) => ({ id, name: 'Dana' }));

/** A well-formed envelope (as Teams sends) around random content: the part the bot itself must survive. */
export function activityArb(serviceUrl: string, conversations: string[], users: string[]) {
  return fc.record(
    {
      type: fc.constantFrom(
        'message',
        'message',
        'message',
        'message',
        'invoke',
        'invoke',
        'conversationUpdate',
        'event',
        'messageReaction',
        'installationUpdate',
        'typing',
        'messageUpdate',
        'endOfConversation',
      ),
      id: fc.oneof(fc.constantFrom('dup-1', 'dup-2', 'dup-3'), fc.uuid()),
      channelId: fc.constant('msteams'),
      serviceUrl: fc.constant(serviceUrl),
      deliveryMode: fc.oneof({ weight: 3, arbitrary: fc.constant('expectReplies') }, { weight: 1, arbitrary: fc.constant(undefined) }),
      conversation: fc.constantFrom(...conversations).map((id) => ({ id, conversationType: 'personal' })),
      from: person(users),
      recipient: fc.constant({ id: 'bot', name: 'Certification bot' }),
      text: maybe(userText),
      locale: maybe(fc.oneof(fc.constantFrom('en-US', 'fr-FR', 'fr-CA', 'de-DE'), fc.string({ maxLength: 10 }))),
      name: maybe(
        fc.oneof(
          fc.constantFrom('adaptiveCard/action', 'adaptiveCard/action', 'handoff.status', 'task/fetch', 'signin/verifyState'),
          fc.string({ maxLength: 20 }),
        ),
      ),
      value: maybe(
        fc.oneof(
          cardData,
          fc.record({
            action: fc.record({
              type: fc.constantFrom('Action.Execute', 'Action.Submit'),
              verb: fc.constantFrom(...VERBS),
              data: cardData,
            }),
          }),
          junk,
        ),
      ),
      entities: maybe(
        fc.array(fc.record({ type: fc.constantFrom('mention', 'clientInfo'), text: userText, mentioned: person(['bot', ...users]) }), {
          maxLength: 3,
        }),
      ),
      membersAdded: maybe(fc.array(person([...users, 'bot']), { maxLength: 3 })),
      channelData: maybe(
        fc.oneof(
          fc.record({ tenant: fc.record({ id: fc.string() }), eventType: fc.constantFrom('editMessage', 'teamRenamed', 'channelCreated') }),
          fc.record({}),
        ),
      ),
    },
    { requiredKeys: ['type', 'id', 'channelId', 'serviceUrl', 'conversation', 'from', 'recipient'] },
  );
}

const ENVELOPE = [
  'type',
  'id',
  'channelId',
  'serviceUrl',
  'conversation',
  'from',
  'recipient',
  'text',
  'entities',
  'membersAdded',
  'channelData',
] as const;

/** The same with one envelope field broken or missing: what a buggy client or an attacker sends. */
export function brokenActivityArb(serviceUrl: string, conversations: string[], users: string[]) {
  return fc
    .tuple(activityArb(serviceUrl, conversations, users), fc.constantFrom(...ENVELOPE), fc.oneof(junk, fc.constant(undefined)))
    .map(([activity, field, value]) => ({ ...activity, [field]: value }));
}

/** Bodies that are not activities at all. */
export const rawBody = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.json({ maxDepth: 3 }),
  fc.constantFrom(
    '{',
    '{"type":',
    '[]',
    'null',
    '0',
    '"message"',
    '{"type":"message"}',
    '\u0000',
    '{"__proto__":{"polluted":true},"type":"message"}',
  ),
);

export const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=latin1',
      'application/octet-stream',
      '',
    ),
  },
);
