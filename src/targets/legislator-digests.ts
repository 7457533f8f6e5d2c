// Digests to legislators: when a petition with digests on is announced at a new milestone, each legislator it goes
// to (with an address in the directory, who has not stopped them) is emailed how many of their constituents signed
// since their last digest, how many in all and how many statewide, in the petition's language. Numbers only: the
// signers' names reach a legislator in the packet the organizer delivers, never by Firma's email. Each mail carries
// a link that stops this petition's digests for that legislator (one click, as RFC 8058 asks).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../platform/db/connect.js';
import { enqueueMail } from '../platform/outbox/outbox-store.js';
import type { TargetedPetition } from './quorum-links.js';
import { respondents } from './respond.js';
import {
  constituentsAfter,
  digestMarkers,
  markDigestMilestone,
  moveDigestMarker,
  petitionCount,
  petitionsDueDigests,
} from './response-options-store.js';

export interface DigestDeps {
  db: Db;
  now: () => Date;
  /** The petition as these emails need it (the petition directory gives it). */
  petitions: { byId(id: number): Promise<TargetedPetition | undefined> };
}

/** The token in a legislator's stop link: made from the server secret, the petition and the person. */
export function digestStopToken(secret: string, petitionId: number, personId: number): string {
  return createHmac('sha256', secret).update(`digest-stop:${petitionId}:${personId}`).digest('base64url');
}

export function isDigestStopToken(secret: string, petitionId: number, personId: number, token: string): boolean {
  const expected = Buffer.from(digestStopToken(secret, petitionId, personId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function digestStopUrl(baseUrl: string, locale: string, slug: string, personId: number, token: string) {
  return `${baseUrl}/${locale}/p/${slug}/digests/${personId}/${token}/stop`;
}

/** Queues the digests every due petition needs; resolves with how many were queued. */
export async function queueLegislatorDigests(deps: DigestDeps): Promise<number> {
  let queued = 0;
  for (const due of await petitionsDueDigests(deps.db)) {
    const petition = await deps.petitions.byId(due.petitionId);
    if (petition === undefined) continue;
    const now = deps.now().toISOString();
    const markers = await digestMarkers(deps.db, petition.id);
    const statewide = await petitionCount(deps.db, petition.id);
    for (const person of await respondents(deps.db, petition.seatTargets, now.slice(0, 10))) {
      const marker = markers.get(person.id);
      if (person.email === null || marker?.stopped === true) continue;
      const fresh = await constituentsAfter(deps.db, petition.id, person, marker?.afterId ?? 0);
      if (fresh.count === 0) continue;
      const total = await constituentsAfter(deps.db, petition.id, person, 0);
      const email = person.email;
      await deps.db.transaction().execute(async (trx) => {
        await enqueueMail(trx, {
          kind: 'legislator_digest',
          petitionId: petition.id,
          signatureId: null,
          recipient: email,
          locale: petition.defaultLocale,
          payload: {
            personId: person.id,
            name: person.name,
            chamber: person.chamber,
            district: person.district,
            fresh: fresh.count,
            total: total.count,
            statewide,
            milestone: due.milestone,
          },
          dedupeKey: `digest:${petition.id}:${person.id}:${due.milestone}`,
          now,
        });
        await moveDigestMarker(trx, petition.id, person.id, fresh.lastId, now);
      });
      queued += 1;
    }
    await markDigestMilestone(deps.db, petition.id, due.previous, due.milestone);
  }
  return queued;
}
