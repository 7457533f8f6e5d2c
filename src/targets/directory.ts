// The directory of decision-makers: bodies (a state legislature), their chambers, districts and the people who
// hold each seat, as the importers read them from Open States, the Census and HUD files.
import type { MultiPolygon, Polygon } from 'geojson';

/** Open States' names for a legislature's two chambers: the Senate is `upper`, the House `lower`. */
export const CHAMBERS = ['upper', 'lower'] as const;
export type Chamber = (typeof CHAMBERS)[number];

export function isChamber(value: string): value is Chamber {
  return (CHAMBERS as readonly string[]).includes(value);
}

/** One person of an Open States people CSV, checked. */
export interface PersonRecord {
  /** Open States' id (`ocd-person/…`): re-imports update people by it. */
  sourceId: string;
  name: string;
  party: string;
  chamber: Chamber;
  /** Normalised (districtId): "005" is "5". */
  district: string;
  email: string | null;
  /** capitol_voice. */
  phone: string | null;
  /** district_voice. */
  districtPhone: string | null;
  /** capitol_address. */
  address: string | null;
  /** image. */
  imageUrl: string | null;
  /** links, split on ';'. */
  links: string[];
}

/** One district of a boundary file, checked: WGS 84 longitude/latitude, rings closed. */
export interface DistrictRecord {
  /** Normalised (districtId). */
  district: string;
  geometry: Polygon | MultiPolygon;
}

/** One row of a ZIP-to-district crosswalk: the share of the ZIP's addresses in the district. */
export interface ZipShareRecord {
  zip: string;
  chamber: Chamber;
  district: string;
  share: number;
}

/** Where in a file a problem is: a CSV line (1 = the header) or a feature (1 = the first). */
export type ProblemPlace = { line: number } | { feature: number } | { file: true };

/**
 * A problem with an imported file, as a message key and its values: the admin page shows it in the reader's
 * language, the command in English.
 */
export interface ImportProblem {
  at: ProblemPlace;
  key: ImportProblemKey;
  values?: Record<string, string | number>;
}

export const IMPORT_PROBLEM_KEYS = [
  // any file
  'targets.problem.unreadable', // {detail}: not a CSV / not JSON / not a zip, with the parser's words
  'targets.problem.empty', // the file holds no rows or features
  'targets.problem.missingColumn', // {column}
  'targets.problem.required', // {column}: empty where a value is needed
  'targets.problem.chamber', // {value}: not upper or lower
  'targets.problem.district', // {value}: not a district id
  // people
  'targets.problem.duplicatePerson', // {id, line}: the same Open States id on an earlier line
  'targets.problem.email', // {value}
  'targets.problem.url', // {value}
  // boundaries
  'targets.problem.notFeatureCollection', // the JSON is not a GeoJSON FeatureCollection nor a TopoJSON Topology
  'targets.problem.geometryType', // {type}: not Polygon or MultiPolygon
  'targets.problem.idProperty', // {property}: the feature lacks it
  'targets.problem.coordinates', // a position that is not a WGS 84 longitude and latitude
  'targets.problem.ring', // a ring with fewer than four positions, or not closed
  'targets.problem.duplicateDistrict', // {district, feature}: the same district in an earlier feature
  'targets.problem.shapefileParts', // the zip lacks a .shp or .dbf
  'targets.problem.projection', // {name}: the .prj is not a geographic (longitude/latitude) system
  // crosswalk
  'targets.problem.zip', // {value}: not a five-digit ZIP
  'targets.problem.share', // {value}: not a number from 0 to 1
  'targets.problem.sharesSum', // {zip, chamber, sum}: a ZIP's shares in one chamber add up to more than 1
  // {zip, district, line}: the same ZIP, chamber and district on an earlier line
  'targets.problem.duplicateZipDistrict',
] as const;
export type ImportProblemKey = (typeof IMPORT_PROBLEM_KEYS)[number];

/** What an importer read: every record, or every problem (and then nothing is imported). */
export type Parsed<T> = { ok: true; records: T[]; skipped: number } | { ok: false; problems: ImportProblem[] };
