// One polygon (an outer ring and its holes) prepared for many point tests: its edges sorted into horizontal bands,
// so a test reads the few edges at the point's latitude instead of all of them. Boundary files have thousands of
// vertices per district; @turf/boolean-point-in-polygon reads every edge, 20-30 µs per 10,000-vertex polygon here,
// and a point has two or three candidate districts in each chamber.
import type { Position } from 'geojson';

/** Where a point lies: strictly inside (not in a hole), on a ring, or outside. */
export type PointPlace = 'inside' | 'boundary' | 'outside';

export interface BandedPolygon {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  locate(x: number, y: number): PointPlace;
}

// More bands cost memory (4 bytes a band, and 4 per edge in each band it spans); fewer, time.
const EDGES_PER_BAND = 8;
const MAX_BANDS = 1 << 16;

// Shewchuk's bound on the rounding error of a 2×2 orientation determinant computed in doubles from the input
// coordinates ("Adaptive Precision Floating-Point Arithmetic and Fast Robust Geometric Predicates", 1997): a
// determinant larger than this times the sum of its two products' magnitudes has the sign of the exact one.
const EPSILON = 2 ** -53;
const ORIENTATION_ERROR = (3 + 16 * EPSILON) * EPSILON;

/** Prepares a polygon given as GeoJSON rings (the first the outer one); an unclosed ring is closed. */
export function bandPolygon(rings: Position[][]): BandedPolygon {
  const { xy, edgeStarts } = flattenRings(rings);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < xy.length; i += 2) {
    const x = xy[i] ?? NaN;
    const y = xy[i + 1] ?? NaN;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const bands = maxY > minY ? Math.min(MAX_BANDS, Math.max(1, Math.ceil(edgeStarts.length / EDGES_PER_BAND))) : 1;
  const bandHeight = (maxY - minY) / bands;
  // Monotonic in y (each operation is), so an edge lands in every band whose latitudes it spans.
  const bandOf = (y: number) =>
    bands === 1 ? 0 : Math.min(bands - 1, Math.max(0, Math.floor((y - minY) / bandHeight)));

  const { offsets, edges } = sortIntoBands(xy, edgeStarts, bands, bandOf);

  function locate(x: number, y: number): PointPlace {
    if (!(x >= minX && x <= maxX && y >= minY && y <= maxY)) return 'outside';
    const band = bandOf(y);
    const end = offsets[band + 1] ?? 0;
    let crossings = 0;
    for (let e = offsets[band] ?? 0; e < end; e++) {
      const s = 2 * (edges[e] ?? 0);
      const x1 = xy[s] ?? NaN;
      const y1 = xy[s + 1] ?? NaN;
      const x2 = xy[s + 2] ?? NaN;
      const y2 = xy[s + 3] ?? NaN;
      if (y1 > y === y2 > y) {
        // Not crossed by the ray east of the point (an end at the point's latitude counts as below it), but the
        // point may lie on the edge: at an end, or along a horizontal edge. Exact comparisons, no rounding.
        if (y1 === y && (x1 === x || (y2 === y && Math.min(x1, x2) <= x && x <= Math.max(x1, x2)))) return 'boundary';
        if (y2 === y && x2 === x) return 'boundary';
        continue;
      }
      // Oriented from its lower end whichever way the ring walks it: the neighbouring district, which walks a
      // shared edge the other way, computes the very same numbers, so the two never both claim a point near it.
      const low = y1 < y2;
      const lx = low ? x1 : x2;
      const ly = low ? y1 : y2;
      const hx = low ? x2 : x1;
      const hy = low ? y2 : y1;
      const left = (hx - lx) * (y - ly);
      const right = (hy - ly) * (x - lx);
      const det = left - right;
      // Too close to call in doubles (within the coordinates' rounding) counts as on the edge, for both neighbours.
      if (Math.abs(det) <= ORIENTATION_ERROR * (Math.abs(left) + Math.abs(right))) return 'boundary';
      if (det > 0) crossings += 1;
    }
    return crossings % 2 === 1 ? 'inside' : 'outside';
  }

  return { minX, minY, maxX, maxY, locate };
}

/** Every ring's positions one after another as x, y pairs; an edge starts at each but a ring's last. */
function flattenRings(rings: Position[][]): { xy: Float64Array; edgeStarts: number[] } {
  const closed = rings
    .filter((ring) => ring.length > 0)
    .map((ring) => {
      const first = ring[0] ?? [];
      const last = ring[ring.length - 1] ?? [];
      return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
    });
  const xy = new Float64Array(2 * closed.reduce((sum, ring) => sum + ring.length, 0));
  const edgeStarts: number[] = [];
  let p = 0;
  for (const ring of closed) {
    ring.forEach(([x = NaN, y = NaN], k) => {
      xy[2 * p] = x;
      xy[2 * p + 1] = y;
      if (k < ring.length - 1) edgeStarts.push(p);
      p += 1;
    });
  }
  return { xy, edgeStarts };
}

/** The edges of each band (offsets[b] to offsets[b + 1] in edges), as their first position's index. */
function sortIntoBands(
  xy: Float64Array,
  edgeStarts: number[],
  bands: number,
  bandOf: (y: number) => number,
): { offsets: Uint32Array; edges: Uint32Array } {
  const span = (start: number): [number, number] => {
    const y1 = xy[2 * start + 1] ?? NaN;
    const y2 = xy[2 * start + 3] ?? NaN;
    return [bandOf(Math.min(y1, y2)), bandOf(Math.max(y1, y2))];
  };
  const offsets = new Uint32Array(bands + 1);
  for (const start of edgeStarts) {
    const [first, last] = span(start);
    for (let b = first; b <= last; b++) offsets[b + 1] = (offsets[b + 1] ?? 0) + 1;
  }
  for (let b = 0; b < bands; b++) offsets[b + 1] = (offsets[b + 1] ?? 0) + (offsets[b] ?? 0);
  const edges = new Uint32Array(offsets[bands] ?? 0);
  const filled = offsets.slice(0, bands);
  for (const start of edgeStarts) {
    const [first, last] = span(start);
    for (let b = first; b <= last; b++) {
      const at = filled[b] ?? 0;
      edges[at] = start;
      filled[b] = at + 1;
    }
  }
  return { offsets, edges };
}
