// What routes and jobs are given: built once in app.ts from a Config.
import type { Logger } from 'pino';
import type { Config } from './platform/config.js';
import type { Db, Engine } from './platform/db/connect.js';
import type { DatabaseHealth } from './platform/db/health.js';
import type { PetitionDirectory } from './petitions/petition-directory.js';
import type { AddressHasher } from './signing/address-hash.js';
import type { SettingsReader } from './settings/instance-settings.js';
import type { AbuseDefences } from './abuse/abuse-defences.js';
import type { SignatureWriter } from './signing/signature-writer.js';
import type { CachedBody } from './platform/http/cached-response.js';
import type { RateLimiter } from './platform/http/rate-limiter.js';
import type { AuthenticatedKey } from './api-keys/manage-api-keys.js';
import type { TtlCache } from './platform/http/ttl-cache.js';
import type { EventBus } from './platform/events.js';
import type { FirmaEvents } from './reactions.js';
import type { Metrics } from './platform/metrics/metrics.js';
import type { SigningMetrics } from './signing/signing-metrics.js';
import type { DistrictIndexCache } from './targets/offices-for.js';
import type { SignerMatcher } from './targets/match-signer.js';
import type { SeatBook } from './targets/recipients.js';

export interface Deps {
  config: Config;
  db: Db;
  engine: Engine;
  /** Whether the database can serve: failures noted, the outage logged once a minute, /readyz answered. */
  database: DatabaseHealth;
  logger: Logger;
  /** Cross-feature reactions, wired in src/reactions.ts. */
  events: EventBus<FirmaEvents>;
  now: () => Date;
  random: () => number;
  /** Keys address hashes and signer link tokens (FIRMA_SECRET, or one kept in the data directory). */
  secret: string;
  hashAddress: AddressHasher;
  petitions: PetitionDirectory;
  /** Rendered public pages and JSON, shared by every anonymous reader for a second. */
  responses: TtlCache<CachedBody>;
  /** Rate limits (shared by every process on PostgreSQL), block lists and the proof-of-work switches of the signing path. */
  abuse: AbuseDefences;
  /** Sign-in links asked for per address per hour: over it, no more mail is sent (the page says the same). */
  signInAddressLimiter: RateLimiter;
  /** Sign-in links asked for per client address per hour: over it, 429. */
  signInClientLimiter: RateLimiter;
  /** API keys checked in the last seconds (manage-api-keys.ts). */
  apiKeys: TtlCache<AuthenticatedKey | null>;
  /** Group commit of the signing path: signatures arriving together share one transaction. */
  signatures: SignatureWriter;
  /** What GET /metrics reports: requests, jobs, mail, the outbox, the pool and the process. */
  metrics: Metrics;
  /** Signatures taken and refused, and confirmations, for /metrics. */
  signingMetrics: SigningMetrics;
  /** The built district indexes of the directory's newest boundary sets (shared by every request). */
  districtIndexes: DistrictIndexCache;
  /** The directory's seats per body and day, kept a minute (thank-you pages, emails). */
  seatBook: SeatBook;
  /** Finds each signer's district of every chamber a petition targets. */
  signerMatcher: SignerMatcher;
  /** The settings admins change at run time (moderation mode, limits, proof of work, retention). */
  settings: SettingsReader;
}
