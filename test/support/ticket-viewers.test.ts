import { MAX_REFRESH_USERS, refreshUserIds, viewerOf } from '../../src/support/ticket-viewers';
import type { TicketPerson } from '../../src/support/ticket';

const ticket = {
  user: { id: '29:requester', channelId: 'msteams' },
  conversation: {},
  assignee: { id: '29:assignee' },
  history: [
    { at: '2026-01-01T00:00:00Z', status: 'assigned' as const, by: { id: '29:assignee' } },
    { at: '2026-01-01T00:00:00Z', status: 'open' as const, by: { id: '29:helper' } },
  ],
};
const isAgent = (p: TicketPerson) => p.id === '29:agent';

describe('who sees which ticket card', () => {
  it.each([
    ['a listed agent', { id: '29:agent', channelId: 'msteams' }, 'agent'],
    ['the requester', { id: '29:requester', channelId: 'msteams' }, 'requester'],
    ["the requester's id from another channel", { id: '29:requester', channelId: 'webchat' }, 'other'],
    ['anyone else', { id: '29:someone', channelId: 'msteams' }, 'other'],
  ] as const)('when %s asks, then they get the %s view', (_who, person, expected) => {
    expect(viewerOf(ticket, person, isAgent)).toBe(expected);
  });

  it('when the card lists who refreshes it, then requester, assignee and actors come first, without Entra ids or repeats', () => {
    const ids = refreshUserIds(ticket, ['29:agent', '0f8fad5b-d9cb-469f-a165-70867728950e', '29:assignee']);
    expect(ids).toEqual(['29:requester', '29:assignee', '29:helper', '29:agent']);
  });

  it('when the support lists are longer than Teams allows, then the list stops at 60 and keeps the requester', () => {
    const many = Array.from({ length: 200 }, (_, i) => `29:agent-${i}`);
    const ids = refreshUserIds(ticket, many);
    expect(ids).toHaveLength(MAX_REFRESH_USERS);
    expect(MAX_REFRESH_USERS).toBe(60);
    expect(ids[0]).toBe('29:requester');
  });
});
