// Districts from a TopoJSON Topology: every object's polygons, turned back into GeoJSON by topojson-client.
import { feature } from 'topojson-client';
import type { DistrictRecord, Parsed } from '../directory.js';
import { checkDistrictFeatures } from './district-features.js';
import { isRecord } from './district-geometry.js';

/**
 * Arcs are shared, so a small topology can name one long arc millions of times; converting it would fill
 * the memory. Real state legislative districts, even at TIGER/Line's full detail, stay far below this.
 */
export const MAX_TOPOLOGY_POSITIONS = 10_000_000;

// topojson-client's own types, named through it rather than through its types' dependency.
type Topology = Parameters<typeof feature>[0];
type GeometryObject = Exclude<Parameters<typeof feature>[1], string>;

export function readTopoJsonDistricts(topology: Record<string, unknown>, idProperty: string): Parsed<DistrictRecord> {
  const objects = topology['objects'];
  const arcs = topology['arcs'];
  if (!isRecord(objects) || !Array.isArray(arcs)) {
    return { ok: false, problems: [{ at: { file: true }, key: 'targets.problem.notFeatureCollection' }] };
  }
  const members = Object.values(objects).flatMap(membersOf);
  let positions = 0;
  for (const member of members) {
    const count = isPolygonal(member) ? countPositions(member, arcs) : 0;
    if (count === undefined) return unreadable('a polygon names an arc the topology does not have');
    positions += count;
    if (positions > MAX_TOPOLOGY_POSITIONS) {
      return unreadable(`the topology's polygons have more than ${MAX_TOPOLOGY_POSITIONS} positions`);
    }
  }
  // Cast because only the polygons' arcs are checked above: a broken transform or arc point turns into NaN
  // positions, which the geometry checks refuse, or throws below.
  const checkedTopology = topology as unknown as Topology;
  const check = checkDistrictFeatures(idProperty);
  try {
    for (const member of members) {
      if (check.full()) break;
      if (!isPolygonal(member)) {
        // Only polygons are converted: a line may name arcs as many times as a polygon could.
        check.add(
          isRecord(member) ? member['properties'] : undefined,
          isRecord(member) ? { type: member['type'] } : null,
        );
        continue;
      }
      // Cast as for the topology: a Polygon or MultiPolygon whose arcs were checked.
      const converted = feature(checkedTopology, member as unknown as GeometryObject);
      check.add(member['properties'], converted.type === 'Feature' ? converted.geometry : null);
    }
  } catch (error) {
    return unreadable(`the topology cannot be read (${String(error)})`);
  }
  return check.finish();
}

/** An object is a feature, or a GeometryCollection of features (a nested collection is one, refused). */
function membersOf(object: unknown): unknown[] {
  if (!isRecord(object) || object['type'] !== 'GeometryCollection') return [object];
  const geometries: unknown = object['geometries'];
  return Array.isArray(geometries) ? geometries : [object];
}

function isPolygonal(member: unknown): member is Record<string, unknown> {
  return isRecord(member) && (member['type'] === 'Polygon' || member['type'] === 'MultiPolygon');
}

/** How many positions the member's rings will have, or undefined when its arcs are not the topology's. */
function countPositions(member: Record<string, unknown>, arcs: unknown[]): number | undefined {
  const polygons = member['type'] === 'Polygon' ? [member['arcs']] : listOf(member['arcs']);
  if (polygons === undefined) return undefined;
  let count = 0;
  for (const polygon of polygons) {
    const rings = listOf(polygon);
    if (rings === undefined) return undefined;
    for (const ring of rings) {
      const indexes = listOf(ring);
      if (indexes === undefined) return undefined;
      for (const index of indexes) {
        // A negative index ~i names arc i walked backwards.
        const arc =
          typeof index === 'number' && Number.isInteger(index) ? arcs[index >= 0 ? index : ~index] : undefined;
        if (!Array.isArray(arc)) return undefined;
        count += arc.length;
      }
    }
  }
  return count;
}

function listOf(value: unknown): readonly unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

function unreadable(detail: string): Parsed<DistrictRecord> {
  return { ok: false, problems: [{ at: { file: true }, key: 'targets.problem.unreadable', values: { detail } }] };
}
