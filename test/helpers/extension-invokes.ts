import type { Card } from './cards';

/** One result of a search message extension: the item shown in the list and its preview. */
interface Preview {
  readonly contentType: string;
  readonly content: { title?: string; text?: string; tap?: { type: string; value: Record<string, unknown> } };
}

export interface ExtensionAttachment {
  readonly contentType: string;
  readonly content: Card & { title?: string; subtitle?: string; text?: string };
  readonly preview?: Preview;
}

export interface ExtensionResult {
  readonly type: 'result' | 'message';
  readonly text?: string;
  readonly attachmentLayout?: string;
  readonly attachments?: ExtensionAttachment[];
}

/** The activity Teams sends while someone types in a search message extension. */
export function extensionQuery(commandId: string, query: string | undefined, queryOptions: object = { skip: 0, count: 25 }) {
  const parameters = query === undefined ? [{ name: 'initialRun', value: 'true' }] : [{ name: 'query', value: query }];
  return { type: 'invoke', name: 'composeExtension/query', value: { commandId, parameters, queryOptions } };
}

/** The activity Teams sends when a result is picked: the preview's tap value. */
export function extensionPick(value: unknown) {
  return { type: 'invoke', name: 'composeExtension/selectItem', value };
}

/** The composeExtension part of the invoke response a turn returned over HTTP (expectReplies). */
export function extensionResultIn(replies: { type: string; value?: unknown }[]): ExtensionResult {
  const invoke = replies.find((r) => r.type === 'invokeResponse');
  const body = (invoke?.value as { status?: number; body?: { composeExtension?: ExtensionResult } } | undefined)?.body;
  if (!body?.composeExtension) throw new Error(`no message extension result in: ${JSON.stringify(replies).slice(0, 300)}`);
  return body.composeExtension;
}

export const previewTitles = (result: ExtensionResult) => (result.attachments ?? []).map((a) => a.preview?.content.title ?? '');
