// The checks every boundary format shares, fed one feature at a time (a shapefile is read record by
// record): the district id from the chosen property, the geometry, and one feature per district.
import type { DistrictRecord, Parsed } from '../directory.js';
import { districtId } from '../district-id.js';
import { checkDistrictGeometry, isRecord } from './district-geometry.js';
import { problemList } from './problem-list.js';

export interface DistrictFeatureCheck {
  /** Checks the next feature (numbered from 1 in the order added) and keeps it when it is good. */
  add(properties: unknown, geometry: unknown): void;
  /** True once MAX_PROBLEMS problems are found: a reader stops feeding features. */
  full(): boolean;
  finish(): Parsed<DistrictRecord>;
}

/**
 * Reads each feature's district from `idProperty` (TIGER/Line's `SLDUST`, `SLDLST`...). TIGER's water
 * (`ZZZ`) is skipped and counted, its geometry unchecked; a file with no district left is `empty`.
 */
export function checkDistrictFeatures(idProperty: string): DistrictFeatureCheck {
  const problems = problemList();
  const records: DistrictRecord[] = [];
  const featureOf = new Map<string, number>();
  let count = 0;
  let skipped = 0;
  return {
    add(properties, geometry) {
      count += 1;
      const at = { feature: count };
      const raw = idValue(properties, idProperty);
      if (raw === undefined) problems.add(at, 'targets.problem.idProperty', { property: idProperty });
      const district = raw === undefined ? undefined : districtId(raw);
      if (raw !== undefined && district === undefined) {
        skipped += 1;
        return;
      }
      const checked = checkDistrictGeometry(geometry);
      if (!checked.ok) for (const problem of checked.problems) problems.add(at, problem.key, problem.values);
      if (district === undefined) return;
      const first = featureOf.get(district);
      if (first !== undefined) {
        problems.add(at, 'targets.problem.duplicateDistrict', { district, feature: first });
        return;
      }
      featureOf.set(district, count);
      if (checked.ok) records.push({ district, geometry: checked.geometry });
    },
    full: () => problems.full(),
    finish() {
      if (problems.problems.length > 0) return { ok: false, problems: problems.problems };
      if (records.length === 0) return { ok: false, problems: [{ at: { file: true }, key: 'targets.problem.empty' }] };
      return { ok: true, records, skipped };
    },
  };
}

/** The property's value as text, or undefined when it is absent, empty or not a string or number. */
function idValue(properties: unknown, property: string): string | undefined {
  if (!isRecord(properties) || !Object.hasOwn(properties, property)) return undefined;
  const value = properties[property];
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
  return text === '' ? undefined : text;
}
