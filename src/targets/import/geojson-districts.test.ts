import { describe, expect, it } from 'vitest';
import { readBoundaries } from './boundaries.js';
import { MAX_PROBLEMS } from './problem-list.js';

const SQUARE = [
  [-72.9, 41.3],
  [-72.8, 41.3],
  [-72.8, 41.4],
  [-72.9, 41.4],
  [-72.9, 41.3],
];
const HOLE = [
  [-72.87, 41.33],
  [-72.83, 41.33],
  [-72.83, 41.37],
  [-72.87, 41.33],
];

function district(properties: Record<string, unknown> | null, geometry: unknown) {
  return { type: 'Feature', properties, geometry };
}

function geojson(...features: unknown[]): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }));
}

describe('readBoundaries, GeoJSON', () => {
  it('keeps polygons and multipolygons, holes and all, with positions reduced to longitude and latitude', async () => {
    const withAltitude = SQUARE.map(([lon, lat]) => [lon, lat, 12.5]);
    const parsed = await readBoundaries(
      geojson(
        district(
          { SLDLST: '005', NAMELSAD: 'State House District 5' },
          { type: 'Polygon', coordinates: [withAltitude] },
        ),
        district({ SLDLST: 7 }, { type: 'MultiPolygon', coordinates: [[SQUARE, HOLE], [SQUARE]] }),
        district({ SLDLST: 'ZZZ' }, { type: 'Polygon', coordinates: [[[500, 500]]] }),
      ),
      'SLDLST',
    );
    expect(parsed).toEqual({
      ok: true,
      skipped: 1,
      records: [
        { district: '5', geometry: { type: 'Polygon', coordinates: [SQUARE] } },
        { district: '7', geometry: { type: 'MultiPolygon', coordinates: [[SQUARE, HOLE], [SQUARE]] } },
      ],
    });
  });

  it('reports every bad feature by its number', async () => {
    const open = SQUARE.slice(0, 4);
    const parsed = await readBoundaries(
      geojson(
        district({ SLDLST: '1' }, { type: 'Point', coordinates: [-72.9, 41.3] }),
        district({ SLDLST: '2' }, null),
        district({ OTHER: '3' }, { type: 'Polygon', coordinates: [SQUARE] }),
        district({ SLDLST: '4' }, { type: 'Polygon', coordinates: [open] }),
        district({ SLDLST: '5' }, { type: 'Polygon', coordinates: [[SQUARE[0], SQUARE[1], SQUARE[0]]] }),
        district({ SLDLST: '6' }, { type: 'Polygon', coordinates: [SQUARE.map(([lon = 0, lat]) => [lat, lon * 3])] }),
        district(
          { SLDLST: '7' },
          {
            type: 'MultiPolygon',
            coordinates: [
              [SQUARE],
              [
                [
                  [-72, 'x'],
                  [1, 2],
                ],
              ],
            ],
          },
        ),
        district({ SLDLST: '' }, { type: 'Polygon', coordinates: [] }),
        district({ SLDLST: '01' }, { type: 'Polygon', coordinates: [SQUARE] }),
        district(null, { type: 'GeometryCollection', geometries: [] }),
        'not a feature',
      ),
      'SLDLST',
    );
    expect(!parsed.ok && parsed.problems).toEqual([
      { at: { feature: 1 }, key: 'targets.problem.geometryType', values: { type: 'Point' } },
      { at: { feature: 2 }, key: 'targets.problem.geometryType', values: { type: 'null' } },
      { at: { feature: 3 }, key: 'targets.problem.idProperty', values: { property: 'SLDLST' } },
      { at: { feature: 4 }, key: 'targets.problem.ring' },
      { at: { feature: 5 }, key: 'targets.problem.ring' },
      { at: { feature: 6 }, key: 'targets.problem.coordinates' },
      { at: { feature: 7 }, key: 'targets.problem.coordinates' },
      { at: { feature: 8 }, key: 'targets.problem.idProperty', values: { property: 'SLDLST' } },
      { at: { feature: 8 }, key: 'targets.problem.ring' },
      { at: { feature: 9 }, key: 'targets.problem.duplicateDistrict', values: { district: '1', feature: 1 } },
      { at: { feature: 10 }, key: 'targets.problem.idProperty', values: { property: 'SLDLST' } },
      { at: { feature: 10 }, key: 'targets.problem.geometryType', values: { type: 'GeometryCollection' } },
      { at: { feature: 11 }, key: 'targets.problem.idProperty', values: { property: 'SLDLST' } },
      { at: { feature: 11 }, key: 'targets.problem.geometryType', values: { type: 'null' } },
    ]);
  });

  it('lets a ring of four positions pass: a triangle is closed by its fourth', async () => {
    const triangle = [SQUARE[0], SQUARE[1], SQUARE[2], SQUARE[0]];
    const parsed = await readBoundaries(
      geojson(district({ id: 'A' }, { type: 'Polygon', coordinates: [triangle] })),
      'id',
    );
    expect(parsed.ok).toBe(true);
  });

  it(`stops at ${MAX_PROBLEMS} problems for a file in State Plane feet`, async () => {
    const feet = [
      [1_000_000, 600_000],
      [1_005_000, 600_000],
      [1_005_000, 605_000],
      [1_000_000, 600_000],
    ];
    const features = Array.from({ length: 1000 }, (_, index) =>
      district({ SLDLST: String(index + 1) }, { type: 'Polygon', coordinates: [feet] }),
    );
    const parsed = await readBoundaries(geojson(...features), 'SLDLST');
    expect(!parsed.ok && parsed.problems.length).toBe(MAX_PROBLEMS);
    expect(!parsed.ok && parsed.problems.every((problem) => problem.key === 'targets.problem.coordinates')).toBe(true);
  });

  it('calls a collection without a district empty', async () => {
    expect(await readBoundaries(geojson(), 'SLDLST')).toEqual({
      ok: false,
      problems: [{ at: { file: true }, key: 'targets.problem.empty' }],
    });
  });
});
