import { randomUUID } from 'node:crypto';
import type { CloudAdapter, Storage } from 'botbuilder';
import { lookupTeamsEmail } from './bot/contact-lookup';
import { HandoffDelivery } from './bot/handoff';
import type { RecentTurns } from './bot/recent-turns';
import type { EscalationDeps } from './dialogs/escalation-dialog';
import { ProactiveMessenger } from './bot/proactive-messenger';
import { TeamsTicketNotifier } from './bot/ticket-notifier';
import type { AppConfig } from './config/config';
import { SupportActions } from './dialogs/support-actions';
import type { SupportQueue } from './knowledge/catalog';
import type { Logger } from './logging/logger';
import { StorageChannelRegistry } from './support/channel-registry';
import { EscalationService, type TicketDelivery } from './support/escalation-service';
import { Outbox } from './support/outbox';
import { RetentionJob } from './support/retention-job';
import { OutboxDelivery, OutboxWorker, type OutboxSender } from './support/outbox-worker';
import type { RoutingRules } from './support/routing';
import { SupportDesk } from './support/support-desk';
import type { TicketPerson } from './support/ticket';
import { TicketRepository } from './support/ticket-repository';
import { postWebhook, webhookPayload, type WebhookTarget } from './support/webhook-sender';
import type { CardBuilder } from './views/card-builder';
import type { SupportCards } from './views/support-cards';
import { CardFactory, MessageFactory } from 'botbuilder';

export interface SupportParts {
  readonly tickets: TicketRepository;
  readonly escalation: EscalationService;
  readonly desk: SupportDesk;
  readonly actions: SupportActions;
  readonly registry: StorageChannelRegistry;
  readonly worker: OutboxWorker;
  readonly messenger: ProactiveMessenger;
  readonly retention: RetentionJob;
  /** What the escalation dialog needs to file tickets. */
  readonly filing: EscalationDeps;
}

const listed = (ids: readonly string[]) => (person: TicketPerson) => ids.includes(person.id) || (!!person.aadObjectId && ids.includes(person.aadObjectId));

/** Wires tickets, their deliveries (support channel, webhooks, handoff) and the support desk. */
export interface SupportInputs {
  readonly config: AppConfig;
  readonly storage: Storage;
  readonly adapter: CloudAdapter;
  readonly cards: CardBuilder;
  readonly supportCards: SupportCards;
  readonly routing: RoutingRules;
  readonly recentTurns: RecentTurns;
  readonly logger: Logger;
}

export function composeSupport({ config, storage, adapter, cards, supportCards, routing, recentTurns, logger }: SupportInputs): SupportParts {
  const tickets = new TicketRepository(storage);
  const registry = new StorageChannelRegistry(storage);
  const messenger = new ProactiveMessenger(adapter, config.MicrosoftAppId ?? '');
  const outbox = new Outbox(storage);
  const supportLang = config.SUPPORT_LANGUAGE;

  const webhooks: Partial<Record<SupportQueue, WebhookTarget>> = {};
  if (config.WEBHOOK_URL_CERTIFICATION_SUPPORT) webhooks['certification-support'] = { url: config.WEBHOOK_URL_CERTIFICATION_SUPPORT, secret: config.WEBHOOK_SECRET! };
  if (config.WEBHOOK_URL_MICROSOFT_SUPPORT) webhooks['microsoft-support'] = { url: config.WEBHOOK_URL_MICROSOFT_SUPPORT, secret: config.WEBHOOK_SECRET! };

  const senders = new Map<string, OutboxSender>();
  for (const [queue, target] of Object.entries(webhooks) as [SupportQueue, WebhookTarget][]) {
    senders.set(`webhook:${queue}`, (item) => postWebhook(target, item.payload, item.id));
  }
  // Posting to the channel waits until a channel is registered for the queue: nothing is dropped.
  const postToChannel: OutboxSender = async (item) => {
    const ticket = await tickets.get(item.ticketId);
    const channel = ticket && (await registry.channelFor(ticket.queue));
    // Already posted (a claim that lapsed after the post): the card is not posted twice.
    if (!ticket || ticket.supportPost) return;
    if (!channel) throw new Error(`no support channel registered for ${ticket.queue}`);
    const card = MessageFactory.attachment(CardFactory.adaptiveCard(supportCards.ticket(ticket, supportLang)));
    const activityId = await messenger.send(channel.conversation, [card]);
    if (activityId) await tickets.update(ticket.id, (t) => ({ ...t, supportPost: { activityId, conversation: channel.conversation } }));
  };
  senders.set('channel', postToChannel);
  const worker = new OutboxWorker(outbox, senders, logger, undefined, { by: randomUUID(), ms: config.OUTBOX_LEASE_MS });

  const deliveries: TicketDelivery[] = [
    new OutboxDelivery('support-channel', outbox, worker, () => 'channel', (t) => ({ ticketId: t.id })),
    new OutboxDelivery('webhook', outbox, worker, (t) => (webhooks[t.queue] ? `webhook:${t.queue}` : undefined), webhookPayload),
    ...(config.HANDOFF_ENABLED ? [new HandoffDelivery(messenger)] : []),
  ];
  const escalation = new EscalationService(tickets, deliveries, logger, config.TICKETS_PER_HOUR);
  const isAdmin = listed(config.SUPPORT_ADMINS);
  const isAgent = (p: TicketPerson) => listed(config.SUPPORT_AGENTS)(p) || isAdmin(p);
  const desk = new SupportDesk(tickets, new TeamsTicketNotifier(messenger, supportCards, supportLang, logger), isAgent);
  const filing: EscalationDeps = {
    cards: supportCards,
    routing,
    escalation,
    recentTurns: (context) => recentTurns.get(context),
    lookupEmail: (context) => lookupTeamsEmail(context),
  };
  const actions = new SupportActions({ cards, supportCards, escalation, desk, registry, isAdmin, supportLang, filing });
  const retention = new RetentionJob(tickets, config.TRANSCRIPT_RETENTION_DAYS, logger);
  return { tickets, escalation, desk, actions, registry, worker, messenger, filing, retention };
}
