import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBoundaries } from './boundaries.js';

function unreadable(detail: string) {
  return { ok: false, problems: [{ at: { file: true }, key: 'targets.problem.unreadable', values: { detail } }] };
}

describe('readBoundaries, telling formats apart by content', () => {
  it('takes a zip for a zipped shapefile, whatever the name', async () => {
    const zip = zipSync({ 'districts.geojson': strToU8('{"type":"FeatureCollection","features":[]}') });
    expect(await readBoundaries(zip, 'SLDUST')).toEqual({
      ok: false,
      problems: [{ at: { file: true }, key: 'targets.problem.shapefileParts' }],
    });
  });

  it('calls a lone .shp or other binary file unreadable, without quoting its bytes', async () => {
    const shp = new Uint8Array([0, 0, 0x27, 0x0a, 0, 0, 0, 0]);
    expect(await readBoundaries(shp, 'SLDUST')).toEqual(unreadable('neither a zip nor JSON'));
    expect(await readBoundaries(new Uint8Array([0xff, 0xfe, 0x7b]), 'SLDUST')).toEqual(
      unreadable('neither a zip nor JSON: the file is not UTF-8 text'),
    );
  });

  it("calls broken JSON unreadable, with the parser's words", async () => {
    const parsed = await readBoundaries(strToU8('{"type": "FeatureCollection", '), 'SLDUST');
    expect(!parsed.ok && parsed.problems[0]?.values?.['detail']).toMatch(/^not JSON \(/);
  });

  it.each([
    ['a lone feature', { type: 'Feature', properties: {}, geometry: null }],
    ['an array', [1, 2]],
    ['a collection without features', { type: 'FeatureCollection' }],
  ])('refuses %s as not a feature collection', async (_name, value) => {
    expect(await readBoundaries(strToU8(JSON.stringify(value)), 'SLDUST')).toEqual({
      ok: false,
      problems: [{ at: { file: true }, key: 'targets.problem.notFeatureCollection' }],
    });
  });

  it('reads a GeoJSON file that starts with a byte-order mark', async () => {
    const polygon = [
      [
        [0, 0],
        [0, 1],
        [1, 1],
        [0, 0],
      ],
    ];
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { SLDUST: '001' }, geometry: { type: 'Polygon', coordinates: polygon } },
      ],
    });
    const parsed = await readBoundaries(strToU8('\uFEFF' + text), 'SLDUST');
    expect(parsed).toEqual({
      ok: true,
      skipped: 0,
      records: [{ district: '1', geometry: { type: 'Polygon', coordinates: polygon } }],
    });
  });
});
