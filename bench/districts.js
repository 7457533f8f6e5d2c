// Matching a signer's point to their districts: the sample Connecticut General Assembly (36 Senate and 151 House
// districts, SAMPLE shapes) generated with ~10,000 vertices per district, as detailed as Census boundary files,
// indexed as the server indexes a boundary set; then random points in the state's bounding box, each matched in
// both chambers (all 187 districts) and timed one by one with process.hrtime.bigint.
// Beside each figure, the bare-Node baseline: the same timed loop around a match that does nothing (what the
// timing itself costs), and the process's RSS before it made any data. The issue's target: < 50 µs per match.
// Usage: npm run build && node [--expose-gc] bench/districts.js [--points 100000] [--vertices 10000] [--json]
// With --expose-gc, what the index alone holds is measured too (V8's live heap and typed arrays after a full
// collection): RSS does not shrink when the generated GeoJSON objects are collected.
import { buildDistrictIndex } from '../dist/targets/district-index.js';
import { CONNECTICUT_BOX, sampleDistricts } from '../dist/targets/sample/sample-assembly.js';
import { seededRandom } from '../dist/targets/sample/seeded-random.js';
import { parseBenchArgs, report } from './lib/job-bench.js';
import { mib } from './lib/rss.js';

const USAGE = 'npm run build && node [--expose-gc] bench/districts.js [--points 100000] [--vertices 10000] [--json]';
const TARGET_US = 50;
const WARM_UP = 2_000;

/** `count` [lon, lat] pairs spread evenly over the box, the same in every run. */
function randomPoints(count) {
  const random = seededRandom('bench-districts-points');
  const { west, south, east, north } = CONNECTICUT_BOX;
  const points = new Float64Array(2 * count);
  for (let i = 0; i < count; i++) {
    points[2 * i] = west + (east - west) * random();
    points[2 * i + 1] = south + (north - south) * random();
  }
  return points;
}

/** Times `match` on every point, one by one: nanoseconds per point, and how many points it gave no district. */
function timeEach(points, match) {
  const count = points.length / 2;
  for (let i = 0; i < Math.min(WARM_UP, count); i++) match(points[2 * i], points[2 * i + 1]);
  const ns = new Float64Array(count);
  let unmatched = 0;
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    const found = match(points[2 * i], points[2 * i + 1]);
    ns[i] = Number(process.hrtime.bigint() - started);
    if (found === false) unmatched += 1;
  }
  return { ns, unmatched };
}

function summarize(ns) {
  const sorted = Float64Array.from(ns).sort();
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1000;
  const mean = sorted.reduce((sum, x) => sum + x, 0) / sorted.length / 1000;
  return { meanUs: mean, p50Us: at(0.5), p99Us: at(0.99), maxUs: sorted[sorted.length - 1] / 1000 };
}

/** Generates the sample districts and indexes them; the generated GeoJSON is unreachable once this returns. */
function buildIndexes(vertices) {
  let started = performance.now();
  const districts = {
    upper: sampleDistricts('upper', { verticesPerDistrict: vertices }),
    lower: sampleDistricts('lower', { verticesPerDistrict: vertices }),
  };
  const generateMs = performance.now() - started;
  const positions = [...districts.upper, ...districts.lower]
    .flatMap(({ geometry }) => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates))
    .reduce((sum, rings) => sum + rings.reduce((n, ring) => n + ring.length, 0), 0);
  const dataRss = process.memoryUsage().rss;
  started = performance.now();
  const upper = buildDistrictIndex(districts.upper);
  const lower = buildDistrictIndex(districts.lower);
  const buildMs = performance.now() - started;
  return { upper, lower, positions, generateMs, buildMs, dataRss, builtRss: process.memoryUsage().rss };
}

export function benchDistricts({ points = 100_000, vertices = 10_000 } = {}) {
  const bareRss = process.memoryUsage().rss;
  const { upper, lower, positions, generateMs, buildMs, dataRss, builtRss } = buildIndexes(vertices);
  globalThis.gc?.();
  const memory = process.memoryUsage();
  const indexLive = globalThis.gc === undefined ? undefined : memory.heapUsed + memory.arrayBuffers;

  const xy = randomPoints(points);
  const baseline = timeEach(xy, () => true);
  const matched = timeEach(
    xy,
    (lon, lat) => upper.districtAt(lon, lat) !== undefined && lower.districtAt(lon, lat) !== undefined,
  );
  return {
    points,
    districts: 187,
    positions,
    generateMs,
    buildMs,
    match: { ...summarize(matched.ns), unmatched: matched.unmatched },
    baseline: summarize(baseline.ns),
    memory: {
      bareMiB: mib(bareRss),
      withDataMiB: mib(dataRss),
      withDataAndIndexMiB: mib(builtRss),
      indexAloneLiveMiB: indexLive === undefined ? undefined : mib(indexLive),
      endMiB: mib(process.memoryUsage().rss),
    },
  };
}

export function printDistricts(r) {
  const f0 = (x) => Math.round(x).toLocaleString('en-US');
  const us = (x) => `${x.toFixed(x < 10 ? 2 : 1)} µs`;
  const m = r.match;
  const b = r.baseline;
  console.log(
    `\n== district matching: ${f0(r.points)} random points × ${r.districts} SAMPLE districts ` +
      `(${f0(r.positions)} positions)`,
  );
  console.log(`  generate:   ${f0(r.generateMs)} ms (the sample generator, not part of a match)`);
  console.log(`  index:      built in ${f0(r.buildMs)} ms (both chambers)`);
  console.log(
    `  per match:  mean ${us(m.meanUs)}, p50 ${us(m.p50Us)}, p99 ${us(m.p99Us)}, max ${us(m.maxUs)} ` +
      `(bare-Node loop timing a match that does nothing: mean ${us(b.meanUs)}, p50 ${us(b.p50Us)}, ` +
      `p99 ${us(b.p99Us)}, max ${us(b.maxUs)}); target < ${TARGET_US} µs: ${m.meanUs < TARGET_US ? 'met' : 'MISSED'}` +
      `${m.unmatched === 0 ? '' : `; ${f0(m.unmatched)} points without a district in a chamber`}`,
  );
  const mem = r.memory;
  console.log(
    `  RSS:        ${f0(mem.withDataAndIndexMiB)} MiB with the generated GeoJSON and the index ` +
      `(bare Node at start: ${f0(mem.bareMiB)} MiB; with the GeoJSON alone ${f0(mem.withDataMiB)} MiB)` +
      (mem.indexAloneLiveMiB === undefined
        ? '; run with --expose-gc for the index alone'
        : `; the index alone, after a full GC: ${f0(mem.indexAloneLiveMiB)} MiB of live heap and typed arrays`),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const values = parseBenchArgs(USAGE, {
    points: { type: 'string', default: '100000' },
    vertices: { type: 'string', default: '10000' },
  });
  report(
    benchDistricts({ points: Number(values.points), vertices: Number(values.vertices) }),
    values.json,
    printDistricts,
  );
}
