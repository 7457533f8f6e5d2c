// Districts from a zipped shapefile, such as the Census Bureau's TIGER/Line state legislative districts
// (tl_2023_09_sldu.zip: NAD 83 longitude and latitude, SLDUST holding "005").
import { open } from 'shapefile';
import type { DistrictRecord, Parsed } from '../directory.js';
import { checkDistrictFeatures } from './district-features.js';
import { unzipShapefile } from './shapefile-zip.js';

/** What a dBase file's text is in when no .cpg says (the shapefile library's default, ArcGIS's too). */
const DEFAULT_ENCODING = 'windows-1252';

export async function readShapefileDistricts(zip: Uint8Array, idProperty: string): Promise<Parsed<DistrictRecord>> {
  const unzipped = unzipShapefile(zip);
  if (!unzipped.ok) return unzipped;
  const { shp, dbf, prj, cpg } = unzipped.parts;
  const projection = prj === undefined ? undefined : projectedName(new TextDecoder().decode(prj));
  if (projection !== undefined) {
    // Every position would be refused too; the projection says why in one line.
    return {
      ok: false,
      problems: [{ at: { file: true }, key: 'targets.problem.projection', values: { name: projection } }],
    };
  }
  const check = checkDistrictFeatures(idProperty);
  try {
    const source = await open(shp, dbf, { encoding: dbfEncoding(cpg) });
    while (!check.full()) {
      const next = await source.read();
      if (next.done) break;
      check.add(next.value.properties, next.value.geometry);
    }
  } catch (error) {
    // The library throws on a damaged file (an unknown shape type, a record past the end); nothing is kept.
    const detail = `the shapefile cannot be read (${error instanceof Error ? error.message : String(error)})`;
    return { ok: false, problems: [{ at: { file: true }, key: 'targets.problem.unreadable', values: { detail } }] };
  }
  return check.finish();
}

/**
 * The name of the projected system a .prj declares (WKT 1 `PROJCS["NAD_1983_StatePlane_Connecticut_FIPS_0600_Feet",
 * ...]` or WKT 2 `PROJCRS[...]`), or undefined for a geographic one (`GEOGCS`, as TIGER/Line ships) or
 * text that is neither (the positions are checked anyway).
 */
export function projectedName(wkt: string): string | undefined {
  const match = /^\s*(?:PROJCS|PROJCRS|PROJECTEDCRS)\s*\[\s*"([^"]*)"/i.exec(wkt);
  return match === null ? undefined : (match[1] ?? '').slice(0, 200);
}

/**
 * The encoding a .cpg names: a label ("UTF-8"), a Windows code page ("1252", "ANSI 1252", "65001") or an
 * ISO 8859 part ("88591", "ISO 8859-1"). One the decoder does not know falls back to the default.
 */
export function dbfEncoding(cpg: Uint8Array | undefined): string {
  const text = cpg === undefined ? '' : new TextDecoder('latin1').decode(cpg).trim();
  const codePage = /^(?:ansi|cp|windows)?[\s_-]*(\d+)$/i.exec(text)?.[1];
  const iso = /^(?:iso)?[\s_-]*8859[\s_-]*(\d+)$/i.exec(text)?.[1];
  const label =
    iso !== undefined
      ? `iso-8859-${iso}`
      : codePage === '65001'
        ? 'utf-8'
        : codePage !== undefined
          ? `windows-${codePage}`
          : text.toLowerCase();
  return isKnownEncoding(label) ? label : DEFAULT_ENCODING;
}

function isKnownEncoding(label: string): boolean {
  if (label === '') return false;
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}
