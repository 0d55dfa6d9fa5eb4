import type { MessagingExtensionActionResponse, TurnContext } from 'botbuilder';
import type { EscalationDeps } from '../dialogs/ticket-filing';
import { sendCard } from '../dialogs/replies';
import { cardAttachment } from './card-activity';
import { openTicket, type FilingOutcome } from '../dialogs/ticket-filing';
import { setTurnLang } from '../dialogs/user-input';
import { strings } from '../i18n/strings';
import type { Logger } from '../logging/logger';
import type { AskSupportDialog, DialogStep } from '../teams/ask-support-dialog';

export interface AskSupportInvokeDeps {
  readonly dialog: AskSupportDialog;
  /** The in-chat form's filing: same service, caps and deliveries. */
  readonly filing: EscalationDeps;
  /** Runs a turn in the user's 1:1 chat with the bot (created if needed). */
  readonly inPrivateChat: (context: TurnContext, logic: (privateContext: TurnContext) => Promise<void>) => Promise<void>;
  readonly logger: Logger;
}

/**
 * The message extension "Ask support about this message" as Teams invokes it: fetchTask opens
 * the dialog, submitAction answers each of its buttons. Teams waits about five seconds for the
 * answer, so nothing here waits on more than the store and one call to the connector.
 */
export class AskSupportInvokes {
  constructor(private readonly deps: AskSupportInvokeDeps) {}

  async fetchTask(context: TurnContext, value: unknown): Promise<MessagingExtensionActionResponse> {
    const email = await this.deps.filing.lookupEmail(context).catch(() => undefined);
    return responseOf(this.deps.dialog.open(value, context.activity.locale ?? undefined, email));
  }

  async submitAction(context: TurnContext, value: unknown): Promise<MessagingExtensionActionResponse> {
    const step = this.deps.dialog.submit(value, context.activity.locale ?? undefined);
    if (step.kind !== 'file') return responseOf(step);
    const outcome = await this.file(context, step);
    return responseOf(this.deps.dialog.afterFiling(step, outcome));
  }

  /**
   * Filed from the user's 1:1 chat, wherever the message was: the ticket's conversation is
   * where support's answers and the status messages go, never a group chat or a channel.
   * The confirmation card goes there too.
   */
  private async file(context: TurnContext, step: Extract<DialogStep, { kind: 'file' }>): Promise<FilingOutcome> {
    let outcome: FilingOutcome | undefined;
    // The ticket is about the message picked (its description), not about the 1:1 chat's last turns.
    const filing: EscalationDeps = { ...this.deps.filing, recentTurns: async () => [] };
    try {
      await this.deps.inPrivateChat(context, async (privateContext) => {
        setTurnLang(privateContext, step.lang);
        outcome = await openTicket(privateContext, filing, { queue: step.queue, topic: step.topic, fields: step.fields });
        if (!outcome.ok) return;
        const card = filing.cards.confirmation(outcome.ticket, step.lang, outcome.routed);
        await sendCard(privateContext, card).catch((error: Error) =>
          this.deps.logger.warn({ event: 'confirmation_not_sent', ticketId: outcome?.ok ? outcome.ticket.id : undefined, err: error }),
        );
      });
    } catch (error) {
      this.deps.logger.warn({ event: 'private_chat_failed', err: error });
    }
    return outcome ?? { ok: false, message: strings(step.lang).dialog.privateChatUnavailable };
  }
}

function responseOf(step: DialogStep): MessagingExtensionActionResponse {
  switch (step.kind) {
    case 'show':
      return {
        task: { type: 'continue', value: { title: step.title, width: 'medium', height: 'large', card: cardAttachment(step.card) } },
      };
    case 'message':
      return { task: { type: 'message', value: step.text } };
    case 'close':
    case 'file':
      // Nothing in the body: Teams closes the dialog.
      return {};
  }
}
