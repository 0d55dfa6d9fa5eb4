import { EventFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { strings } from '../i18n/strings';
import { langFromLocale } from '../i18n/language';
import type { TicketDelivery } from '../support/escalation-service';
import type { Ticket } from '../support/ticket';
import type { ProactiveMessenger } from './proactive-messenger';

/**
 * The Bot Framework handoff protocol, for agent hubs such as Dynamics 365 Omnichannel: a
 * `handoff.initiate` event carrying the transcript goes into the user's conversation, where
 * the hub picks it up; the hub answers with `handoff.status` events.
 */
export class HandoffDelivery implements TicketDelivery {
  readonly name = 'handoff';

  constructor(private readonly messenger: ProactiveMessenger) {}

  async deliver(ticket: Ticket): Promise<void> {
    await this.messenger.inConversation(ticket.conversation, async (context) => {
      const activities = ticket.transcript.map(
        (line) =>
          ({
            ...MessageFactory.text(line.text),
            timestamp: new Date(line.at),
            from: line.from === 'user' ? context.activity.from : context.activity.recipient,
          }) as Activity,
      );
      const event = EventFactory.createHandoffInitiation(
        context,
        { ticketId: ticket.id, queue: ticket.queue, topic: ticket.topic, language: ticket.language },
        { activities },
      );
      await context.sendActivity(event);
    });
  }
}

interface HandoffStatus {
  readonly state?: string;
  readonly message?: string;
}

/** Tells the user what became of the handoff; on failure their ticket stands as the fallback. */
export async function onHandoffStatus(context: TurnContext, latestTicket: () => Promise<Ticket | undefined>): Promise<void> {
  const { state } = (context.activity.value ?? {}) as HandoffStatus;
  const ticket = await latestTicket();
  const s = strings(ticket?.language ?? langFromLocale(context.activity.locale)).support;
  if (state === 'accepted') await context.sendActivity(s.handoffAccepted);
  else if (state === 'completed') await context.sendActivity(s.handoffCompleted);
  else if (state === 'failed') await context.sendActivity(s.handoffFailed(ticket?.id ?? '—'));
}
