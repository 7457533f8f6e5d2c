// Distinct signers for the signing benchmarks: every request a new email and a new client address.
// Keeps the tally the benchmarks check the public count against.

export const SIGN_PATH = '/en/p/ct-trust-act/sign';

/**
 * 10.x.y.z from a counter: 16.7 million distinct addresses before one repeats, the low bits first so
 * that consecutive signers come from different /24 networks (one signer per network per 65,536), as in
 * a crowd arriving from a shared link — not a burst from one network, which the abuse defences slow down.
 */
export function addressFor(n) {
  return `10.${n & 255}.${(n >>> 8) & 255}.${(n >>> 16) & 255}`;
}

/** Connecticut ZIP codes the signers come from in turn: wholly in one district, split (06106), and the rest. */
const ZIPS = [
  '06106',
  '06511',
  '06001',
  '06010',
  '06103',
  '06230',
  '06320',
  '06401',
  '06450',
  '06604',
  '06810',
  '06902',
];

export function signBody(n, tag) {
  const zip = ZIPS[n % ZIPS.length];
  return `name=Bench+Signer+${n}&email=${tag}-${n}%40bench.example&postal_code=${zip}&comment=&name_display=full&website=`;
}

export function signHeaders(baseUrl, n) {
  return {
    'Content-Type': 'application/x-www-form-urlencoded',
    Origin: baseUrl,
    'Sec-Fetch-Site': 'same-origin',
    'X-Forwarded-For': addressFor(n),
  };
}

/**
 * The tally of one benchmark process. `built` counts every signing request built (an upper bound
 * on those sent, hence on those the server can have committed); `accepted` every 303 to /thanks,
 * `already` every 303 to /thanks?already=1 (a repeated email: must stay 0 here).
 */
export function createTally() {
  return { next: 0, built: 0, accepted: 0, already: 0, other: new Map() };
}

export function recordSignResponse(tally, status, location) {
  if (status === 303 && typeof location === 'string' && location.includes('/thanks')) {
    if (location.includes('already=1')) tally.already += 1;
    else tally.accepted += 1;
    return;
  }
  tally.other.set(status, (tally.other.get(status) ?? 0) + 1);
}
