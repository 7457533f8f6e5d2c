// A chamber's districts drawn as SVG paths for the dashboard's map, server-side: longitude and latitude projected
// onto a fixed width (equirectangular, corrected for the latitude), each position rounded to half a pixel and
// repeats dropped, so a district of 10,000 vertices becomes the few hundred points a 600-pixel map can show.
import type { DistrictRecord } from '../targets/directory.js';

export interface DistrictShape {
  district: string;
  /** The SVG path data of every ring (holes drawn with the even-odd rule). */
  path: string;
}

export interface DistrictMap {
  width: number;
  height: number;
  shapes: DistrictShape[];
}

type Position = number[];

function rings(geometry: DistrictRecord['geometry']): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

export function drawDistricts(districts: readonly DistrictRecord[], width = 600): DistrictMap {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const { geometry } of districts)
    for (const ring of rings(geometry))
      for (const [lon = 0, lat = 0] of ring) {
        west = Math.min(west, lon);
        east = Math.max(east, lon);
        south = Math.min(south, lat);
        north = Math.max(north, lat);
      }
  if (!Number.isFinite(west) || east <= west || north <= south) return { width, height: 0, shapes: [] };
  const squeeze = Math.cos((((north + south) / 2) * Math.PI) / 180);
  const scale = width / ((east - west) * squeeze);
  const height = Math.ceil((north - south) * scale);
  const half = (v: number) => Math.round(v * 2) / 2;
  const shapes = districts.map(({ district, geometry }) => {
    const parts: string[] = [];
    for (const ring of rings(geometry)) {
      const points: string[] = [];
      let last = '';
      for (const [lon = 0, lat = 0] of ring) {
        const point = `${half((lon - west) * squeeze * scale)} ${half((north - lat) * scale)}`;
        if (point !== last) points.push(point);
        last = point;
      }
      // A ring smaller than a pixel or so disappears at this size.
      if (points.length >= 3) parts.push(`M${points.join('L')}Z`);
    }
    return { district, path: parts.join('') };
  });
  return { width, height, shapes: shapes.filter((s) => s.path !== '') };
}

/** The shade of a count among the map's five: 0 for none, then 1–4 by its share of the largest count. */
export function shadeOf(count: number, largest: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0 || largest <= 0) return 0;
  const share = count / largest;
  return share > 0.75 ? 4 : share > 0.5 ? 3 : share > 0.25 ? 2 : 1;
}
