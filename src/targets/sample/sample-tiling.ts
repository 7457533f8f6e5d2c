// The shapes of generated sample districts: a grid of cells whose shared borders are jagged lines, each line's
// positions used by both cells it separates (so the cells tile their box with no gap and no overlap), one district
// that fills a hole cut in a cell's middle, and a few districts with an island in the water south of the box.
import type { Polygon, Position } from 'geojson';
import type { DistrictRecord } from '../directory.js';
import { seededRandom } from './seeded-random.js';

export interface Box {
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface TilingPlan {
  /** Seeds every random draw: the same plan gives the same tiling. */
  seed: string;
  box: Box;
  columns: number;
  rows: number;
  /** The cell (from 0, in reading order from the north-west) whose middle is the enclave district. */
  enclaveCell: number;
  /** Columns of the bottom row whose district also has an island in the water. */
  islandColumns: number[];
  /** Where the islands lie: south of the box, sharing its south edge. */
  water: Box;
  /** Positions in each district's ring, about (a cell's ring has a multiple of four, plus its closing one). */
  verticesPerDistrict: number;
}

export interface Tiling {
  /** Cells "1", "2", … in reading order, then the enclave; in that order. Neighbours share their border's
   * position arrays: read them, never change them. */
  districts: DistrictRecord[];
  /** The water, with the islands cut out of it. */
  water: Polygon;
  /** A district sharing a border with the given one: its eastern neighbour (western in the last column), or
   * for the enclave the district around it. */
  neighbourOf(district: string): string;
}

// How far a grid node strays from its place, as a share of the cell's width or height.
const NODE_JITTER = 0.12;
// How far a border line strays from the straight line between its nodes: at most BULGE times the distance to
// the nearer node. Within that cone (14°) two lines leaving one node never meet, as grid lines leave a node at
// well over 28° from each other even after the jitter.
const BULGE = 0.25;

/** Positions are printed to a millionth of a degree (about 0.1 m), as boundary files do. */
const round = (value: number) => Math.round(value * 1e6) / 1e6;

export function jaggedTiling(plan: TilingPlan): Tiling {
  const { columns, rows, box } = plan;
  const width = (box.east - box.west) / columns;
  const height = (box.north - box.south) / rows;
  const nodes = gridNodes(plan, width, height);
  const node = (i: number, j: number): Position => nodes[j]?.[i] ?? [NaN, NaN];
  const inner = Math.max(1, Math.round(plan.verticesPerDistrict / 4) - 1);
  const loopCount = Math.max(8, plan.verticesPerDistrict);
  // across[j][i] joins node (i, j) to (i + 1, j), west to east; down[i][j] joins (i, j) to (i, j + 1), north to south.
  // The lines along the box's edges stay straight, so the cells cover the whole box.
  const across = range(rows + 1).map((j) =>
    range(columns).map((i) =>
      jaggedLine(node(i, j), node(i + 1, j), inner, seededRandom(`${plan.seed}:across:${i}:${j}`), j % rows === 0),
    ),
  );
  const down = range(columns + 1).map((i) =>
    range(rows).map((j) =>
      jaggedLine(node(i, j), node(i, j + 1), inner, seededRandom(`${plan.seed}:down:${i}:${j}`), i % columns === 0),
    ),
  );
  const cellRing = (i: number, j: number): Position[] => {
    const south = across[j + 1]?.[i] ?? [];
    const east = down[i + 1]?.[j] ?? [];
    const north = across[j]?.[i] ?? [];
    const west = down[i]?.[j] ?? [];
    // Counterclockwise (RFC 7946) from the south-west corner; each line's first position is the previous one's last.
    return [...south, ...[...east].reverse().slice(1), ...[...north].reverse().slice(1), ...west.slice(1)];
  };

  const cells = columns * rows;
  const enclaveHost = plan.enclaveCell;
  const hostCentre = cellCentre(node, enclaveHost % columns, Math.floor(enclaveHost / columns));
  const radius = 0.12 * Math.min(width, height);
  const enclave = jaggedLoop(hostCentre, radius, radius, loopCount, seededRandom(`${plan.seed}:enclave`));
  const islands = islandRings(plan, node, width);

  const districts: DistrictRecord[] = range(cells).map((cell) => {
    const ring = cellRing(cell % columns, Math.floor(cell / columns));
    const polygon = cell === enclaveHost ? [ring, [...enclave].reverse()] : [ring];
    const island = islands.get(cell);
    return {
      district: String(cell + 1),
      geometry:
        island === undefined
          ? { type: 'Polygon', coordinates: polygon }
          : { type: 'MultiPolygon', coordinates: [polygon, [island]] },
    };
  });
  districts.push({ district: String(cells + 1), geometry: { type: 'Polygon', coordinates: [enclave] } });

  return {
    districts,
    water: waterPolygon(plan.water, [...islands.values()]),
    neighbourOf(district) {
      const cell = Number(district) - 1;
      if (cell === cells) return String(enclaveHost + 1);
      return String((cell % columns) + 1 < columns ? cell + 2 : cell);
    },
  };
}

/** The islands, by the cell (in the bottom row) whose district they belong to: one in the water below each. */
function islandRings(plan: TilingPlan, node: (i: number, j: number) => Position, width: number) {
  const { columns, rows, water, verticesPerDistrict } = plan;
  const radiusY = 0.3 * (water.north - water.south);
  const radiusX = Math.min(0.3 * width, 1.5 * radiusY);
  return new Map(
    plan.islandColumns.map((i) => {
      const [west = NaN, east = NaN] = [node(i, rows)[0], node(i + 1, rows)[0]];
      const centre: [number, number] = [(west + east) / 2, (water.north + water.south) / 2];
      const count = Math.max(8, Math.round(verticesPerDistrict / 4));
      const ring = jaggedLoop(centre, radiusX, radiusY, count, seededRandom(`${plan.seed}:island:${i}`));
      return [(rows - 1) * columns + i, ring];
    }),
  );
}

/** The water: its box with the islands cut out of it, as TIGER's "ZZZ" feature has them. */
function waterPolygon({ west, south, east, north }: Box, islands: Position[][]): Polygon {
  const outline = [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
  return { type: 'Polygon', coordinates: [outline, ...islands.map((island) => [...island].reverse())] };
}

/** The grid's corners, nodes[row][column], inner ones moved a little; those on the box's edges stay on them. */
function gridNodes(plan: TilingPlan, width: number, height: number): Position[][] {
  const { columns, rows, box } = plan;
  return range(rows + 1).map((j) =>
    range(columns + 1).map((i) => {
      const random = seededRandom(`${plan.seed}:node:${i}:${j}`);
      const dx = i % columns === 0 ? 0 : (2 * random() - 1) * NODE_JITTER * width;
      const dy = j % rows === 0 ? 0 : (2 * random() - 1) * NODE_JITTER * height;
      const x = i === columns ? box.east : box.west + i * width;
      const y = j === rows ? box.south : box.north - j * height;
      return [round(x + dx), round(y + dy)];
    }),
  );
}

function cellCentre(node: (i: number, j: number) => Position, i: number, j: number): [number, number] {
  const corners = [node(i, j), node(i + 1, j), node(i + 1, j + 1), node(i, j + 1)];
  const mean = (axis: 0 | 1) => corners.reduce((sum, corner) => sum + (corner[axis] ?? NaN), 0) / 4;
  return [mean(0), mean(1)];
}

/**
 * The line from a to b (both included) through `inner` positions, spaced evenly along it and pushed sideways by
 * waves and a little noise, never beyond the BULGE cone: every position keeps its place along the line, so the
 * line cannot cross itself.
 */
function jaggedLine(a: Position, b: Position, inner: number, random: () => number, straight: boolean): Position[] {
  const [ax = NaN, ay = NaN] = a;
  const dx = (b[0] ?? NaN) - ax;
  const dy = (b[1] ?? NaN) - ay;
  const [slow, fast] = [1 + Math.floor(random() * 2), 3 + Math.floor(random() * 4)];
  const [slowPhase, fastPhase] = [random() * 2 * Math.PI, random() * 2 * Math.PI];
  const line = [a];
  for (let k = 1; k <= inner; k++) {
    const t = k / (inner + 1);
    const wave =
      0.6 * Math.sin(2 * Math.PI * slow * t + slowPhase) + 0.4 * Math.sin(2 * Math.PI * fast * t + fastPhase);
    // The noise is at most a tenth of a step, itself no more than the distance to the nearer node.
    const side = straight ? 0 : BULGE * (0.9 * Math.min(t, 1 - t) * wave + (0.1 * (2 * random() - 1)) / (inner + 1));
    line.push([round(ax + t * dx - side * dy), round(ay + t * dy + side * dx)]);
  }
  line.push(b);
  return line;
}

/** A closed counterclockwise ring of `count` positions around a centre, its radius wavering by up to a fifth. */
function jaggedLoop(
  [cx, cy]: [number, number],
  radiusX: number,
  radiusY: number,
  count: number,
  random: () => number,
): Position[] {
  const [slowPhase, fastPhase] = [random() * 2 * Math.PI, random() * 2 * Math.PI];
  const ring = range(count).map((k): Position => {
    const angle = (2 * Math.PI * k) / count;
    const scale = 1 + 0.2 * (0.6 * Math.sin(3 * angle + slowPhase) + 0.4 * Math.sin(7 * angle + fastPhase));
    return [round(cx + radiusX * scale * Math.cos(angle)), round(cy + radiusY * scale * Math.sin(angle))];
  });
  return [...ring, ring[0] ?? [cx, cy]];
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}
