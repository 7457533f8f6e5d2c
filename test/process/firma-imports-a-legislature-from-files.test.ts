// The `firma targets` and `firma districts` commands, as an organizer's volunteer runs them on the server with the
// files downloaded from Open States, the Census and HUD (here: the generated sample files, in those formats).
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildFirma, cleanUp, killAll, launch, tempDataDir } from '../support/firma-process.js';
import {
  sampleCrosswalkCsv,
  sampleDistrictsGeoJson,
  sampleOpenStatesCsv,
} from '../../src/targets/sample/sample-assembly.js';

async function firma(args: string[], dataDir: string): Promise<{ code: number | null; output: string }> {
  const run = launch(args, { FIRMA_DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const { code } = await run.exited;
  return { code, output: run.output() };
}

describe('firma targets and firma districts', () => {
  beforeAll(buildFirma, 180_000);
  afterEach(killAll);
  afterAll(cleanUp);

  it('import a legislature from its three files, report a re-import’s changes, and refuse a bad file whole', async () => {
    const dataDir = tempDataDir();
    const file = (name: string, text: string) => {
      fs.writeFileSync(path.join(dataDir, name), text);
      return path.join(dataDir, name);
    };
    const people = sampleOpenStatesCsv();
    const body = ['--body', 'ny-legislature'];

    const first = await firma(['targets', 'import', ...body, '--state', 'ny', file('ny.csv', people)], dataDir);
    expect(first).toMatchObject({ code: 0 });
    expect(first.output).toContain('Created the body ny-legislature (state ny)');
    expect(first.output).toContain('ny-legislature: 187 added, 0 updated');

    const upper = ['districts', 'import', ...body, '--chamber', 'upper', '--id-property', 'SLDUST'];
    const districts = await firma([...upper, file('sldu.geojson', sampleDistrictsGeoJson('upper'))], dataDir);
    expect(districts.code).toBe(0);
    expect(districts.output).toContain('ny-legislature upper: boundary set version 1, 36 districts');
    const zips = await firma(['districts', 'import-zips', ...body, file('zips.csv', sampleCrosswalkCsv())], dataDir);
    expect(zips).toMatchObject({ code: 0 });
    const zipCount = new Set(
      sampleCrosswalkCsv()
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',')[0]),
    ).size;
    expect(zips.output).toContain(`ny-legislature: ${zipCount} ZIP codes`);

    // After an election: the last line's representative is gone.
    const lines = people.trimEnd().split('\n');
    const after = await firma(
      ['targets', 'import', ...body, file('ny-2027.csv', lines.slice(0, -1).join('\n'))],
      dataDir,
    );
    expect(after.code).toBe(0);
    expect(after.output).toContain('0 added, 0 updated, 0 moved to another seat, 1 no longer listed');
    expect(after.output).toContain('  - Sample Representative 151 (lower 151)');

    const bad = await firma(
      [
        ...upper,
        file(
          'bad.geojson',
          '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":null}]}',
        ),
      ],
      dataDir,
    );
    expect(bad.code).toBe(1);
    expect(bad.output).toContain('bad.geojson: nothing was imported; 2 problem(s):');
    expect(bad.output).toContain('  Feature 1: The property “SLDUST” that names the district is missing.');

    const usage = await firma(['districts', 'import', ...body, file('x.geojson', '{}')], dataDir);
    expect(usage.code).toBe(2);
    expect(usage.output).toContain('--chamber: upper (the Senate) or lower (the House).');

    const db = new SQLite(path.join(dataDir, 'firma.db'), { readonly: true });
    try {
      expect(db.prepare('select count(*) from target_boundary_sets').pluck().get()).toBe(1);
      expect(db.prepare('select count(*) from target_people where seat_until is null').pluck().get()).toBe(186);
    } finally {
      db.close();
    }
  });
});
