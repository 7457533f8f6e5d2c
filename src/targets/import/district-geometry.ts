// A district's shape as a boundary file gives it, checked and copied: a Polygon or MultiPolygon of closed
// rings of WGS 84 [longitude, latitude] positions. The walk has a fixed depth, whatever the file nests.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { ImportProblem } from '../directory.js';

export type GeometryProblem = Pick<ImportProblem, 'key' | 'values'>;

type Shape = Polygon | MultiPolygon;

export type GeometryCheck = { ok: true; geometry: Shape } | { ok: false; problems: GeometryProblem[] };

/** What went wrong in one geometry: each kind is reported once, however many positions or rings have it. */
interface Faults {
  coordinates: boolean;
  ring: boolean;
}

/**
 * The geometry with only its longitude and latitude kept (an altitude is dropped), or its problems:
 * `geometryType`, `coordinates` (a position outside longitude -180…180 and latitude -90…90, which is also
 * how a projected file in metres or feet shows), `ring` (fewer than four positions, not closed, or none).
 */
export function checkDistrictGeometry(geometry: unknown): GeometryCheck {
  if (!isRecord(geometry)) {
    const type = describeType(geometry);
    return { ok: false, problems: [{ key: 'targets.problem.geometryType', values: { type } }] };
  }
  const faults: Faults = { coordinates: false, ring: false };
  let checked: Shape;
  if (geometry['type'] === 'Polygon') {
    checked = { type: 'Polygon', coordinates: readPolygon(geometry['coordinates'], faults) };
  } else if (geometry['type'] === 'MultiPolygon') {
    const polygons = geometry['coordinates'];
    if (!Array.isArray(polygons) || polygons.length === 0) faults.ring = true;
    const parts = Array.isArray(polygons) ? polygons : [];
    checked = { type: 'MultiPolygon', coordinates: parts.map((polygon: unknown) => readPolygon(polygon, faults)) };
  } else {
    const type = describeType(geometry['type']);
    return { ok: false, problems: [{ key: 'targets.problem.geometryType', values: { type } }] };
  }
  const problems: GeometryProblem[] = [];
  if (faults.coordinates) problems.push({ key: 'targets.problem.coordinates' });
  if (faults.ring) problems.push({ key: 'targets.problem.ring' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, geometry: checked };
}

function readPolygon(rings: unknown, faults: Faults): Position[][] {
  if (!Array.isArray(rings)) {
    faults.coordinates = true;
    return [];
  }
  if (rings.length === 0) faults.ring = true;
  return rings.map((ring: unknown) => readRing(ring, faults));
}

function readRing(positions: unknown, faults: Faults): Position[] {
  if (!Array.isArray(positions)) {
    faults.coordinates = true;
    return [];
  }
  const ring: Position[] = [];
  for (const position of positions) {
    const lon: unknown = Array.isArray(position) ? position[0] : undefined;
    const lat: unknown = Array.isArray(position) ? position[1] : undefined;
    if (isDegrees(lon, 180) && isDegrees(lat, 90)) ring.push([lon, lat]);
  }
  // A ring with a bad position is reported for that alone: its shape means nothing.
  if (ring.length < positions.length) {
    faults.coordinates = true;
    return ring;
  }
  const first = ring[0];
  const last = ring.at(-1);
  const closed = first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
  if (ring.length < 4 || !closed) faults.ring = true;
  return ring;
}

function isDegrees(value: unknown, limit: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= -limit && value <= limit;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A geometry's type for a problem message: short, whatever a hostile file puts there. */
function describeType(type: unknown): string {
  if (typeof type === 'string') return type.slice(0, 40);
  if (type === null || type === undefined) return 'null';
  return Array.isArray(type) ? 'array' : typeof type;
}
