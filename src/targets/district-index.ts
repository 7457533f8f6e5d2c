// Which district of a chamber a point (a signer's geocoded address) lies in: an R-tree (Flatbush) over the bounding
// box of every polygon part picks the few candidates, and a banded point-in-polygon test decides among them.
//
// The border rule. A point strictly inside a district (not on a ring, not in a hole) belongs to it. A point on a
// border (an edge or a vertex shared by two or more districts, a hole's ring, the outer edge of the state) belongs to
// the lowest district id among those whose boundary it is on, numeric ids compared as numbers ("9" before "10"),
// then names after numbers in code-unit order. So a point on the border of districts 5 and 12 is in 5, a vertex
// shared by 3, 4, 10 and 11 is in 3, and a point on the ring of a hole filled by another district goes to the lower
// of the two. Were two districts to overlap (a bad file), a point inside both goes to the lower id too. "On a
// border" is decided so that two neighbours always agree (banded-polygon.ts): every point gets exactly one answer.
import Flatbush from 'flatbush';
import type { DistrictRecord } from './directory.js';
import { bandPolygon, type BandedPolygon } from './banded-polygon.js';
import { compareDistrictIds } from './district-id.js';

export interface DistrictIndex {
  /** The district at a WGS 84 longitude and latitude; undefined outside every district (or not a number). */
  districtAt(lon: number, lat: number): string | undefined;
}

interface Part {
  district: string;
  polygon: BandedPolygon;
}

/** Builds the index of one chamber's districts (one boundary set). */
export function buildDistrictIndex(districts: DistrictRecord[]): DistrictIndex {
  // Parts are added in district order, so an R-tree item number is also a rank: the lowest candidate wins.
  const ordered = [...districts].sort((a, b) => compareDistrictIds(a.district, b.district));
  const parts: Part[] = [];
  for (const { district, geometry } of ordered) {
    // Each part of a MultiPolygon on its own: an island far from its district's main part would otherwise
    // make one large box that most points of the state fall into.
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const rings of polygons) if (rings.length > 0) parts.push({ district, polygon: bandPolygon(rings) });
  }
  if (parts.length === 0) return { districtAt: () => undefined };

  const tree = new Flatbush(parts.length);
  for (const { polygon } of parts) tree.add(polygon.minX, polygon.minY, polygon.maxX, polygon.maxY);
  tree.finish();

  return {
    districtAt(lon, lat) {
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) return undefined;
      const candidates = tree.search(lon, lat, lon, lat);
      if (candidates.length > 1) candidates.sort((a, b) => a - b);
      let onBorder: string | undefined;
      for (const i of candidates) {
        const part = parts[i];
        if (part === undefined) continue;
        const place = part.polygon.locate(lon, lat);
        if (place === 'inside') return part.district;
        if (place === 'boundary' && onBorder === undefined) onBorder = part.district;
      }
      return onBorder;
    },
  };
}
