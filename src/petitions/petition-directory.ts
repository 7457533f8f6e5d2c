// Petitions as the web process reads them: looked up once, then shared for a moment by every request.
import type { Db } from '../platform/db/connect.js';
import { createTtlCache } from '../platform/http/ttl-cache.js';
import type { Petition } from './petition.js';
import { findPetitionById, findPetitionBySlug, listOpenPetitions } from './petition-store.js';

export interface PetitionDirectory {
  bySlug(slug: string): Promise<Petition | undefined>;
  byId(id: number): Promise<Petition | undefined>;
  open(): Promise<Petition[]>;
  /** Forget what was read, after a petition changed. */
  forget(): void;
}

/** The caches a change the public can see must clear: the petition directory and the rendered pages. */
export interface PublicCaches {
  petitions: { forget(): void };
  responses: { clear(): void };
}

/**
 * After a change the public can see: no reader of this process is served the petition as it was (other
 * processes follow within their caches' second).
 */
export function forgetPublicPages(deps: PublicCaches): void {
  deps.petitions.forget();
  deps.responses.clear();
}

export function createPetitionDirectory(db: Db, ttlMs: number, now: () => number): PetitionDirectory {
  const bySlug = createTtlCache<Petition | undefined>(ttlMs, now);
  const byId = createTtlCache<Petition | undefined>(ttlMs, now);
  const open = createTtlCache<Petition[]>(ttlMs, now);
  return {
    // No slug holds a NUL, and PostgreSQL text cannot: asking would fail the query (a 500) instead of a 404.
    bySlug: (slug) =>
      slug.includes('\u0000') ? Promise.resolve(undefined) : bySlug.get(slug, () => findPetitionBySlug(db, slug)),
    byId: (id) => byId.get(String(id), () => findPetitionById(db, id)),
    open: () => open.get('open', () => listOpenPetitions(db)),
    forget() {
      bySlug.clear();
      byId.clear();
      open.clear();
    },
  };
}
