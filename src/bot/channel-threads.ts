/**
 * Teams channel conversations: a reference whose conversation id ends in `;messageid=<id>` is
 * the thread under that post; without the suffix, sending to it starts a new post. The
 * registration keeps the reference of the "register" message, which is inside a thread.
 */
const THREAD_SUFFIX = ';messageid=';

type Reference = Record<string, unknown> & { conversation?: Record<string, unknown> & { id?: string } };

function withConversationId(reference: Record<string, unknown>, id: string): Record<string, unknown> {
  const { conversation } = reference as Reference;
  return { ...reference, conversation: { ...conversation, id } };
}

/** The channel itself: sending here starts a new post. */
export function channelRoot(reference: Record<string, unknown>): Record<string, unknown> {
  const id = (reference as Reference).conversation?.id;
  if (typeof id !== 'string') return reference;
  const at = id.indexOf(THREAD_SUFFIX);
  return at < 0 ? reference : withConversationId(reference, id.slice(0, at));
}

/** The thread under one post of the channel: replies to it stay with it. */
export function threadOf(channel: Record<string, unknown>, postId: string): Record<string, unknown> {
  const root = channelRoot(channel);
  const id = (root as Reference).conversation?.id;
  return typeof id === 'string' ? withConversationId(root, `${id}${THREAD_SUFFIX}${postId}`) : root;
}
