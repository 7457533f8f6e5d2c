// A district boundary file, whatever its format: told apart by its content, not its name, since an upload's
// name is whatever the admin's browser says.
import type { DistrictRecord, ImportProblem, Parsed } from '../directory.js';
import { isRecord } from './district-geometry.js';
import { readGeoJsonDistricts } from './geojson-districts.js';
import { readShapefileDistricts } from './shapefile-districts.js';
import { isZip } from './shapefile-zip.js';
import { readTopoJsonDistricts } from './topojson-districts.js';

/**
 * The districts of a zipped shapefile (TIGER/Line), a GeoJSON FeatureCollection or a TopoJSON Topology,
 * each named by its `idProperty` (`SLDUST` for TIGER's upper chambers, `SLDLST` for the lower).
 */
export async function readBoundaries(bytes: Uint8Array, idProperty: string): Promise<Parsed<DistrictRecord>> {
  if (isZip(bytes)) return readShapefileDistricts(bytes, idProperty);
  const json = parseJson(bytes);
  if (!json.ok) return { ok: false, problems: [json.problem] };
  if (!isRecord(json.value)) return notFeatureCollection();
  if (json.value['type'] === 'FeatureCollection') return readGeoJsonDistricts(json.value, idProperty);
  if (json.value['type'] === 'Topology') return readTopoJsonDistricts(json.value, idProperty);
  return notFeatureCollection();
}

type JsonRead = { ok: true; value: unknown } | { ok: false; problem: ImportProblem };

function parseJson(bytes: Uint8Array): JsonRead {
  const unreadable = (detail: string): JsonRead => ({
    ok: false,
    problem: { at: { file: true }, key: 'targets.problem.unreadable', values: { detail } },
  });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return unreadable('neither a zip nor JSON: the file is not UTF-8 text');
  }
  // JSON.parse's message quotes the start of the text: noise for a binary file, so only JSON-looking
  // text gets it.
  if (!/^\s*[[{]/.test(text)) return unreadable('neither a zip nor JSON');
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return unreadable(`not JSON (${error instanceof Error ? error.message.slice(0, 200) : String(error)})`);
  }
}

function notFeatureCollection(): Parsed<DistrictRecord> {
  return { ok: false, problems: [{ at: { file: true }, key: 'targets.problem.notFeatureCollection' }] };
}
