import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { CHAMBERS, type Chamber } from '../directory.js';
import { buildDistrictIndex } from '../district-index.js';
import { districtId } from '../district-id.js';
import {
  CONNECTICUT_BOX,
  sampleCrosswalkCsv,
  sampleDistricts,
  sampleDistrictsGeoJson,
  sampleOpenStatesCsv,
  samplePeople,
  sampleZipCrosswalk,
  sampleZipPoint,
} from './sample-assembly.js';
import { seededRandom } from './seeded-random.js';
import { connecticutZipCodes } from '../../platform/zip-towns.js';

const SEATS: Record<Chamber, number> = { upper: 36, lower: 151 };

function rings(feature: Feature): Position[][] {
  const { geometry } = feature;
  if (geometry.type === 'Polygon') return geometry.coordinates;
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat();
  throw new Error(`unexpected ${geometry.type}`);
}

describe.each(CHAMBERS)('the sample %s chamber', (chamber) => {
  const districts = sampleDistricts(chamber);

  it('has one district per seat, numbered from 1', () => {
    expect(districts.map((d) => d.district)).toEqual(Array.from({ length: SEATS[chamber] }, (_, i) => String(i + 1)));
  });

  it('covers the box: a point of it is strictly inside one district (by turf), the one the index finds', () => {
    const index = buildDistrictIndex(districts);
    const random = seededRandom(`sample-tiling-test:${chamber}`);
    const { west, south, east, north } = CONNECTICUT_BOX;
    for (let n = 0; n < 1500; n++) {
      const point = [west + (east - west) * random(), south + (north - south) * random()];
      const inside = districts.filter((d) => booleanPointInPolygon(point, d.geometry, { ignoreBoundary: true }));
      expect(inside.map((d) => d.district)).toHaveLength(1);
      expect(index.districtAt(point[0] ?? NaN, point[1] ?? NaN)).toBe(inside[0]?.district);
    }
  });

  it('has MultiPolygons with islands and a district in a hole of another', () => {
    const islands = districts.filter((d) => d.geometry.type === 'MultiPolygon');
    expect(islands.length).toBeGreaterThanOrEqual(2);
    const holed = districts.filter((d) => d.geometry.type === 'Polygon' && d.geometry.coordinates.length > 1);
    expect(holed).toHaveLength(1);
    const index = buildDistrictIndex(districts);
    const enclave = districts.at(-1);
    // The last district (the enclave) fills the hole: its middle is in it, its ring is the holed district's border.
    const enclaveRing = enclave?.geometry.type === 'Polygon' ? enclave.geometry.coordinates[0] : undefined;
    const [cx = NaN, cy = NaN] = centre(enclaveRing);
    expect(index.districtAt(cx, cy)).toBe(enclave?.district);
    const [x = NaN, y = NaN] = enclaveRing?.[0] ?? [];
    expect(index.districtAt(x, y)).toBe(holed[0]?.district); // on the border: the lower id
    for (const island of islands) {
      const [ix = NaN, iy = NaN] =
        island.geometry.type === 'MultiPolygon' ? centre(island.geometry.coordinates[1]?.[0]) : [];
      expect(iy).toBeLessThan(CONNECTICUT_BOX.south);
      expect(index.districtAt(ix, iy)).toBe(island.district);
    }
  });

  it('is the same every time', () => {
    expect(sampleDistricts(chamber)).toEqual(districts);
    expect(sampleDistrictsGeoJson(chamber)).toBe(sampleDistrictsGeoJson(chamber));
  });

  it('has about the vertices asked for', () => {
    const big = sampleDistricts(chamber, { verticesPerDistrict: 1000 });
    const outer = big[0]?.geometry.type === 'Polygon' ? big[0].geometry.coordinates[0] : [];
    expect(outer?.length).toBeGreaterThan(950);
    expect(outer?.length).toBeLessThan(1050);
  });

  it('is written as a TIGER-like GeoJSON file whose every ring is closed', () => {
    const collection = JSON.parse(sampleDistrictsGeoJson(chamber)) as FeatureCollection; // checked below
    expect(collection.type).toBe('FeatureCollection');
    const idProperty = chamber === 'upper' ? 'SLDUST' : 'SLDLST';
    const codes = collection.features.map((f) => String(f.properties?.[idProperty]));
    expect(codes[4]).toBe('005');
    expect(codes.at(-1)).toBe('ZZZ');
    expect(codes.map(districtId).filter((id) => id !== undefined)).toEqual(districts.map((d) => d.district));
    expect(collection.features[4]?.properties?.NAMELSAD).toBe(
      chamber === 'upper' ? 'State Senate District 5' : 'State House District 5',
    );
    for (const feature of collection.features)
      for (const ring of rings(feature)) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring.at(-1));
        for (const [lon = NaN, lat = NaN] of ring) {
          expect(Math.abs(lon)).toBeLessThanOrEqual(180);
          expect(Math.abs(lat)).toBeLessThanOrEqual(90);
        }
      }
  });
});

function centre(ring: Position[] | undefined): Position {
  const points = ring ?? [];
  return [0, 1].map((axis) => points.reduce((sum, p) => sum + (p[axis] ?? NaN), 0) / points.length);
}

describe('the sample people', () => {
  const people = samplePeople();

  it('fill every seat once, with sample names and addresses that cannot receive mail', () => {
    expect(people).toHaveLength(187);
    expect(new Set(people.map((p) => `${p.chamber} ${p.district}`)).size).toBe(187);
    expect(new Set(people.map((p) => p.sourceId)).size).toBe(187);
    for (const person of people) {
      expect(person.name).toMatch(/^Sample (Senator|Representative) \d+$/);
      expect(person.email).toMatch(/^(sen|rep)\d+@sample\.invalid$/);
      expect(['Democratic', 'Republican']).toContain(person.party);
    }
    expect(people.find((p) => p.chamber === 'upper' && p.district === '5')).toMatchObject({
      name: 'Sample Senator 5',
      email: 'sen5@sample.invalid',
      sourceId: 'ocd-person/sample-ct-upper-5',
      imageUrl: null,
    });
  });

  it("are written with Open States' columns in its order", () => {
    const lines = sampleOpenStatesCsv().trimEnd().split('\n');
    expect(lines[0]).toBe(
      'id,name,current_party,current_district,current_chamber,given_name,family_name,gender,email,biography,' +
        'birth_date,death_date,image,links,sources,capitol_address,capitol_voice,capitol_fax,district_address,' +
        'district_voice,district_fax,twitter,youtube,instagram,facebook,wikidata',
    );
    expect(lines).toHaveLength(188);
    expect(lines[5]).toMatch(/^ocd-person\/sample-ct-upper-5,Sample Senator 5,(Democratic|Republican),5,upper,/);
    expect(lines.every((line) => line.split(',').length === 26)).toBe(true);
  });
});

describe('the sample ZIP crosswalk', () => {
  const crosswalk = sampleZipCrosswalk();
  const shares = (zip: string, chamber: Chamber) =>
    crosswalk.filter((row) => row.zip === zip && row.chamber === chamber);

  it('has every Connecticut ZIP code the demo signers use, most whole in one district of a chamber, several split, shares adding to 1', () => {
    const zips = new Set(crosswalk.map((row) => row.zip));
    for (const [zip] of connecticutZipCodes()) expect(zips.has(zip)).toBe(true);
    let split = 0;
    for (const zip of zips) {
      expect(zip).toMatch(/^06\d{3}$/);
      for (const chamber of CHAMBERS) {
        const rows = shares(zip, chamber);
        expect(rows.length).toBeGreaterThanOrEqual(1);
        expect(rows.reduce((sum, row) => sum + row.share, 0)).toBeCloseTo(1, 12);
        if (rows.length > 1) split += 1;
      }
    }
    expect(split).toBeGreaterThanOrEqual(4);
    expect(split).toBeLessThan(zips.size);
  });

  it('splits 06106 in the House only and keeps 06511 whole', () => {
    expect(shares('06106', 'lower').map((row) => row.share)).toEqual([0.6, 0.4]);
    expect(shares('06106', 'upper')).toHaveLength(1);
    expect(shares('06511', 'lower')).toHaveLength(1);
    expect(shares('06511', 'upper')).toHaveLength(1);
  });

  it("places each ZIP's point in its first district of each chamber", () => {
    const indexes = {
      upper: buildDistrictIndex(sampleDistricts('upper')),
      lower: buildDistrictIndex(sampleDistricts('lower')),
    };
    for (const zip of new Set(crosswalk.map((row) => row.zip))) {
      const [lon, lat] = sampleZipPoint(zip) ?? [NaN, NaN];
      for (const chamber of CHAMBERS)
        expect(indexes[chamber].districtAt(lon, lat)).toBe(shares(zip, chamber)[0]?.district);
    }
    expect(sampleZipPoint('99999')).toBeUndefined();
  });

  it('is written as CSV, the same every time', () => {
    const csv = sampleCrosswalkCsv();
    expect(csv.split('\n')[0]).toBe('zip,chamber,district,share');
    expect(csv.trimEnd().split('\n')).toHaveLength(crosswalk.length + 1);
    expect(csv).toContain('\n06106,lower,');
    expect(sampleCrosswalkCsv()).toBe(csv);
  });
});
