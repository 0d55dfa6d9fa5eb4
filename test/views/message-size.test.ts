import { strings } from '../../src/i18n/strings';
import { loadKnowledge } from '../../src/app';
import type { Ticket } from '../../src/support/ticket';
import { fitToTeams, TEAMS_ACTIVITY_BUDGET_BYTES } from '../../src/views/message-size';
import { textOf } from '../helpers/cards';
import { testConfig } from '../helpers/test-bot';

const { supportCards } = loadKnowledge(testConfig());
const bytes = (card: unknown) => Buffer.byteLength(JSON.stringify(card), 'utf8');

function ticket(i: number, size: number): Ticket {
  return {
    id: `MS-${String(i).padStart(6, '0')}`.replace(/0/g, 'A'),
    queue: 'microsoft-support',
    topic: 'unlink',
    language: 'fr',
    user: { id: 'u', name: 'Camille' },
    description: `Problème ${i} : ${'é'.repeat(size)}`,
    errorMessage: 'x'.repeat(size),
    conversation: {},
    transcript: Array.from({ length: 12 }, (_, n) => ({
      from: 'user' as const,
      text: `message ${n} ${'y'.repeat(Math.min(size, 500))}`,
      at: new Date(0).toISOString(),
    })),
    createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    status: 'open',
    history: [{ at: new Date(0).toISOString(), status: 'open' }],
  };
}

describe('Teams message size', () => {
  it('when a ticket carries the longest texts the form accepts, then its support card still fits and keeps its buttons', () => {
    const card = supportCards.ticket(ticket(1, 2000), 'en', { viewer: 'agent' });
    const fitted = fitToTeams(card);
    expect(bytes(fitted)).toBeLessThanOrEqual(TEAMS_ACTIVITY_BUDGET_BYTES);
    expect(textOf(fitted)).toContain(strings('en').support.assignToMe);
  });

  it('when a card is far too long, then the longest texts are shortened with an ellipsis, not dropped', () => {
    const card = supportCards.ticket({ ...ticket(2, 2000), description: 'z'.repeat(60_000) }, 'fr', { viewer: 'agent' });
    expect(bytes(card)).toBeGreaterThan(TEAMS_ACTIVITY_BUDGET_BYTES);
    const fitted = fitToTeams(card);
    expect(bytes(fitted)).toBeLessThanOrEqual(TEAMS_ACTIVITY_BUDGET_BYTES);
    expect(textOf(fitted)).toMatch(/z{200,}…/);
    expect(textOf(fitted)).toContain('MS-');
  });

  it('when a user has 60 tickets, then "my tickets" lists the 20 newest and says how many there are', () => {
    const card = supportCards.ticketList(
      Array.from({ length: 60 }, (_, i) => ticket(i, 100)),
      'fr',
    );
    expect(bytes(card)).toBeLessThanOrEqual(TEAMS_ACTIVITY_BUDGET_BYTES);
    expect(textOf(card)).toContain('Vos 20 tickets les plus récents, sur 60 :');
  });
});

describe('fitting shortens the longest texts only as far as needed', () => {
  it('when one text is far too long and another merely long, then only the longest is cut, as little as the budget allows', () => {
    const long = 'a'.repeat(50_000);
    const medium = 'b'.repeat(1_000);
    const facts = { type: 'FactSet', facts: [{ title: 'ID', value: 'MS-ABC234' }] };
    const card = { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: long }, { type: 'TextBlock', text: medium }, facts] };
    const fitted = fitToTeams(card, 10_000);
    const texts = (fitted.body as { text?: string }[]).map((b) => b.text);
    expect(texts[1]).toBe(medium);
    expect(texts[0]).toMatch(/^a+…$/);
    expect(bytes(fitted)).toBeLessThanOrEqual(10_000);
    expect(bytes(fitted)).toBeGreaterThan(9_900);
    expect(textOf(fitted)).toContain('MS-ABC234');
    expect(JSON.stringify(card)).toContain(long); // the card given is left as it was
  });
});
