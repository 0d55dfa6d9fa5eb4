import { newTicketId, TICKET_ID_ALPHABET, TICKET_ID_PATTERN } from '../../src/support/ticket-id';

describe('ticket ids', () => {
  it('when ids are drawn, then they carry the queue prefix and six characters from Crockford base32, never I, L, O or U', () => {
    expect(TICKET_ID_ALPHABET).toHaveLength(32);
    expect(TICKET_ID_ALPHABET).not.toMatch(/[ILOU]/);
    expect(newTicketId('certification-support')).toMatch(/^CS-[0-9A-Z]{6}$/);
    expect(newTicketId('microsoft-support')).toMatch(/^MS-[0-9A-Z]{6}$/);
    for (let i = 0; i < 1000; i++) expect(newTicketId('certification-support')).toMatch(TICKET_ID_PATTERN);
  });

  it('when 10,000 ids are drawn, then every character of the alphabet comes up about equally often', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) for (const c of newTicketId('certification-support').slice(3)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect([...counts.keys()].sort().join('')).toBe(TICKET_ID_ALPHABET);
    // 1,875 expected per character; ±30% is more than ten standard deviations.
    for (const n of counts.values()) expect(Math.abs(n - 1875)).toBeLessThan(560);
  });
});
