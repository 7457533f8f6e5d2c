// One delivery packet per legislator: for a petition to each signer's own legislators, a packet for every district
// with signatures (its cover addressed to whoever holds the seat, in each of the petition's languages: "N of your
// constituents in District 12 signed", with the total), a packet per chamber of the signers no district could be
// given to, and a summary of every legislator's count. Written one packet at a time: memory stays at one packet.
import type { Db } from '../platform/db/connect.js';
import { translator } from '../platform/i18n/translator.js';
import { petitionUrl, type Petition } from '../petitions/petition.js';
import { countByDistrict } from '../targets/district-counts.js';
import {
  renderDeliveryPacket,
  renderPerTargetSummary,
  type PacketOptions,
  type PerTargetLine,
} from './delivery-packet.js';
import type { ExportFilters } from './export-filters.js';
import { signaturePages, summarizeSignatures } from './export-store.js';

export interface PerTargetDeps {
  db: Db;
  baseUrl: string;
  now: () => Date;
}

export interface PerTargetPacket {
  /** The file's name: `senate-district-5.pdf`, `house-unassigned.pdf`, `summary.pdf`. */
  name: string;
  signatures: number;
}

const CHAMBER_FILE = { upper: 'senate', lower: 'house' } as const;

/** A district id as part of a file name (Open States ids may hold spaces and punctuation: "Chittenden-1"). */
function fileSafe(district: string): string {
  return district.replace(/[^A-Za-z0-9-]+/g, '_').slice(0, 40);
}

/**
 * Writes every packet through `open(name)` (a file, or an entry of an archive) and says when each is done. A
 * petition without district targets has none: the caller says so.
 */
export async function writePerTargetPackets(
  deps: PerTargetDeps,
  petition: Petition,
  filters: ExportFilters,
  options: PacketOptions,
  open: (name: string) => NodeJS.WritableStream,
  /** After each packet (undefined: none was needed, no signatures), with how many of how many are done. */
  onPacket: (packet: PerTargetPacket | undefined, done: number, total: number) => void = () => undefined,
): Promise<PerTargetPacket[]> {
  const now = deps.now();
  const day = now.toISOString().slice(0, 10);
  const t = translator(petition.defaultLocale);
  const tallies = await countByDistrict(deps.db, petition.id, petition.seatTargets, day);
  const statewide = (await summarizeSignatures(deps.db, petition.id, filters)).total;
  const bodies = new Set(tallies.map((tally) => tally.bodyId)).size;
  const url = petitionUrl(deps.baseUrl, petition.defaultLocale, petition.slug);

  // Every packet to write: the districts with signatures (all of them when pending ones are included), then the
  // chamber's unassigned signers.
  const jobs = tallies.flatMap((tally) => {
    const seat = petition.seatTargets.find((s) => s.bodyId === tally.bodyId && s.chamber === tally.chamber);
    const prefix = `${bodies > 1 ? `${tally.bodySlug}-` : ''}${CHAMBER_FILE[tally.chamber]}`;
    const districts = tally.districts
      .filter((d) => d.count > 0 || filters.status === 'all')
      .map((d) => ({
        tally,
        seat,
        district: d.district as string | null,
        holders: d.holders.map((h) => h.name),
        name: `${prefix}-district-${fileSafe(d.district)}.pdf`,
      }));
    return [...districts, { tally, seat, district: null, holders: [], name: `${prefix}-unassigned.pdf` }];
  });

  const written: PerTargetPacket[] = [];
  const counts = new Map<string, number>();
  for (const [index, job] of jobs.entries()) {
    const packetFilters: ExportFilters = {
      ...filters,
      seat: { bodyId: job.tally.bodyId, chamber: job.tally.chamber, district: job.district },
    };
    const summary = await summarizeSignatures(deps.db, petition.id, packetFilters);
    counts.set(`${job.tally.bodyId}/${job.tally.chamber}/${job.district ?? ''}`, summary.total);
    if (summary.total === 0) {
      onPacket(undefined, index + 1, jobs.length);
      continue;
    }
    await renderDeliveryPacket(
      {
        petition,
        summary,
        filters: packetFilters,
        petitionUrl: url,
        now,
        addressee: {
          chamber: job.tally.chamber,
          district: job.district,
          holders: job.holders,
          bodyNames: job.seat?.bodyNames ?? {},
          statewide,
          sample: job.tally.sample,
        },
        signatures: () => signaturePages(deps.db, petition.id, packetFilters),
        comments: () => signaturePages(deps.db, petition.id, packetFilters, { withCommentOnly: true }),
      },
      options,
      open(job.name),
    );
    written.push({ name: job.name, signatures: summary.total });
    onPacket({ name: job.name, signatures: summary.total }, index + 1, jobs.length);
  }

  const lines: PerTargetLine[] = tallies.flatMap((tally) => {
    const seat = petition.seatTargets.find((s) => s.bodyId === tally.bodyId);
    const body = seat?.bodyNames[petition.defaultLocale] ?? Object.values(seat?.bodyNames ?? {})[0] ?? tally.bodySlug;
    const chamber = t.t('dashboard.districts.chamber', { chamber: t.t(`targets.chamber.${tally.chamber}`), body });
    const key = (district: string | null) => `${tally.bodyId}/${tally.chamber}/${district ?? ''}`;
    return [
      ...tally.districts.map((d) => ({
        chamber,
        district: d.district,
        legislator: d.holders.length === 0 ? t.t('dashboard.districts.vacant') : t.list(d.holders.map((h) => h.name)),
        count: counts.get(key(d.district)) ?? (filters.status === 'all' ? 0 : d.count),
      })),
      { chamber, district: null, legislator: '', count: counts.get(key(null)) ?? 0 },
    ];
  });
  await renderPerTargetSummary(
    { petition, now, title: t.t('packet.perTarget.title'), lines, sample: tallies.some((x) => x.sample) },
    options,
    open('summary.pdf'),
  );
  written.push({ name: 'summary.pdf', signatures: statewide });
  return written;
}
