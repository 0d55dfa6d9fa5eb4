import { randomUUID } from 'node:crypto';

/** One kind of request the bench sends, with what a right answer contains. */
export interface Scenario {
  readonly name: string;
  readonly label: string;
  /** Which echo-bot scenario it is compared with: a message or a card click. */
  readonly kind: 'message' | 'invoke';
  /** A new activity each call: fresh activity, conversation and user ids. */
  readonly body: () => Record<string, unknown>;
  /** Cheap check of a 200 body, run on every response under load. */
  readonly verify: (body: string) => boolean;
}

let sequence = 0;

// A new conversation and user per request: no state piles up in one conversation, the dedupe
// middleware sees unique ids, and the per-user caps never bind.
function activity(extra: Record<string, unknown>): Record<string, unknown> {
  const n = (sequence += 1);
  const run = process.pid.toString(36);
  return {
    type: 'message',
    id: randomUUID(),
    locale: 'en-US',
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    deliveryMode: 'expectReplies',
    from: { id: `29:bench-user-${run}-${n}`, name: 'Bench User' },
    recipient: { id: 'bot' },
    conversation: { id: `a:bench-${run}-${n}`, conversationType: 'personal' },
    ...extra,
  };
}

// A fixed pool of users in their own chats: after the warm-up every one of them has state (and
// dedupe records) in the store, so the turn reads and rewrites existing records.
const RETURNING_USERS = 500;
let returningTurn = 0;
function returning(extra: Record<string, unknown>): Record<string, unknown> {
  const n = (returningTurn += 1) % RETURNING_USERS;
  const run = process.pid.toString(36);
  return activity({
    from: { id: `29:returning-${run}-${n}`, name: 'Returning User' },
    conversation: { id: `a:returning-${run}-${n}`, conversationType: 'personal' },
    ...extra,
  });
}

function click(data: Record<string, unknown>): Record<string, unknown> {
  return activity({
    type: 'invoke',
    name: 'adaptiveCard/action',
    text: undefined,
    value: { action: { type: 'Action.Execute', verb: data.verb, data } },
  });
}

const CARD = 'application/vnd.microsoft.card.adaptive';
const hasAll =
  (...parts: string[]) =>
  (body: string) =>
    parts.every((p) => body.includes(p));

export const BOT_SCENARIOS: readonly Scenario[] = [
  {
    name: 'faq-en',
    label: 'FAQ question, free text (EN)',
    kind: 'message',
    body: () => activity({ text: 'How do I unlink my MCID from my old company?' }),
    verify: hasAll(CARD, '"Unlink your certification profile"'),
  },
  {
    name: 'faq-en-returning',
    label: 'FAQ question from a returning user (EN)',
    kind: 'message',
    body: () => returning({ text: 'How do I unlink my MCID from my old company?' }),
    verify: hasAll(CARD, '"Unlink your certification profile"'),
  },
  {
    name: 'faq-fr',
    label: 'FAQ question, free text (FR)',
    kind: 'message',
    body: () => activity({ text: 'comment délier mon MCID de mon ancienne entreprise ?', locale: 'fr-FR' }),
    verify: hasAll(CARD, '"Dissocier votre profil de certification"'),
  },
  {
    name: 'menu-button',
    label: 'Menu button (Action.Execute: area)',
    kind: 'invoke',
    body: () => click({ verb: 'area', lang: 'en', area: 'credit' }),
    verify: hasAll('invokeResponse', CARD, '"College credit for exams"'),
  },
  {
    name: 'exam-verdict',
    label: 'Exam verdict, free text (AZ-104: not eligible)',
    kind: 'message',
    body: () => activity({ text: 'Is AZ-104 eligible for college credit?' }),
    verify: hasAll(CARD, 'AZ-104 is not on the NCCRS list'),
  },
  {
    name: 'escalation-submit',
    label: 'Escalation form submitted (files a ticket)',
    kind: 'invoke',
    body: () =>
      click({
        verb: 'support.submit',
        lang: 'en',
        queue: 'microsoft-support',
        faqId: 'unlink',
        description: 'Unlinking my MCID from the old company fails with an error in Partner Center.',
      }),
    verify: hasAll('invokeResponse', 'Ticket MS-'),
  },
];

export const ECHO_SCENARIOS: readonly Scenario[] = [
  {
    name: 'echo-message',
    label: 'Echo bot, message',
    kind: 'message',
    body: () => activity({ text: 'How do I unlink my MCID from my old company?' }),
    verify: hasAll('Echo: '),
  },
  {
    name: 'echo-invoke',
    label: 'Echo bot, card click',
    kind: 'invoke',
    body: () => click({ verb: 'area', lang: 'en', area: 'credit' }),
    verify: hasAll('invokeResponse'),
  },
];
