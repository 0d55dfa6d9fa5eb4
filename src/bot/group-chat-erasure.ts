import type { Storage } from 'botbuilder';

/** How many group chats and channels a user's profile remembers for "forget me". */
export const MAX_REMEMBERED_CHATS = 20;

/** The profile's list with this conversation moved to the end, oldest dropped past the cap. */
export function rememberChat(chats: readonly string[] | undefined, conversationId: string): string[] {
  return [...(chats ?? []).filter((id) => id !== conversationId), conversationId].slice(-MAX_REMEMBERED_CHATS);
}

// What a shared conversation keeps that is not about any one person.
const KEPT = ['introduced'];

/**
 * Clears the state of group chats and channels a user wrote in (the recent turns a ticket would
 * quote, a flow in progress), keeping only whether the bot introduced itself there. The keys
 * follow ConversationState's layout: `<channelId>/conversations/<conversationId>/` (no namespace).
 */
export async function eraseGroupChats(storage: Storage, channelId: string, conversationIds: readonly string[]): Promise<void> {
  const keys = conversationIds.map((id) => `${channelId}/conversations/${id}/`);
  if (keys.length === 0) return;
  const stored = await storage.read(keys);
  const changes: Record<string, Record<string, unknown>> = {};
  for (const key of keys) {
    const state = stored[key] as Record<string, unknown> | undefined;
    if (!state) continue;
    changes[key] = Object.fromEntries(Object.entries(state).filter(([name]) => KEPT.includes(name) || name === 'eTag'));
  }
  // The eTag read is written back: a turn that changed the chat meanwhile wins, and that write fails here.
  if (Object.keys(changes).length > 0) await storage.write(changes);
}
