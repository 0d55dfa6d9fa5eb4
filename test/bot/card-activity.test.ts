import { loadKnowledge } from '../../src/app';
import { cardActivity, invokeResponse } from '../../src/bot/card-activity';
import { strings } from '../../src/i18n/strings';
import type { Ticket } from '../../src/support/ticket';
import { sizeOf, TEAMS_ACTIVITY_BUDGET_BYTES } from '../../src/views/message-size';
import { buttonsOf, textOf, type Card } from '../helpers/cards';
import { testConfig } from '../helpers/test-bot';

const { supportCards, cards } = loadKnowledge(testConfig());
const fr = strings('fr').support;

function ticket(description: string): Ticket {
  return {
    id: 'MS-ABC234',
    queue: 'microsoft-support',
    topic: null,
    language: 'fr',
    user: { id: 'u', name: 'Camille' },
    description,
    conversation: {},
    transcript: [],
    createdAt: new Date(0).toISOString(),
    status: 'open',
    history: [{ at: new Date(0).toISOString(), status: 'open' }],
  };
}

describe('cardActivity', () => {
  it('when a card fits, then the activity carries it unchanged as an Adaptive Card', () => {
    const menu = cards.menu('en', 'menu');
    const activity = cardActivity(menu);
    expect(activity.type).toBe('message');
    expect(activity.attachments).toEqual([{ contentType: 'application/vnd.microsoft.card.adaptive', content: menu }]);
  });

  it('when a ticket card is too large, then the whole activity fits the budget and the card keeps its id, status and buttons', () => {
    const card = supportCards.ticket(ticket('é'.repeat(40_000)), 'fr', { viewer: 'agent' });
    expect(sizeOf(card)).toBeGreaterThan(TEAMS_ACTIVITY_BUDGET_BYTES);
    const activity = cardActivity(card);
    expect(sizeOf(activity)).toBeLessThanOrEqual(TEAMS_ACTIVITY_BUDGET_BYTES);
    const sent = activity.attachments![0].content as Card;
    expect(textOf(sent)).toContain(fr.ticketCardTitle('MS-ABC234'));
    expect(textOf(sent)).toContain(fr.statusNames.open);
    expect(textOf(sent)).toMatch(/é{200,}…/);
    expect(buttonsOf(sent).map((b) => [b.verb, b.data.ticketId])).toEqual([
      ['ticket.assign', 'MS-ABC234'],
      ['ticket.reply', 'MS-ABC234'],
      ['ticket.resolve', 'MS-ABC234'],
    ]);
  });
});

describe('invokeResponse', () => {
  it('when given a text, then Teams gets it as the message shown by the clicked card', () => {
    expect(invokeResponse('Trop de messages')).toEqual({
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Trop de messages' },
    });
  });

  it('when given a card too large for Teams, then the card that replaces the clicked one is fitted, response included', () => {
    const response = invokeResponse(supportCards.ticket(ticket('x'.repeat(60_000)), 'fr'));
    expect(response.status).toBe(200);
    expect(response.body?.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(sizeOf(response)).toBeLessThanOrEqual(TEAMS_ACTIVITY_BUDGET_BYTES);
    expect(textOf(response.body!.value as Card)).toContain(fr.ticketCardTitle('MS-ABC234'));
  });
});
