import { randomUUID } from 'node:crypto';
import type { CloudAdapter, Storage } from 'botbuilder';
import { lookupTeamsEmail } from './bot/contact-lookup';
import { HandoffDelivery } from './bot/handoff';
import type { RecentTurns } from './bot/recent-turns';
import type { EscalationDeps } from './dialogs/ticket-filing';
import { ProactiveMessenger } from './bot/proactive-messenger';
import { TeamsTicketNotifier } from './bot/ticket-notifier';
import type { AppConfig } from './config/config';
import { SupportActions } from './dialogs/support-actions';
import { SUPPORT_QUEUES, type SupportQueue } from './knowledge/catalog';
import type { FeedbackLog } from './feedback/feedback-log';
import { SatisfactionSurvey } from './insights/satisfaction';
import { storageClaim } from './storage/claims';
import type { Logger } from './logging/logger';
import { StorageChannelRegistry } from './support/channel-registry';
import { EscalationService, type TicketDelivery } from './support/escalation-service';
import { Outbox } from './support/outbox';
import { RetentionJob } from './support/retention-job';
import { ResponseReminderJob } from './support/response-reminders';
import { reminderSender } from './bot/support-reminders';
import { OutboxDelivery, OutboxWorker, type OutboxSender } from './support/outbox-worker';
import { channelPostSender, channelUpdateSender } from './bot/support-channel-senders';
import { Erasure, type PersonEraser } from './support/erasure';
import type { RoutingRules } from './support/routing';
import { SupportDesk, type TicketNotifier } from './support/support-desk';
import { userChannel, type Ticket, type TicketPerson } from './support/ticket';
import { TicketRepository } from './support/ticket-repository';
import { refreshUserIds } from './support/ticket-viewers';
import { postWebhook, userMessagePayload, webhookPayload, type WebhookEvent, type WebhookTarget } from './support/webhook-sender';
import type { CardBuilder } from './views/card-builder';
import type { SupportCards } from './views/support-cards';

export interface SupportParts {
  readonly tickets: TicketRepository;
  readonly escalation: EscalationService;
  readonly desk: SupportDesk;
  readonly actions: SupportActions;
  readonly registry: StorageChannelRegistry;
  /** Whether a person is on the support list (agents and admins): the rule the ticket card's actions use. */
  readonly isAgent: (person: TicketPerson) => boolean;
  /** Who gets their own view of a ticket card by refresh. */
  readonly viewerIds: (ticket: Ticket) => string[];
  readonly worker: OutboxWorker;
  readonly messenger: ProactiveMessenger;
  readonly retention: RetentionJob;
  /** Reminds the support channel of tickets nobody took within their queue's target. */
  readonly reminders: ResponseReminderJob;
  readonly erasure: Erasure;
  /** What the escalation dialog needs to file tickets. */
  readonly filing: EscalationDeps;
  /** Logs a warning when a queue has no channel, webhook or agent hub; resolves to those queues. */
  readonly warnIfUnrouted: () => Promise<SupportQueue[]>;
}

/** Support lists name people of one channel: the same id typed in from the emulator or Web Chat is nobody. */
const listed = (ids: readonly string[], channel: string) => (person: TicketPerson) =>
  userChannel(person) === channel && (ids.includes(person.id) || (!!person.aadObjectId && ids.includes(person.aadObjectId)));

/** Wires tickets, their deliveries (support channel, webhooks, handoff) and the support desk. */
export interface SupportInputs {
  readonly config: AppConfig;
  readonly storage: Storage;
  readonly adapter: CloudAdapter;
  readonly cards: CardBuilder;
  readonly supportCards: SupportCards;
  readonly routing: RoutingRules;
  readonly recentTurns: RecentTurns;
  /** The root logger: each part gets a child named for it (a child of a child would repeat `component`). */
  readonly logger: Logger;
  /** Other stores that keep a user's data ("forget me" runs each); feedback records plug in here. */
  readonly erasers?: readonly PersonEraser[];
  /** Where filed tickets are counted for the insights. */
  readonly insights?: Pick<FeedbackLog, 'record'>;
  /** The reminders' clock; tests pass a fake one. */
  readonly now?: () => Date;
}

const CHANNEL_POST = 'channel';
const CHANNEL_UPDATE = 'channel:update';

export function composeSupport(inputs: SupportInputs): SupportParts {
  const { config, storage, adapter, cards, supportCards, routing, recentTurns, logger, erasers = [], insights, now } = inputs;
  const tickets = new TicketRepository(storage);
  const registry = new StorageChannelRegistry(storage);
  const messenger = new ProactiveMessenger(adapter, config.MicrosoftAppId ?? '');
  const outbox = new Outbox(storage);
  const supportLang = config.SUPPORT_LANGUAGE;
  const log = (component: string) => logger.child({ component });
  const supportLog = log('support');
  // Who gets their own view of a ticket card by refresh; the card itself shows everyone else the status.
  const agentIds = [...config.SUPPORT_AGENTS, ...config.SUPPORT_ADMINS];
  const viewerIds = (t: Ticket) => refreshUserIds(t, agentIds);

  const webhooks: Partial<Record<SupportQueue, WebhookTarget>> = {};
  if (config.WEBHOOK_URL_CERTIFICATION_SUPPORT)
    webhooks['certification-support'] = { url: config.WEBHOOK_URL_CERTIFICATION_SUPPORT, secret: config.WEBHOOK_SECRET! };
  if (config.WEBHOOK_URL_MICROSOFT_SUPPORT)
    webhooks['microsoft-support'] = { url: config.WEBHOOK_URL_MICROSOFT_SUPPORT, secret: config.WEBHOOK_SECRET! };

  // Every sender builds what it sends from the ticket as stored at send time: an erased ticket goes out erased.
  const senders = new Map<string, OutboxSender>();
  for (const [queue, target] of Object.entries(webhooks) as [SupportQueue, WebhookTarget][]) {
    senders.set(`webhook:${queue}`, async (item) => {
      const ticket = await tickets.get(item.ticketId);
      const event = (item.payload as { event?: WebhookEvent } | undefined)?.event;
      if (!ticket) return;
      const payload =
        event === 'ticket.user-message'
          ? userMessagePayload(ticket)
          : webhookPayload(ticket, event === 'ticket.erased' ? event : 'ticket.created');
      await postWebhook(target, payload, item.id);
    });
  }
  const channelDeps = { tickets, registry, messenger, cards: supportCards, lang: supportLang, viewerIds };
  senders.set(CHANNEL_POST, channelPostSender(channelDeps));
  senders.set(CHANNEL_UPDATE, channelUpdateSender(channelDeps));
  // Each instance claims the items it sends, under a lease: one post per ticket however many instances run.
  const worker = new OutboxWorker(outbox, senders, log('outbox'), undefined, { by: randomUUID(), ms: config.OUTBOX_LEASE_MS });
  const webhookTarget = (t: Ticket) => (webhooks[t.queue] ? `webhook:${t.queue}` : undefined);

  // The user's answers to support reach the webhook the same way, durably, as their own event.
  const userMessages = new OutboxDelivery('webhook-user-message', outbox, worker, webhookTarget, (t) => ({
    ticketId: t.id,
    event: 'ticket.user-message',
  }));
  const deliveries: TicketDelivery[] = [
    new OutboxDelivery(
      'support-channel',
      outbox,
      worker,
      () => CHANNEL_POST,
      (t) => ({ ticketId: t.id }),
    ),
    new OutboxDelivery('webhook', outbox, worker, webhookTarget, (t) => ({ ticketId: t.id, event: 'ticket.created' })),
    ...(config.HANDOFF_ENABLED ? [new HandoffDelivery(messenger)] : []),
  ];
  const erasure = new Erasure({
    tickets,
    outbox,
    erasers,
    kick: () => worker.kick(),
    followUps: (t) => [
      { id: randomUUID(), ticketId: t.id, target: CHANNEL_UPDATE, payload: { ticketId: t.id } },
      ...(webhookTarget(t)
        ? [{ id: randomUUID(), ticketId: t.id, target: webhookTarget(t)!, payload: { ticketId: t.id, event: 'ticket.erased' } }]
        : []),
    ],
  });
  // Cards waiting for this channel go out as soon as it is registered.
  const channels = {
    register: async (...args: Parameters<StorageChannelRegistry['register']>) => {
      await registry.register(...args);
      await outbox.unpark(CHANNEL_POST, new Date());
      worker.kick();
    },
    channelFor: (queue: SupportQueue) => registry.channelFor(queue),
  };
  const escalation = new EscalationService(tickets, deliveries, log('escalation'), config.TICKETS_PER_HOUR);
  const isAdmin = listed(config.SUPPORT_ADMINS, config.SUPPORT_CHANNEL);
  const isAgent = (p: TicketPerson) => listed(config.SUPPORT_AGENTS, config.SUPPORT_CHANNEL)(p) || isAdmin(p);
  // Ratings are counted in the insights log; without one (tests of support alone) nobody is asked.
  const survey = insights ? new SatisfactionSurvey({ tickets, log: insights, claim: storageClaim(storage) }) : undefined;
  const askRating = (id: string) => (survey ? survey.shouldAsk(id) : Promise.resolve(false));
  const teamsNotifier = new TeamsTicketNotifier(messenger, supportCards, supportLang, log('ticket-notifier'), askRating, viewerIds);
  const notifier: TicketNotifier = {
    ticketChanged: async (ticket, change, by, note) => {
      await teamsNotifier.ticketChanged(ticket, change, by, note);
      if (change === 'user-replied')
        await userMessages
          .deliver(ticket)
          .catch((error: Error) =>
            supportLog.warn({ event: 'ticket_delivery_failed', delivery: userMessages.name, ticketId: ticket.id, err: error }),
          );
    },
  };
  const desk = new SupportDesk(tickets, notifier, isAgent);
  /** Somewhere the queue's tickets go: a registered channel, a webhook, or an agent hub. */
  const isRouted = async (queue: SupportQueue) => !!webhooks[queue] || config.HANDOFF_ENABLED || !!(await registry.channelFor(queue));
  const filing: EscalationDeps = {
    cards: supportCards,
    routing,
    escalation,
    recentTurns: (context) => recentTurns.get(context),
    lookupEmail: (context) => lookupTeamsEmail(context),
    isRouted,
    ...(insights ? { insights } : {}),
  };
  /** At startup: says once, in the log, which queues have nowhere to send their tickets. */
  const warnIfUnrouted = async () => {
    const unrouted: SupportQueue[] = [];
    for (const queue of SUPPORT_QUEUES) if (!(await isRouted(queue))) unrouted.push(queue);
    if (unrouted.length > 0) {
      supportLog.warn(
        { event: 'support_unrouted', queues: unrouted },
        'tickets for these queues are only recorded: register a support channel or set WEBHOOK_URL_… (README, "Support")',
      );
    }
    return unrouted;
  };
  const actions = new SupportActions({
    cards,
    supportCards,
    escalation,
    desk,
    registry: channels,
    isAdmin,
    isAgent,
    viewerIds,
    supportLang,
    filing,
    now,
    ...(survey ? { survey } : {}),
  });
  const retention = new RetentionJob(tickets, config.TRANSCRIPT_RETENTION_DAYS, log('retention'));
  const remind = reminderSender({ messenger, cards: supportCards, routing, lang: supportLang, viewerIds, now });
  const reminders = new ResponseReminderJob(tickets, routing, remind, log('reminders'), now);
  return {
    tickets,
    escalation,
    desk,
    actions,
    registry,
    isAgent,
    viewerIds,
    worker,
    messenger,
    filing,
    retention,
    reminders,
    erasure,
    warnIfUnrouted,
  };
}
