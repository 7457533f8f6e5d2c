// Response links sent by themselves: for each open petition with a quorum, each legislator whose district has at
// least that many confirmed signatures is emailed the response link (in the petition's language), once: the link's
// row records the count it was sent at, and a unique index keeps a second one out even with several workers.
import type { Db } from '../platform/db/connect.js';
import type { Chamber } from './directory.js';
import { respondents, sendResponseLink } from './respond.js';
import { districtSignatureCounts, petitionsWithQuorum, quorumLinkHolders } from './response-options-store.js';

/** A petition to each signer's legislators, as far as this needs it. */
export interface TargetedPetition {
  id: number;
  slug: string;
  defaultLocale: string;
  seatTargets: readonly { bodyId: number; chamber: Chamber }[];
}

export interface QuorumDeps {
  db: Db;
  secret: string;
  now: () => Date;
  /** The petition as these emails need it (the petition directory gives it). */
  petitions: { byId(id: number): Promise<TargetedPetition | undefined> };
}

/** Sends every response link a quorum asks for; resolves with how many were sent. */
export async function sendQuorumLinks(deps: QuorumDeps): Promise<number> {
  let sent = 0;
  for (const { petitionId, quorum } of await petitionsWithQuorum(deps.db)) {
    const reached = (await districtSignatureCounts(deps.db, petitionId)).filter((d) => d.count >= quorum);
    if (reached.length === 0) continue;
    const petition = await deps.petitions.byId(petitionId);
    if (petition === undefined || petition.seatTargets.length === 0) continue;
    const already = await quorumLinkHolders(deps.db, petitionId);
    const day = deps.now().toISOString().slice(0, 10);
    for (const person of await respondents(deps.db, petition.seatTargets, day)) {
      if (person.email === null || already.has(person.id)) continue;
      const district = reached.find(
        (d) => d.bodyId === person.bodyId && d.chamber === person.chamber && d.district === person.district,
      );
      if (district === undefined) continue;
      const result = await sendResponseLink(deps, {
        petitionId,
        seats: petition.seatTargets,
        personId: person.id,
        actorId: null,
        locale: petition.defaultLocale,
        quorum: district.count,
      });
      if (result === 'sent') sent += 1;
    }
  }
  return sent;
}
