import type { Activity, ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { TranscriptLine } from '../support/ticket';

/** What a bot message said, in a line: its text, or its card's first text. */
function summaryOf(activity: Partial<Activity>): string | undefined {
  if (activity.type !== 'message') return undefined;
  if (activity.text) return activity.text;
  const card = activity.attachments?.[0]?.content as { body?: { text?: string; items?: { text?: string }[] }[] } | undefined;
  const first = card?.body?.find((b) => b.text || b.items?.some((i) => i.text));
  return first?.text ?? first?.items?.find((i) => i.text)?.text;
}

/**
 * The last turns of the conversation, kept in conversation state so a ticket can carry them.
 * Only redacted user text ever reaches it (the bot redacts before anything else runs).
 */
export class RecentTurns {
  private readonly lines: StatePropertyAccessor<TranscriptLine[]>;

  constructor(
    conversationState: ConversationState,
    private readonly max = 12,
  ) {
    this.lines = conversationState.createProperty<TranscriptLine[]>('recentTurns');
  }

  async get(context: TurnContext): Promise<TranscriptLine[]> {
    return [...(await this.lines.get(context, []))];
  }

  async add(context: TurnContext, line: TranscriptLine): Promise<void> {
    const lines = await this.lines.get(context, []);
    lines.push({ ...line, text: line.text.slice(0, 500) });
    lines.splice(0, Math.max(0, lines.length - this.max));
  }

  /** Records what the bot says during this turn. */
  watch(context: TurnContext): void {
    context.onSendActivities(async (ctx, activities, next) => {
      for (const activity of activities) {
        const text = summaryOf(activity);
        if (text) await this.add(ctx, { from: 'bot', text, at: new Date().toISOString() });
      }
      return next();
    });
  }
}
