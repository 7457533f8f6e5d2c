// How a page names a petition's district targets: "each signer's own senator and representative in the Connecticut
// General Assembly", once per body, with whether the body is Firma's sample data.
import type { SeatTarget } from '../../petitions/petition.js';
import type { Translator } from '../../platform/i18n/translator.js';

export interface SeatTargetLine {
  text: string;
  sample: boolean;
}

export function seatTargetLines(t: Translator, seats: readonly SeatTarget[]): SeatTargetLine[] {
  const bodies = new Map<number, SeatTarget[]>();
  for (const seat of seats) bodies.set(seat.bodyId, [...(bodies.get(seat.bodyId) ?? []), seat]);
  return [...bodies.values()].flatMap((chambers) => {
    const [first] = chambers;
    if (first === undefined) return [];
    const body = first.bodyNames[t.locale] ?? Object.values(first.bodyNames)[0] ?? first.bodySlug;
    const key =
      chambers.length > 1
        ? 'petition.seats.both'
        : first.chamber === 'upper'
          ? 'petition.seats.upper'
          : 'petition.seats.lower';
    return [{ text: t.t(key, { body }), sample: first.sample }];
  });
}

/** Whether the sign form asks for a street address: the petition goes to each signer's own legislators and a
 * geocoder can place an address. */
export function asksForStreet(seats: readonly SeatTarget[], geocodes: boolean): boolean {
  return seats.length > 0 && geocodes;
}
