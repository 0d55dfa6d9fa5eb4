import type { Activity, CloudAdapter, ConversationParameters, ConversationReference } from 'botbuilder';
import type { TurnContext } from 'botbuilder';

/**
 * Sends into a conversation outside of a user's turn (the user's 1:1 chat, a support channel)
 * through the adapter's connector: the same path in Teams and against a local stand-in.
 */
export class ProactiveMessenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
  ) {}

  /** Runs `logic` in a turn of that conversation; returns what it returns. */
  async inConversation<T>(reference: Record<string, unknown>, logic: (context: TurnContext) => Promise<T>): Promise<T> {
    let result: T | undefined;
    await this.adapter.continueConversationAsync(this.appId, reference as Partial<ConversationReference>, async (context) => {
      result = await logic(context);
    });
    return result as T;
  }

  /** Sends the activities; returns the id the channel gave the first one. */
  send(reference: Record<string, unknown>, activities: Partial<Activity>[]): Promise<string | undefined> {
    return this.inConversation(reference, async (context) => (await context.sendActivities(activities))[0]?.id);
  }

  /**
   * Opens (or finds) the 1:1 chat between the bot and the sender of `context`'s activity and
   * runs `logic` there, as if the user had written in it.
   */
  async inPrivateChat(context: TurnContext, logic: (privateContext: TurnContext) => Promise<void>): Promise<void> {
    const { from, recipient, channelId, serviceUrl, locale, conversation, channelData } = context.activity;
    const tenantId = conversation?.tenantId ?? (channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
    const parameters = {
      isGroup: false,
      bot: recipient,
      members: [from],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    } as ConversationParameters;
    await this.adapter.createConversationAsync(
      this.appId,
      channelId,
      serviceUrl,
      undefined as unknown as string,
      parameters,
      async (privateContext) => {
        // The adapter's synthetic activity names no sender; the ticket must know who the user is.
        privateContext.activity.from = from;
        privateContext.activity.locale = locale;
        privateContext.activity.conversation = { ...privateContext.activity.conversation, conversationType: 'personal' };
        await logic(privateContext);
      },
    );
  }

  update(reference: Record<string, unknown>, activityId: string, activity: Partial<Activity>): Promise<void> {
    return this.inConversation(reference, async (context) => {
      await context.updateActivity({ ...activity, id: activityId, type: 'message' });
    });
  }
}
