// SAMPLE data for the demo petition to the Connecticut General Assembly: 36 Senate (upper) and 151 House (lower)
// districts, a person in each seat and a ZIP crosswalk, all generated, none real. The districts are shapes over
// the state's bounding box, the people are "Sample Senator 5" at sen5@sample.invalid (a domain that can never
// receive mail), and every draw is seeded: the same data on every install, in every test.
import { CHAMBERS, type Chamber, type DistrictRecord, type PersonRecord, type ZipShareRecord } from '../directory.js';
import { buildDistrictIndex } from '../district-index.js';
import { seededRandom } from './seeded-random.js';
import { connecticutZipCodes } from '../../platform/zip-towns.js';
import { OPEN_STATES_PEOPLE_COLUMNS } from '../import/open-states-csv.js';
import { jaggedTiling, type Box, type Tiling, type TilingPlan } from './sample-tiling.js';

/** Connecticut's bounding box, which the sample districts of each chamber cover. */
export const CONNECTICUT_BOX: Box = { west: -73.73, south: 40.98, east: -71.79, north: 42.05 };
/** The water south of the box (Long Island Sound) where a few districts have an island. */
const SOUND: Box = { west: -73.73, south: 40.9, east: -71.79, north: 40.98 };

/** 7 × 5 cells and an enclave make 36 Senate districts; 15 × 10 and an enclave, 151 House districts. */
const PLANS: Record<Chamber, Omit<TilingPlan, 'verticesPerDistrict'>> = {
  upper: {
    seed: 'firma-sample-ct-upper',
    box: CONNECTICUT_BOX,
    columns: 7,
    rows: 5,
    enclaveCell: 2 * 7 + 3,
    islandColumns: [1, 4],
    water: SOUND,
  },
  lower: {
    seed: 'firma-sample-ct-lower',
    box: CONNECTICUT_BOX,
    columns: 15,
    rows: 10,
    enclaveCell: 4 * 15 + 6,
    islandColumns: [2, 7, 11],
    water: SOUND,
  },
};

export const SAMPLE_SEATS: Record<Chamber, number> = { upper: 36, lower: 151 };

export interface SampleDistrictOptions {
  /** Positions in each district's ring, about: 60 by default (a small demo); real boundary files have thousands. */
  verticesPerDistrict?: number;
}

function sampleTiling(chamber: Chamber, options: SampleDistrictOptions = {}): Tiling {
  return jaggedTiling({ ...PLANS[chamber], verticesPerDistrict: options.verticesPerDistrict ?? 60 });
}

/** The chamber's sample districts, "1" to "36" (upper) or "1" to "151" (lower), in that order. */
export function sampleDistricts(chamber: Chamber, options?: SampleDistrictOptions): DistrictRecord[] {
  return sampleTiling(chamber, options).districts;
}

/** One sample person in every seat, the Senate's first. */
export function samplePeople(): PersonRecord[] {
  return CHAMBERS.flatMap((chamber) =>
    range(1, SAMPLE_SEATS[chamber]).map((seat): PersonRecord => {
      const random = seededRandom(`firma-sample-ct-person:${chamber}:${seat}`);
      const [title, mailbox] = chamber === 'upper' ? ['Senator', 'sen'] : ['Representative', 'rep'];
      return {
        sourceId: `ocd-person/sample-ct-${chamber}-${seat}`,
        name: `Sample ${title} ${seat}`,
        // Open States' words for the parties, in about the Assembly's proportions.
        party: random() < 0.6 ? 'Democratic' : 'Republican',
        chamber,
        district: String(seat),
        email: `${mailbox}${seat}@sample.invalid`,
        // 555-0100 to 555-0199 are set aside for fiction.
        phone: '860-555-0100',
        districtPhone: null,
        address: null,
        imageUrl: null,
        links: [],
      };
    }),
  );
}

const ZIP_COUNT = 48;
// Two ZIP codes the tests and the demo use, placed near the cities they belong to (any other point would do).
const PLACED_ZIPS = new Map<string, [number, number]>([
  ['06106', [-72.7, 41.77]], // Hartford: split in the House, whole in the Senate
  ['06511', [-72.93, 41.31]], // New Haven: whole in both chambers
]);
// A ZIP's point stays this far (in degrees, about a kilometre) from the borders around it, so it keeps its
// districts whatever the detail the districts are generated with.
const CLEARANCE = 0.01;
const AROUND: [number, number][] = [
  [0, 0],
  [CLEARANCE, 0],
  [-CLEARANCE, 0],
  [0, CLEARANCE],
  [0, -CLEARANCE],
];
const SPLIT_SHARES: [number, number][] = [
  [0.6, 0.4],
  [0.75, 0.25],
  [0.55, 0.45],
];

interface SampleZip {
  zip: string;
  point: [number, number];
  shares: ZipShareRecord[];
}

/**
 * The sample ZIP codes (Connecticut's that Firma knows the towns of, and more from 06001 to 06928) in order, each at a point in the box and wholly in
 * the district of each chamber around that point, or, for a few, split between it and a neighbour.
 */
function sampleZips(): SampleZip[] {
  const tilings = { upper: sampleTiling('upper'), lower: sampleTiling('lower') };
  const indexes = {
    upper: buildDistrictIndex(tilings.upper.districts),
    lower: buildDistrictIndex(tilings.lower.districts),
  };
  const clearDistrict = (chamber: Chamber, [lon, lat]: [number, number]) => {
    const found = AROUND.map(([dx, dy]) => indexes[chamber].districtAt(lon + dx, lat + dy));
    return found.every((district) => district === found[0]) ? found[0] : undefined;
  };
  const pick = seededRandom('firma-sample-ct-zip-codes');
  // Every ZIP code the demo's signers come from (zip-towns.ts), so that each of them is matched to a district.
  const codes = new Set([...PLACED_ZIPS.keys(), ...connecticutZipCodes().map(([zip]) => zip)]);
  while (codes.size < ZIP_COUNT) codes.add(`06${String(1 + Math.floor(pick() * 928)).padStart(3, '0')}`);
  const place = seededRandom('firma-sample-ct-zip-points');
  const { west, south, east, north } = CONNECTICUT_BOX;
  const drawPoint = (): [number, number] => [west + (east - west) * place(), south + (north - south) * place()];

  return [...codes].sort().map((zip, n) => {
    const placed = PLACED_ZIPS.get(zip);
    let point = placed ?? drawPoint();
    while (placed === undefined && CHAMBERS.some((chamber) => clearDistrict(chamber, point) === undefined))
      point = drawPoint();
    const splits: Record<Chamber, [number, number] | undefined> = {
      upper: placed === undefined && n % 11 === 6 ? SPLIT_SHARES[n % 3] : undefined,
      lower:
        zip === '06106' ? [0.6, 0.4] : placed === undefined && n % 8 === 3 ? SPLIT_SHARES[(n >> 3) % 3] : undefined,
    };
    const shares = CHAMBERS.flatMap((chamber): ZipShareRecord[] => {
      const district = clearDistrict(chamber, point);
      if (district === undefined) throw new Error(`sample ZIP ${zip} is too close to a ${chamber} border`);
      const split = splits[chamber];
      if (split === undefined) return [{ zip, chamber, district, share: 1 }];
      return [
        { zip, chamber, district, share: split[0] },
        { zip, chamber, district: tilings[chamber].neighbourOf(district), share: split[1] },
      ];
    });
    return { zip, point, shares };
  });
}

/**
 * The sample ZIP-to-district crosswalk, by ZIP then chamber: 06106 is split between two districts of the House
 * (0.6 and 0.4) and whole in one of the Senate, 06511 whole in both.
 */
export function sampleZipCrosswalk(): ZipShareRecord[] {
  return sampleZips().flatMap((sample) => sample.shares);
}

/** A [longitude, latitude] inside the sample ZIP's first (largest) district in each chamber, for geocoding. */
export function sampleZipPoint(zip: string): [number, number] | undefined {
  return sampleZips().find((sample) => sample.zip === zip)?.point;
}

/** The sample people as an Open States people CSV (the columns of its bulk download, in its order). */
export function sampleOpenStatesCsv(): string {
  const header: string[] = [...OPEN_STATES_PEOPLE_COLUMNS];
  const rows = samplePeople().map((person) => {
    const cells: Record<string, string | null> = {
      id: person.sourceId,
      name: person.name,
      current_party: person.party,
      current_district: person.district,
      current_chamber: person.chamber,
      given_name: 'Sample',
      family_name: person.name.replace(/^Sample /, ''),
      email: person.email,
      image: person.imageUrl,
      links: person.links.join(';'),
      capitol_address: person.address,
      capitol_voice: person.phone,
      district_voice: person.districtPhone,
    };
    return header.map((column) => csvField(cells[column] ?? ''));
  });
  return csvText([header, ...rows]);
}

/**
 * The chamber's sample districts as a Census TIGER/Line-like GeoJSON file: SLDUST or SLDLST as three digits
 * ("005"), NAMELSAD "State Senate District 5", and a last feature "ZZZ" for the water, as TIGER has.
 */
export function sampleDistrictsGeoJson(chamber: Chamber, options?: SampleDistrictOptions): string {
  const tiling = sampleTiling(chamber, options);
  const [idProperty, body] = chamber === 'upper' ? ['SLDUST', 'State Senate'] : ['SLDLST', 'State House'];
  const feature = (code: string, name: string, geometry: DistrictRecord['geometry']) => ({
    type: 'Feature',
    properties: { STATEFP: '09', [idProperty]: code, GEOID: `09${code}`, NAMELSAD: name },
    geometry,
  });
  return JSON.stringify({
    type: 'FeatureCollection',
    name: `SAMPLE ${body} districts generated by Firma (not real boundaries)`,
    features: [
      ...tiling.districts.map(({ district, geometry }) =>
        feature(district.padStart(3, '0'), `${body} District ${district}`, geometry),
      ),
      feature('ZZZ', `${body} Districts not defined`, tiling.water),
    ],
  });
}

/** The sample crosswalk as CSV: zip,chamber,district,share. */
export function sampleCrosswalkCsv(): string {
  const rows = sampleZipCrosswalk().map((row) => [row.zip, row.chamber, row.district, String(row.share)]);
  return csvText([['zip', 'chamber', 'district', 'share'], ...rows]);
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvText(rows: string[][]): string {
  return rows.map((row) => `${row.join(',')}\n`).join('');
}

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
