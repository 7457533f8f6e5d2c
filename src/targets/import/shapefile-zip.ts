// The parts of a zipped shapefile (the Census ships TIGER/Line as tl_2023_09_sldu.zip holding
// tl_2023_09_sldu.shp, .dbf, .prj, .cpg, .shx and metadata), taken out of the zip with care: an admin's
// upload, but still a file from elsewhere.
import { unzipSync } from 'fflate';
import type { ImportProblem } from '../directory.js';

/** The most the wanted parts of one zip may inflate to, as their entries declare it. */
export const MAX_UNZIPPED_BYTES = 500 * 1024 * 1024;
/** More entries than any real shapefile zip has; a forged directory could claim billions. */
export const MAX_ZIP_ENTRIES = 10_000;

export interface ShapefileParts {
  shp: Uint8Array;
  dbf: Uint8Array;
  prj?: Uint8Array;
  cpg?: Uint8Array;
}

export type ShapefileUnzipped = { ok: true; parts: ShapefileParts } | { ok: false; problems: ImportProblem[] };

const WANTED = new Set(['shp', 'dbf', 'prj', 'cpg']);

/** A zip starts with a local file header, or is an empty archive's end record. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && bytes[3] === bytes[2] + 1;
}

/**
 * The first shapefile in the zip (in any folder) with the parts beside it of the same name. Only those
 * kinds of entry are inflated, and only when their declared sizes stay under MAX_UNZIPPED_BYTES together;
 * fflate never writes past an entry's declared size, so a size that lies truncates, it does not grow.
 */
export function unzipShapefile(zip: Uint8Array): ShapefileUnzipped {
  let entries = 0;
  let declared = 0;
  let refusal: string | undefined;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip, {
      filter(entry) {
        entries += 1;
        if (entries > MAX_ZIP_ENTRIES) refusal = `the zip has more than ${MAX_ZIP_ENTRIES} entries`;
        const wanted = partOf(entry.name) !== undefined;
        if (wanted) declared += entry.originalSize;
        if (declared > MAX_UNZIPPED_BYTES) refusal = `the zip's shapefile parts unzip to more than 500 MB`;
        // Thrown to stop fflate before it inflates anything more.
        if (refusal !== undefined) throw new Error(refusal);
        return wanted;
      },
    });
  } catch (error) {
    const detail = refusal ?? `the zip cannot be read (${error instanceof Error ? error.message : String(error)})`;
    return { ok: false, problems: [{ at: { file: true }, key: 'targets.problem.unreadable', values: { detail } }] };
  }
  const byBase = new Map<string, Partial<ShapefileParts>>();
  for (const [name, bytes] of Object.entries(files)) {
    const part = partOf(name);
    if (part === undefined) continue;
    const parts = byBase.get(part.base) ?? {};
    parts[part.extension] ??= bytes;
    byBase.set(part.base, parts);
  }
  const first = [...byBase.values()].find((parts) => parts.shp !== undefined);
  if (first?.shp === undefined || first.dbf === undefined) {
    return { ok: false, problems: [{ at: { file: true }, key: 'targets.problem.shapefileParts' }] };
  }
  return { ok: true, parts: { ...first, shp: first.shp, dbf: first.dbf } };
}

/** The entry's path without its extension and the part it is, for the parts read here. */
function partOf(name: string): { base: string; extension: keyof ShapefileParts } | undefined {
  const file = name.slice(name.lastIndexOf('/') + 1);
  // Zips made on a Mac carry a __MACOSX/ folder of ._ files beside the real ones.
  if (name.startsWith('__MACOSX/') || file.startsWith('._')) return undefined;
  const dot = name.lastIndexOf('.');
  const extension = name.slice(dot + 1).toLowerCase();
  if (dot <= name.lastIndexOf('/') || !isPart(extension)) return undefined;
  return { base: name.slice(0, dot).toLowerCase(), extension };
}

function isPart(extension: string): extension is keyof ShapefileParts {
  return WANTED.has(extension);
}
