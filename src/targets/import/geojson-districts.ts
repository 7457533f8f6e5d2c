// Districts from a GeoJSON FeatureCollection (RFC 7946), as mapshaper, ogr2ogr or QGIS export them.
import type { DistrictRecord, Parsed } from '../directory.js';
import { checkDistrictFeatures } from './district-features.js';
import { isRecord } from './district-geometry.js';

export function readGeoJsonDistricts(collection: Record<string, unknown>, idProperty: string): Parsed<DistrictRecord> {
  const features = collection['features'];
  if (!Array.isArray(features)) {
    return { ok: false, problems: [{ at: { file: true }, key: 'targets.problem.notFeatureCollection' }] };
  }
  const check = checkDistrictFeatures(idProperty);
  for (const feature of features) {
    if (check.full()) break;
    if (isRecord(feature)) check.add(feature['properties'], feature['geometry']);
    else check.add(undefined, undefined);
  }
  return check.finish();
}
