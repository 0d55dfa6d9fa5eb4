import type { Activity } from 'botbuilder';

export type Card = Record<string, unknown>;

export interface FoundButton {
  readonly title: string;
  readonly verb: string;
  readonly data: Record<string, unknown>;
}

/** The Adaptive Cards a turn showed, in order: new messages and a card that replaced the clicked one. */
export function cardsOf(replies: Activity[]): Card[] {
  return replies.flatMap((r) => {
    if (r.type === 'invokeResponse') {
      const body = (r.value as { body?: { type?: string; value?: Card } } | undefined)?.body;
      return body?.type === 'application/vnd.microsoft.card.adaptive' && body.value ? [body.value] : [];
    }
    return (r.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content as Card);
  });
}

export function onlyCard(replies: Activity[]): Card {
  const cards = cardsOf(replies);
  if (cards.length !== 1)
    throw new Error(`expected exactly one card, got ${cards.length}: ${replies.map((r) => r.type + ':' + (r.text ?? '')).join(' | ')}`);
  return cards[0];
}

export function lastCard(replies: Activity[]): Card {
  const cards = cardsOf(replies);
  if (cards.length === 0) throw new Error(`expected a card, got: ${replies.map((r) => r.type + ':' + (r.text ?? '')).join(' | ')}`);
  return cards[cards.length - 1];
}

function walk(node: unknown, visit: (obj: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((v) => walk(v, visit));
  }
}

/** Everything a person reads on the card, joined: texts, facts, choices, button titles and link targets. */
export function textOf(card: Card): string {
  const parts: string[] = [];
  walk(card, (obj) => {
    for (const key of ['text', 'title', 'value', 'placeholder', 'url']) {
      if (typeof obj[key] === 'string') parts.push(obj[key] as string);
    }
  });
  return parts.join('\n');
}

/** Every Action.Execute on the card (buttons and clickable rows), with its payload. */
export function buttonsOf(card: Card): FoundButton[] {
  const found: FoundButton[] = [];
  walk(card, (obj) => {
    if (obj.type === 'Action.Execute')
      found.push({ title: String(obj.title), verb: String(obj.verb), data: (obj.data ?? {}) as Record<string, unknown> });
  });
  return found;
}

export function button(card: Card, title: string): FoundButton {
  const match = buttonsOf(card).find((b) => b.title === title);
  if (!match)
    throw new Error(
      `no button "${title}" on the card; buttons: ${buttonsOf(card)
        .map((b) => b.title)
        .join(', ')}`,
    );
  return match;
}

export function buttonByVerb(card: Card, verb: string, where: (data: Record<string, unknown>) => boolean = () => true): FoundButton {
  const match = buttonsOf(card).find((b) => b.verb === verb && where(b.data));
  if (!match)
    throw new Error(
      `no "${verb}" button on the card; buttons: ${buttonsOf(card)
        .map((b) => `${b.title} (${b.verb})`)
        .join(', ')}`,
    );
  return match;
}

export function linksOf(card: Card): string[] {
  const urls: string[] = [];
  walk(card, (obj) => {
    if (obj.type === 'Action.OpenUrl' && typeof obj.url === 'string') urls.push(obj.url);
  });
  return urls;
}

/** The card that an Action.Execute invoke put in place of the clicked one, if any. */
export function replacementCard(replies: Activity[]): Card | undefined {
  const response = replies.find((r) => r.type === 'invokeResponse');
  const body = (response?.value as { body?: { type?: string; value?: Card } } | undefined)?.body;
  return body?.type === 'application/vnd.microsoft.card.adaptive' ? body.value : undefined;
}
