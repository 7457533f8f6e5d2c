// The thank-you page's second step for a signer whose ZIP is split between districts (or unknown): their street
// address (geocoded, then forgotten) or the district they say is theirs decides it. A new signature's stored
// districts change; a repeat signer gets the same answer on the page and nothing of theirs is written.
import type { Db } from '../platform/db/connect.js';
import type { Petition } from '../petitions/petition.js';
import type { DistrictMatch, SignerMatcher } from '../targets/match-signer.js';
import type { DistrictTicket } from './district-ticket.js';
import { flushSignatureDistricts, packDistricts, unpackDistricts } from '../targets/signature-districts.js';

export interface SettleDeps {
  db: Db;
  now: () => Date;
  signerMatcher: SignerMatcher;
}

export interface SettleRequest {
  petition: Petition;
  ticket: DistrictTicket;
  /** Typed on the thank-you page; used only to find the districts. */
  street: string;
  /** The district the signer chose per chamber key (`${bodyId}/${chamber}`), among the ZIP's districts. */
  choices: ReadonlyMap<string, string>;
}

export const choiceKey = (m: Pick<DistrictMatch, 'bodyId' | 'chamber'>) => `${m.bodyId}/${m.chamber}`;

/** The ticket's matches, decided further where the address or the signer's choice can; stored for a new signature. */
export async function settleDistrict(deps: SettleDeps, request: SettleRequest): Promise<DistrictMatch[]> {
  const { ticket, petition } = request;
  const open = ticket.matches.filter((m) => m.method === 'split' || m.method === 'unknown');
  const byAddress =
    request.street.trim() === '' || open.length === 0
      ? open
      : await deps.signerMatcher.match(open, {
          postalCode: ticket.postalCode,
          country: petition.country,
          street: request.street,
        });
  const decided = new Map(byAddress.map((m) => [choiceKey(m), m]));
  const matches = ticket.matches.map((m): DistrictMatch => {
    const found = decided.get(choiceKey(m));
    if (found === undefined) return m;
    if (found.method === 'address') return found;
    const chosen = request.choices.get(choiceKey(m));
    if (chosen !== undefined && m.candidates.includes(chosen))
      return { ...m, method: 'signer', district: chosen, candidates: [] };
    return m;
  });
  const changed = matches.filter((m, i) => m !== ticket.matches[i]);
  if (ticket.signatureId !== null && changed.length > 0) await storeSettled(deps, ticket.signatureId, changed);
  return matches;
}

async function storeSettled(deps: SettleDeps, signatureId: number, changed: DistrictMatch[]): Promise<void> {
  const now = deps.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    // The signature's rows exist from here (SQLite writes them after the signature).
    await flushSignatureDistricts(trx);
    const stored = await trx
      .selectFrom('signatures')
      .select('districts')
      .where('id', '=', signatureId)
      .executeTakeFirst();
    // What the signature carries follows its rows: the chambers still open take what was settled.
    if (stored !== undefined && stored.districts !== null) {
      const settled = new Map(changed.map((m) => [choiceKey(m), m]));
      const next = unpackDistricts(stored.districts).map((m) =>
        m.method === 'split' || m.method === 'unknown' ? (settled.get(choiceKey(m)) ?? m) : m,
      );
      await trx
        .updateTable('signatures')
        .set({ districts: packDistricts(next) })
        .where('id', '=', signatureId)
        .execute();
    }
    for (const m of changed)
      await trx
        .updateTable('signature_districts')
        .set({ method: m.method, district: m.district, candidates: null, updated_at: now })
        .where('signature_id', '=', signatureId)
        .where('body_id', '=', m.bodyId)
        .where('chamber', '=', m.chamber)
        // Only what the crosswalk could not decide: a ZIP's own district is never overwritten from a form.
        .where('method', 'in', ['split', 'unknown'])
        .execute();
  });
}
