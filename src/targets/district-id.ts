// District ids as the sources write them, made comparable: Open States writes "5", TIGER/Line "005", and both
// mean the same seat. TIGER's "ZZZ" is water that belongs to no district.
import type { Chamber } from './directory.js';

/** The code TIGER/Line gives to area (water) outside every district. */
export const NO_DISTRICT = 'ZZZ';

/**
 * The district id to store and compare: numbers lose their leading zeros ("005" → "5"), names are trimmed
 * with their inner spaces collapsed ("1st  Middlesex" → "1st Middlesex"); undefined for TIGER's water, or
 * when nothing is left.
 */
export function districtId(raw: string): string | undefined {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text === '' || text.toUpperCase() === NO_DISTRICT) return undefined;
  // A control character (a NUL, which PostgreSQL refuses) names no district.
  if (/\p{Cc}/u.test(text)) return undefined;
  if (/^\d+$/.test(text)) return String(Number.parseInt(text, 10));
  return text;
}

/** Open Civic Data's division type for a state legislature's chamber. */
const OCD_CHAMBER: Record<Chamber, string> = { upper: 'sldu', lower: 'sldl' };

/**
 * The district's Open Civic Data division id, e.g. `ocd-division/country:us/state:ct/sldu:5`. OCD ids are
 * lower case, with spaces as underscores and no characters outside letters, digits and `_.~-`.
 */
export function ocdDivisionId(state: string, chamber: Chamber, district: string): string {
  const part = (text: string) =>
    text
      .toLowerCase()
      .replace(/\s+/g, '_')
      .replace(/[^a-z0-9_.~-]/g, '');
  return `ocd-division/country:us/state:${part(state)}/${OCD_CHAMBER[chamber]}:${part(district)}`;
}

/** The order of district ids: numbers as numbers ("9" before "10"), then names in code-unit order. */
export function compareDistrictIds(a: string, b: string): number {
  const aNumber = /^\d+$/.test(a);
  const bNumber = /^\d+$/.test(b);
  if (aNumber !== bNumber) return aNumber ? -1 : 1;
  if (aNumber) {
    const difference = Number(a) - Number(b);
    if (difference !== 0) return difference;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
