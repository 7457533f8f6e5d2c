import type { Position } from 'geojson';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBoundaries } from './boundaries.js';
import { dbfEncoding, projectedName } from './shapefile-districts.js';

// Shapefiles written here byte by byte (ESRI's shapefile technical description, and dBase III for the
// .dbf), so the tests need no file from elsewhere.

/** A polygon record's rings as the format wants them: outer rings clockwise, holes counter-clockwise. */
type Shape = Position[][] | null;

function shpBytes(shapes: Shape[]): Uint8Array {
  const contents = shapes.map(shapeContent);
  const size = 100 + contents.reduce((sum, content) => sum + 8 + content.length, 0);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  view.setInt32(0, 9994);
  view.setInt32(24, size / 2);
  view.setInt32(28, 1000, true);
  view.setInt32(32, 5, true);
  const xs = shapes.flatMap((shape) => (shape ?? []).flat().map(([x]) => x ?? 0));
  const ys = shapes.flatMap((shape) => (shape ?? []).flat().map(([, y]) => y ?? 0));
  [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((value, index) =>
    view.setFloat64(36 + index * 8, value, true),
  );
  let offset = 100;
  contents.forEach((content, index) => {
    view.setInt32(offset, index + 1);
    view.setInt32(offset + 4, content.length / 2);
    bytes.set(content, offset + 8);
    offset += 8 + content.length;
  });
  return bytes;
}

function shapeContent(shape: Shape): Uint8Array {
  if (shape === null) return new Uint8Array(4); // shape type 0: a null shape
  const points = shape.flat();
  const bytes = new Uint8Array(44 + 4 * shape.length + 16 * points.length);
  const view = new DataView(bytes.buffer);
  view.setInt32(0, 5, true);
  view.setInt32(36, shape.length, true);
  view.setInt32(40, points.length, true);
  let start = 0;
  shape.forEach((ring, index) => {
    view.setInt32(44 + 4 * index, start, true);
    start += ring.length;
  });
  points.forEach(([x, y], index) => {
    view.setFloat64(44 + 4 * shape.length + 16 * index, x ?? 0, true);
    view.setFloat64(44 + 4 * shape.length + 16 * index + 8, y ?? 0, true);
  });
  return bytes;
}

/** A dBase III table of text (C) fields, each value encoded by `encode` and padded with spaces. */
function dbfBytes(fields: [name: string, length: number][], rows: string[][], encode = strToU8): Uint8Array {
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((sum, [, length]) => sum + length, 0);
  const bytes = new Uint8Array(headerLength + rows.length * recordLength + 1);
  const view = new DataView(bytes.buffer);
  bytes.set([3, 123, 1, 1]);
  view.setUint32(4, rows.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  fields.forEach(([name, length], index) => {
    bytes.set(strToU8(name), 32 + 32 * index);
    bytes[32 + 32 * index + 11] = 'C'.charCodeAt(0);
    bytes[32 + 32 * index + 16] = length;
  });
  bytes[headerLength - 1] = 0x0d;
  rows.forEach((row, index) => {
    let offset = headerLength + index * recordLength;
    bytes.fill(0x20, offset, offset + recordLength);
    offset += 1;
    fields.forEach(([, length], field) => {
      bytes.set(encode(row[field] ?? '').subarray(0, length), offset);
      offset += length;
    });
  });
  bytes[bytes.length - 1] = 0x1a;
  return bytes;
}

/** A clockwise square (an outer ring) from its south-west corner; reversed, it is a hole. */
function square(west: number, south: number, side: number): Position[] {
  const [east, north] = [west + side, south + side];
  return [
    [west, south],
    [west, north],
    [east, north],
    [east, south],
    [west, south],
  ];
}

const NAD83 =
  'GEOGCS["GCS_North_American_1983",DATUM["D_North_American_1983",SPHEROID["GRS_1980",6378137,298.257222101]],' +
  'PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]]';
const STATE_PLANE =
  'PROJCS["NAD_1983_StatePlane_Connecticut_FIPS_0600_Feet",' +
  NAD83 +
  ',PROJECTION["Lambert_Conformal_Conic"],UNIT["Foot_US",0.3048006096012192]]';

// District 1: the mainland with a lake in it, and an island; district 2 a square; then TIGER's water.
const MAINLAND = square(-73, 41, 1);
const LAKE = square(-72.6, 41.4, 0.2).toReversed();
const ISLAND = square(-71.9, 41.1, 0.1);
const CT_SHAPES: Shape[] = [[MAINLAND, LAKE, ISLAND], [square(-72, 41, 0.5)], [square(-71.5, 41, 0.2)]];
const SLDU_FIELDS: [string, number][] = [
  ['STATEFP', 2],
  ['SLDUST', 3],
  ['NAMELSAD', 40],
];
const CT_ROWS = [
  ['09', '001', 'State Senate District 1'],
  ['09', '002', 'Distrito Añasco'],
  ['09', 'ZZZ', 'State Senate Districts not defined'],
];

/** A zip as the Census ships TIGER/Line: a folder of the shapefile's parts and metadata. */
function tigerZip(parts: Record<string, Uint8Array | string>, folder = 'tl_2023_09_sldu/'): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [extension, content] of Object.entries(parts)) {
    files[`${folder}tl_2023_09_sldu.${extension}`] = typeof content === 'string' ? strToU8(content) : content;
  }
  return zipSync(files);
}

const CT_PARTS = {
  shp: shpBytes(CT_SHAPES),
  dbf: dbfBytes(SLDU_FIELDS, CT_ROWS),
  prj: NAD83,
  cpg: 'UTF-8',
  shx: new Uint8Array(100),
  'shp.iso.xml': '<gmi:MI_Metadata/>',
};

describe('readBoundaries, zipped shapefiles', () => {
  it('reads a TIGER/Line zip: ids lose their zeros, water is skipped, a MultiPolygon keeps its hole', async () => {
    expect(await readBoundaries(tigerZip(CT_PARTS), 'SLDUST')).toEqual({
      ok: true,
      skipped: 1,
      records: [
        { district: '1', geometry: { type: 'MultiPolygon', coordinates: [[MAINLAND, LAKE], [ISLAND]] } },
        { district: '2', geometry: { type: 'Polygon', coordinates: [square(-72, 41, 0.5)] } },
      ],
    });
  });

  it("decodes the table's text as the .cpg says, Windows-1252 without one", async () => {
    const withCpg = await readBoundaries(tigerZip(CT_PARTS), 'NAMELSAD');
    expect(withCpg.ok && withCpg.records.map((record) => record.district)).toContain('Distrito Añasco');
    const { cpg: _cpg, ...withoutCpg } = CT_PARTS;
    const guessed = await readBoundaries(tigerZip(withoutCpg), 'NAMELSAD');
    expect(guessed.ok && guessed.records.map((record) => record.district)).toContain('Distrito AÃ±asco');
  });

  it('refuses a projected shapefile by its .prj, and catches one without a .prj by its positions', async () => {
    const feet: Shape[] = [[square(1_000_000, 600_000, 5_000)]];
    const parts = { shp: shpBytes(feet), dbf: dbfBytes(SLDU_FIELDS, [['09', '001', 'One']]) };
    expect(await readBoundaries(tigerZip({ ...parts, prj: STATE_PLANE }), 'SLDUST')).toEqual({
      ok: false,
      problems: [
        {
          at: { file: true },
          key: 'targets.problem.projection',
          values: { name: 'NAD_1983_StatePlane_Connecticut_FIPS_0600_Feet' },
        },
      ],
    });
    expect(await readBoundaries(tigerZip(parts), 'SLDUST')).toEqual({
      ok: false,
      problems: [{ at: { feature: 1 }, key: 'targets.problem.coordinates' }],
    });
  });

  it('reports features without a shape, without the id, or repeating a district', async () => {
    const parts = {
      shp: shpBytes([null, [square(-73, 41, 1)], [square(-72, 41, 1)], [square(-71, 41, 1)]]),
      dbf: dbfBytes(SLDU_FIELDS, [
        ['09', '001', 'One'],
        ['09', '', 'No id'],
        ['09', '003', 'Three'],
        ['09', '3', 'Three again'],
      ]),
    };
    expect(await readBoundaries(tigerZip(parts, ''), 'SLDUST')).toEqual({
      ok: false,
      problems: [
        { at: { feature: 1 }, key: 'targets.problem.geometryType', values: { type: 'null' } },
        { at: { feature: 2 }, key: 'targets.problem.idProperty', values: { property: 'SLDUST' } },
        { at: { feature: 4 }, key: 'targets.problem.duplicateDistrict', values: { district: '3', feature: 3 } },
      ],
    });
  });

  it('calls a damaged shapefile unreadable', async () => {
    const points = shpBytes(CT_SHAPES);
    new DataView(points.buffer).setInt32(32, 31, true); // shape type 31: MultiPatch, not a polygon
    const multipatch = await readBoundaries(tigerZip({ ...CT_PARTS, shp: points }), 'SLDUST');
    expect(!multipatch.ok && multipatch.problems[0]?.key).toBe('targets.problem.unreadable');
  });
});

describe('projectedName', () => {
  it('names a projected system and lets a geographic one pass', () => {
    expect(projectedName(STATE_PLANE)).toBe('NAD_1983_StatePlane_Connecticut_FIPS_0600_Feet');
    expect(projectedName('PROJCRS["WGS 84 / UTM zone 18N",BASEGEOGCRS["WGS 84"]]')).toBe('WGS 84 / UTM zone 18N');
    expect(projectedName(NAD83)).toBeUndefined();
  });
});

describe('dbfEncoding', () => {
  it.each([
    ['UTF-8', 'utf-8'],
    ['UTF8', 'utf8'],
    ['65001', 'utf-8'],
    ['1252', 'windows-1252'],
    ['ANSI 1251', 'windows-1251'],
    ['88591', 'iso-8859-1'],
    ['ISO 8859-15', 'iso-8859-15'],
    ['no such thing', 'windows-1252'],
  ])('reads %j as %s', (cpg, encoding) => {
    expect(dbfEncoding(strToU8(cpg + '\r\n'))).toBe(encoding);
  });
});
