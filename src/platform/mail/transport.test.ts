import { describe, expect, it } from 'vitest';
import { describeFailure, withoutAddresses } from './transport.js';

describe('a mail failure as it is kept', () => {
  it.each([
    [
      '550 5.1.1 <rosa.martinez@example.org>: Recipient address rejected',
      '550 5.1.1 <…@example.org>: Recipient address rejected',
    ],
    ['RCPT TO:rosa+firma@gmail.com failed', 'RCPT TO:…@gmail.com failed'],
    [
      'user "ana@mail.example.co.uk" unknown; try bob@example.net',
      'user "…@mail.example.co.uk" unknown; try …@example.net',
    ],
    ['connect ECONNREFUSED 127.0.0.1:2525', 'connect ECONNREFUSED 127.0.0.1:2525'],
  ])('%j keeps only the domain of any address', (text, kept) => {
    expect(withoutAddresses(text)).toBe(kept);
  });

  it('includes the server reply nodemailer attaches, without the address', () => {
    const err = Object.assign(new Error("Can't send mail - all recipients were rejected"), {
      response: '550 5.1.1 <nadie@example.org>: User unknown',
    });
    expect(describeFailure(err)).toBe(
      "Can't send mail - all recipients were rejected (550 5.1.1 <…@example.org>: User unknown)",
    );
  });
});
