// The trending report's judgement: which groups of the last hour look like a burst, petition by petition.
import type { GroupCount } from './trending-store.js';

/** A group is a burst with more than this many signatures in the hour… */
export const BURST_COUNT = 20;
/** …or with more than this share of its petition's hour, once it has at least BURST_SHARE_MIN. */
export const BURST_SHARE = 0.5;
export const BURST_SHARE_MIN = 10;

export type BurstReason = 'count' | 'share';

export interface TrendingGroup {
  key: string;
  count: number;
  share: number;
  first: string;
  last: string;
  /** Why it is flagged, or null. */
  burst: BurstReason | null;
}

export interface PetitionTrend {
  petitionId: number;
  total: number;
  networks: TrendingGroup[];
  domains: TrendingGroup[];
}

export function burstReason(count: number, total: number): BurstReason | null {
  if (count > BURST_COUNT) return 'count';
  if (count >= BURST_SHARE_MIN && count / total > BURST_SHARE) return 'share';
  return null;
}

function groupsOf(petitionId: number, total: number, groups: GroupCount[], perPetition: number): TrendingGroup[] {
  return groups
    .filter((g) => g.petitionId === petitionId)
    .slice(0, perPetition)
    .map((g) => ({
      key: g.key,
      count: g.count,
      share: total === 0 ? 0 : g.count / total,
      first: g.first,
      last: g.last,
      burst: burstReason(g.count, total),
    }));
}

/** Petitions with a burst first, then by their hour's signatures. */
export function trendsByPetition(
  totals: Map<number, number>,
  networks: GroupCount[],
  domains: GroupCount[],
  perPetition: number,
): PetitionTrend[] {
  const trends = [...totals].map(([petitionId, total]) => ({
    petitionId,
    total,
    networks: groupsOf(petitionId, total, networks, perPetition),
    domains: groupsOf(petitionId, total, domains, perPetition),
  }));
  const bursting = (p: PetitionTrend) => [...p.networks, ...p.domains].some((g) => g.burst !== null);
  return trends.sort(
    (a, b) => Number(bursting(b)) - Number(bursting(a)) || b.total - a.total || a.petitionId - b.petitionId,
  );
}
