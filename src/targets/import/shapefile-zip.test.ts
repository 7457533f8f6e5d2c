import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_UNZIPPED_BYTES, unzipShapefile } from './shapefile-zip.js';

const SHP = strToU8('shp bytes');
const DBF = strToU8('dbf bytes');

/** The zip with an entry's uncompressed size in the central directory changed, as a zip bomb's would be. */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  for (let offset = 0; offset < bytes.length - 46; offset += 1) {
    if (view.getUint32(offset, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(offset + 28, true);
    const entry = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    if (entry === name) view.setUint32(offset + 24, size, true);
  }
  return bytes;
}

describe('unzipShapefile', () => {
  it('finds the parts in a folder, in any case, passing over a Mac’s ._ copies and other files', () => {
    const zip = zipSync({
      '__MACOSX/tl_2023_09_sldl/._tl_2023_09_sldl.shp': strToU8('resource fork'),
      'tl_2023_09_sldl/tl_2023_09_sldl.SHP': SHP,
      'tl_2023_09_sldl/tl_2023_09_sldl.dbf': DBF,
      'tl_2023_09_sldl/tl_2023_09_sldl.cpg': strToU8('UTF-8'),
      'tl_2023_09_sldl/tl_2023_09_sldl.shx': strToU8('index'),
      'tl_2023_09_sldl/tl_2023_09_sldl.shp.ea.iso.xml': strToU8('<xml/>'),
    });
    expect(unzipShapefile(zip)).toEqual({ ok: true, parts: { shp: SHP, dbf: DBF, cpg: strToU8('UTF-8') } });
  });

  it('takes the .dbf beside the .shp, not another layer’s', () => {
    const other = strToU8('other dbf');
    const zip = zipSync({
      'a/roads.dbf': other,
      'b/sldu.shp': SHP,
      'b/sldu.dbf': DBF,
      'b/sldu.prj': strToU8('GEOGCS'),
    });
    expect(unzipShapefile(zip)).toEqual({ ok: true, parts: { shp: SHP, dbf: DBF, prj: strToU8('GEOGCS') } });
  });

  it.each([
    ['a .shp without its .dbf', { 'sldu.shp': SHP, 'roads.dbf': DBF }],
    ['no shapefile at all', { 'readme.txt': strToU8('hello') }],
    ['nothing', {}],
  ])('refuses %s as lacking parts', (_name, files) => {
    expect(unzipShapefile(zipSync(files))).toEqual({
      ok: false,
      problems: [{ at: { file: true }, key: 'targets.problem.shapefileParts' }],
    });
  });

  it(`refuses parts declaring more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB together, before inflating`, () => {
    const zip = zipSync({ 'sldu.shp': SHP, 'sldu.dbf': DBF, 'sldu.xml': strToU8('<xml/>') });
    const half = MAX_UNZIPPED_BYTES / 2 + 1;
    const bomb = declareSize(declareSize(zip, 'sldu.shp', half), 'sldu.dbf', half);
    expect(unzipShapefile(bomb)).toEqual({
      ok: false,
      problems: [
        {
          at: { file: true },
          key: 'targets.problem.unreadable',
          values: { detail: "the zip's shapefile parts unzip to more than 500 MB" },
        },
      ],
    });
    // An entry the reader does not need is never inflated, so its size does not count.
    expect(unzipShapefile(declareSize(zip, 'sldu.xml', 2 * MAX_UNZIPPED_BYTES)).ok).toBe(true);
  });

  it('calls a truncated zip unreadable', () => {
    const zip = zipSync({ 'sldu.shp': SHP, 'sldu.dbf': DBF });
    const unzipped = unzipShapefile(zip.subarray(0, zip.length - 30));
    expect(!unzipped.ok && unzipped.problems[0]?.key).toBe('targets.problem.unreadable');
  });
});
