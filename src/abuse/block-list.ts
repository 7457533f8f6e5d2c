// Who may not sign: disposable email domains, and the domains, addresses and networks admins blocked
// (read from the database at most every BLOCKS_TTL_MS, so the signing path never waits on it).
import type { Db } from '../platform/db/connect.js';
import { normalizeEmail } from '../platform/normalize-email.js';
import { listBlocks } from './block-store.js';
import { cidrContains, parseAddress, parseCidr, type Cidr } from './cidr.js';
import { disposableDomains, domainAndParents } from './disposable-domains.js';

/** How stale another process's view of a changed block list may be. */
export const BLOCKS_TTL_MS = 2000;

export type BlockVerdict = { blocked: false } | { blocked: true; kind: 'disposable' | 'domain' | 'email' | 'cidr' };

export interface BlockSnapshot {
  domains: Set<string>;
  emails: Set<string>;
  networks: Cidr[];
}

export interface BlockList {
  check(email: string, clientAddress: string): Promise<BlockVerdict>;
  /** Forget the cached copy (after this process changed the list). */
  invalidate(): void;
}

/** The domain of an email as typed, lower-cased ('' when there is none). */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0
    ? ''
    : email
        .slice(at + 1)
        .trim()
        .toLowerCase()
        .replace(/\.$/, '');
}

export async function readBlockSnapshot(db: Db): Promise<BlockSnapshot> {
  const snapshot: BlockSnapshot = { domains: new Set(), emails: new Set(), networks: [] };
  for (const entry of await listBlocks(db)) {
    if (entry.kind === 'domain') snapshot.domains.add(entry.value);
    else if (entry.kind === 'email') snapshot.emails.add(entry.value);
    else {
      const cidr = parseCidr(entry.value);
      if (cidr !== undefined) snapshot.networks.push(cidr);
    }
  }
  return snapshot;
}

export function checkAgainst(snapshot: BlockSnapshot, email: string, clientAddress: string): BlockVerdict {
  if (snapshot.networks.length > 0) {
    const address = parseAddress(clientAddress);
    if (address !== undefined && snapshot.networks.some((range) => cidrContains(range, address)))
      return { blocked: true, kind: 'cidr' };
  }
  if (snapshot.emails.size > 0 && snapshot.emails.has(normalizeEmail(email))) return { blocked: true, kind: 'email' };
  const domain = emailDomain(email);
  if (snapshot.domains.size > 0 && domainAndParents(domain).some((d) => snapshot.domains.has(d)))
    return { blocked: true, kind: 'domain' };
  if (isDisposable(domain)) return { blocked: true, kind: 'disposable' };
  return { blocked: false };
}

// The verdicts on recent domains: a crowd signs from a few hundred domains, so the 120,000-entry list is
// searched once per domain, not once per signer. The list never changes while the process runs.
const recentVerdicts = new Map<string, boolean>();
const MAX_REMEMBERED = 4096;

function isDisposable(domain: string): boolean {
  const known = recentVerdicts.get(domain);
  if (known !== undefined) return known;
  const disposable = disposableDomains();
  const verdict = domainAndParents(domain).some((d) => disposable.has(d));
  if (recentVerdicts.size >= MAX_REMEMBERED) recentVerdicts.clear();
  recentVerdicts.set(domain, verdict);
  return verdict;
}

export function createBlockList(db: Db, now: () => number): BlockList {
  let cached: { at: number; value: Promise<BlockSnapshot> } | undefined;
  const current = () => {
    const time = now();
    if (cached === undefined || time - cached.at >= BLOCKS_TTL_MS) {
      const value = readBlockSnapshot(db);
      cached = { at: time, value };
      // A failed read is not kept: the next signer tries again.
      value.catch(() => {
        cached = undefined;
      });
    }
    return cached.value;
  };
  return {
    async check(email, clientAddress) {
      return checkAgainst(await current(), email, clientAddress);
    },
    invalidate() {
      cached = undefined;
    },
  };
}
