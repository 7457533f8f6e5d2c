import { describe, expect, it } from 'vitest';
import { readBoundaries } from './boundaries.js';
import { MAX_TOPOLOGY_POSITIONS } from './topojson-districts.js';

function bytesOf(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

// Two districts sharing their middle edge (arc 0, walked backwards by the second as ~0 = -1), quantized:
// positions are deltas in steps of 0.1 degree from (-73, 41).
const TRANSFORM = { scale: [0.1, 0.1], translate: [-73, 41] };
const ARCS = [
  [
    [5, 0],
    [0, 5],
  ], // the shared edge, from (-72.5, 41) north to (-72.5, 41.5)
  [
    [5, 5],
    [-5, 0],
    [0, -5],
    [5, 0],
  ], // the west district's other three sides
  [
    [5, 0],
    [5, 0],
    [0, 5],
    [-5, 0],
  ], // the east district's other three sides
];

describe('readBoundaries, TopoJSON', () => {
  it("reads every object's polygons, shared arcs and quantization undone", async () => {
    const topology = {
      type: 'Topology',
      transform: TRANSFORM,
      arcs: ARCS,
      objects: {
        west: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0, 1]], properties: { n: 1 } }] },
        east: { type: 'Polygon', arcs: [[2, -1]], properties: { n: '002' } },
      },
    };
    const parsed = await readBoundaries(bytesOf(topology), 'n');
    expect(parsed.ok).toBe(true);
    const [west, east] = parsed.ok ? parsed.records : [];
    expect(west?.district).toBe('1');
    expect(east?.district).toBe('2');
    const rounded = (ring: number[][] | undefined) =>
      ring?.map((position) => position.map((x) => Math.round(x * 10) / 10));
    expect(west?.geometry.type === 'Polygon' && rounded(west.geometry.coordinates[0])).toEqual([
      [-72.5, 41],
      [-72.5, 41.5],
      [-73, 41.5],
      [-73, 41],
      [-72.5, 41],
    ]);
    expect(east?.geometry.type === 'Polygon' && rounded(east.geometry.coordinates[0])).toEqual([
      [-72.5, 41],
      [-72, 41],
      [-72, 41.5],
      [-72.5, 41.5],
      [-72.5, 41],
    ]);
  });

  it('refuses lines and nested collections as geometries without converting them', async () => {
    const topology = {
      type: 'Topology',
      transform: TRANSFORM,
      arcs: ARCS,
      objects: {
        districts: {
          type: 'GeometryCollection',
          geometries: [
            { type: 'LineString', arcs: [0], properties: { n: '1' } },
            { type: 'GeometryCollection', geometries: [], properties: { n: '2' } },
            { type: null, properties: { n: '3' } },
          ],
        },
      },
    };
    expect(await readBoundaries(bytesOf(topology), 'n')).toEqual({
      ok: false,
      problems: [
        { at: { feature: 1 }, key: 'targets.problem.geometryType', values: { type: 'LineString' } },
        { at: { feature: 2 }, key: 'targets.problem.geometryType', values: { type: 'GeometryCollection' } },
        { at: { feature: 3 }, key: 'targets.problem.geometryType', values: { type: 'null' } },
      ],
    });
  });

  it('refuses a small topology whose polygons name one long arc millions of times', async () => {
    const long = Array.from({ length: 10_000 }, (_, index) => [index % 2, 1]);
    const ring = Array.from({ length: MAX_TOPOLOGY_POSITIONS / long.length + 1 }, () => 0);
    const topology = { type: 'Topology', arcs: [long], objects: { bomb: { type: 'Polygon', arcs: [ring] } } };
    const parsed = await readBoundaries(bytesOf(topology), 'n');
    expect(parsed).toEqual({
      ok: false,
      problems: [
        {
          at: { file: true },
          key: 'targets.problem.unreadable',
          values: { detail: `the topology's polygons have more than ${MAX_TOPOLOGY_POSITIONS} positions` },
        },
      ],
    });
  });

  it('calls a polygon naming an arc the topology lacks unreadable', async () => {
    const topology = { type: 'Topology', arcs: ARCS, objects: { a: { type: 'Polygon', arcs: [[0, 7]] } } };
    expect(await readBoundaries(bytesOf(topology), 'n')).toEqual({
      ok: false,
      problems: [
        {
          at: { file: true },
          key: 'targets.problem.unreadable',
          values: { detail: 'a polygon names an arc the topology does not have' },
        },
      ],
    });
  });

  it('calls a topology without objects or arcs not a feature collection', async () => {
    expect(await readBoundaries(bytesOf({ type: 'Topology', objects: {} }), 'n')).toEqual({
      ok: false,
      problems: [{ at: { file: true }, key: 'targets.problem.notFeatureCollection' }],
    });
  });
});
