import { loadKnowledge } from '../../src/app';
import { strings } from '../../src/i18n/strings';
import type { Ticket } from '../../src/support/ticket';
import { MAX_STORED_EVENTS, withEvent } from '../../src/support/ticket-history';
import { TEAMS_ACTIVITY_BUDGET_BYTES } from '../../src/views/message-size';
import { HISTORY_ON_CARD } from '../../src/views/support-cards';
import { textOf } from '../helpers/cards';
import { testConfig } from '../helpers/test-bot';

const { supportCards } = loadKnowledge(testConfig());
const bytes = (card: unknown) => Buffer.byteLength(JSON.stringify(card), 'utf8');

const base: Ticket = {
  id: 'CS-ABCDEF',
  queue: 'certification-support',
  topic: 'support-mcid-merge',
  language: 'en',
  user: { id: '29:u', name: 'Camille' },
  description: 'Please merge my profiles',
  conversation: {},
  transcript: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  status: 'open',
  history: [{ at: '2026-01-01T00:00:00.000Z', status: 'open' }],
};

/** Every element of the card with a `type`, flattened. */
function elements(node: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) node.forEach((n) => elements(n, found));
  else if (node && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    if (typeof obj.type === 'string') found.push(obj);
    Object.values(obj).forEach((v) => elements(v, found));
  }
  return found;
}

describe('support ticket card', () => {
  it('when a ticket is closed and reopened 300 times, then the stored history and the card stay bounded and say how many events came before', () => {
    let ticket = base;
    const agent = { id: '29:agent', name: 'Alex Agent with a rather long display name', channelId: 'msteams' };
    for (let n = 0; n < 600; n++) {
      const status = n % 2 === 0 ? ('closed' as const) : ('open' as const);
      ticket = {
        ...ticket,
        status,
        ...withEvent(ticket, { at: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(), status, by: agent, note: `click ${n}` }),
      };
    }
    expect(ticket.history).toHaveLength(MAX_STORED_EVENTS);
    expect(ticket.history[0].status).toBe('open'); // when it was opened stays
    expect(ticket.earlierEvents).toBe(601 - MAX_STORED_EVENTS);

    for (const lang of ['en', 'fr'] as const) {
      const card = supportCards.ticket(ticket, lang, { viewer: 'agent' });
      expect(bytes(card)).toBeLessThan(TEAMS_ACTIVITY_BUDGET_BYTES);
      expect(textOf(card)).toContain(strings(lang).support.historyEarlier(601 - HISTORY_ON_CARD));
      expect(textOf(card)).toContain('click 599');
      expect(textOf(card)).not.toContain('click 589');
    }
  });

  it('when a ticket has a short history, then every event shows and no "earlier" line', () => {
    const card = supportCards.ticket(base, 'en', { viewer: 'agent' });
    expect(textOf(card)).not.toContain(strings('en').support.historyEarlier(1));
    expect(elements(card).filter((e) => e.type === 'TextBlock' && String(e.text).startsWith('and '))).toEqual([]);
  });

  it('when a user writes markdown and links, then the support card shows them as plain text, never as a link', () => {
    const link = '[Reset your password](https://evil.example/phish)';
    const card = supportCards.ticket(
      {
        ...base,
        user: { id: '29:u', name: '**Boss** [admin](https://evil.example)' },
        description: `${link} and **urgent** _now_`,
        errorMessage: `Error: ${link}`,
        transcript: [{ from: 'user', text: `see ${link}`, at: base.createdAt }],
      },
      'en',
      { viewer: 'agent' },
    );
    const all = elements(card);
    // User text sits in TextRuns (never markdown) or, in facts, with the markdown escaped.
    const markdownTexts = [
      ...all.filter((e) => e.type === 'TextBlock').map((e) => String(e.text)),
      ...all.flatMap((e) => (Array.isArray(e.facts) ? (e.facts as { value: string }[]).map((f) => f.value) : [])),
    ];
    for (const text of markdownTexts) {
      expect(text).not.toMatch(/\]\(https?:/);
      expect(text).not.toMatch(/(^|[^\\])\*\*/);
    }
    const runs = all.filter((e) => e.type === 'TextRun').map((e) => String(e.text));
    expect(runs.some((t) => t.includes(`${link} and **urgent** _now_`))).toBe(true);
    expect(JSON.stringify(card)).not.toContain('"Action.OpenUrl"');
  });
});
