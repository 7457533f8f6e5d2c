import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TICKET_LENGTH, openTicket, sealTicket } from './sealed-ticket.js';

const SECRET = 'unit-secret-unit-secret-unit-secret-0123';
const NOW = new Date('2026-12-05T12:00:00Z');
const LATER = new Date('2026-12-05T13:00:00Z');

describe('sealed tickets', () => {
  it('open to what was sealed, for the same purpose, until they expire', () => {
    const ticket = sealTicket(SECRET, 'district', { p: 7, m: ['a', 1] }, LATER);
    expect(openTicket(SECRET, 'district', ticket, NOW)).toEqual({ p: 7, m: ['a', 1] });
    expect(openTicket(SECRET, 'other', ticket, NOW)).toBeUndefined();
    expect(openTicket(`${SECRET}x`, 'district', ticket, NOW)).toBeUndefined();
    expect(openTicket(SECRET, 'district', ticket, new Date(LATER.getTime() + 1000))).toBeUndefined();
  });

  it('cannot be read: nothing sealed shows in the ticket', () => {
    const ticket = sealTicket(SECRET, 'district', { district: 'district-one-two-three' }, LATER);
    expect(Buffer.from(ticket, 'base64url').toString('latin1')).not.toContain('district-one');
  });

  it('any change to any byte is refused', () => {
    const ticket = sealTicket(SECRET, 'district', { p: 1 }, LATER);
    const bytes = Buffer.from(ticket, 'base64url');
    for (let i = 0; i < bytes.length; i++) {
      const altered = Buffer.from(bytes);
      altered[i] = (altered[i] ?? 0) ^ 1;
      expect(openTicket(SECRET, 'district', altered.toString('base64url'), NOW)).toBeUndefined();
    }
  });

  it('answers any input, however long or strange, with undefined and no exception', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), (input) => {
        expect(openTicket(SECRET, 'district', input, NOW)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
    expect(openTicket(SECRET, 'district', 'A'.repeat(MAX_TICKET_LENGTH), NOW)).toBeUndefined();
    // Refused by its length before any decoding.
    expect(openTicket(SECRET, 'district', 'A'.repeat(10_000_000), NOW)).toBeUndefined();
  });
});
