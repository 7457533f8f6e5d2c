// Delivery per legislator, on both engines, with the sample legislature: `firma export pdf --per-target` writes a
// packet for each district with signatures, addressed to whoever holds the seat in each of the petition's languages
// with that district's signers only, a packet per chamber of the signers no district was given to, and a summary of
// every legislator's count (read back with pdftotext); the exports page offers the same packets as one ZIP archive,
// to the petition's organizer only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportUsageError, type ExportArgs } from '../../src/delivery/export-command.js';
import { findBody } from '../../src/targets/directory-store.js';
import { sampleZipCrosswalk } from '../../src/targets/sample/sample-assembly.js';
import { SAMPLE_BODY_SLUG, seedSampleAssembly } from '../../src/targets/sample/seed-sample-assembly.js';
import { getAs, signedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { postForm, useTestApp, validSignature } from '../support/test-app.js';
import { pdfText, runExportOn } from './exports-support.js';

const districtOf = (zip: string, chamber: string) =>
  sampleZipCrosswalk()
    .filter((r) => r.zip === zip && r.chamber === chamber)
    .sort((a, b) => b.share - a.share)
    .map((r) => r.district);

describe.each(enginesToTest())('a packet per legislator on $name', (engine) => {
  const t = useTestApp(engine);
  let dir: string;
  let slug: string;
  let id: number;

  const run = (args: Partial<ExportArgs>) =>
    runExportOn(t, { format: 'pdf', petition: slug, perTarget: true, ...args });

  beforeEach(async () => {
    await seedSampleAssembly({ db: t.deps.db, now: t.deps.now });
    const body = await findBody(t.deps.db, SAMPLE_BODY_SLUG);
    if (body === undefined) throw new Error('seeded');
    ({ id, slug } = await makePetition(t.deps.db, {
      seatTargets: [
        { bodyId: body.id, chamber: 'upper' },
        { bodyId: body.id, chamber: 'lower' },
      ],
    }));
    const signers: [string, string][] = [
      ['Ana Uno', '06511'],
      ['Beto Dos', '06511'],
      ['Cora Tres', '06106'], // split in the House
      ['Dario Cuatro', '06999'], // not in the crosswalk
    ];
    for (const [name, zip] of signers) {
      const email = `${name.split(' ')[0]?.toLowerCase()}@example.org`;
      expect((await postForm(t, `/en/p/${slug}/sign`, validSignature({ name, email, postal_code: zip }))).status).toBe(
        303,
      );
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firma-per-target-'));
  });
  afterEach(() => {
    if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes each legislator’s packet with their constituents only, the unassigned signers and a summary', async () => {
    await run({ out: dir });
    const [senate] = districtOf('06511', 'upper');
    const [house] = districtOf('06511', 'lower');
    const [splitSenate] = districtOf('06106', 'upper');
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(
      [
        `house-district-${house}.pdf`,
        'house-unassigned.pdf',
        'senate-unassigned.pdf',
        'summary.pdf',
        ...new Set([`senate-district-${senate}.pdf`, `senate-district-${splitSenate}.pdf`]),
      ].sort(),
    );

    const rep = pdfText(fs.readFileSync(path.join(dir, `house-district-${house}.pdf`))).text.replace(/\s+/g, ' ');
    expect(rep).toContain(`To: Rep. Sample Representative ${house} (District ${house}), Connecticut General Assembly`);
    expect(rep).toContain(`2 of your constituents in District ${house} signed`);
    expect(rep).toContain('4 people signed in all.');
    expect(rep).toContain(
      `Para: Rep. Sample Representative ${house} (Distrito ${house}), Asamblea General de Connecticut`,
    );
    expect(rep).toContain('Sample data: Firma generated these people and districts');
    expect(rep).toContain('Ana Uno');
    expect(rep).toContain('Beto Dos');
    expect(rep).not.toContain('Cora');
    expect(rep).not.toContain('Dario');

    const unassigned = pdfText(fs.readFileSync(path.join(dir, 'house-unassigned.pdf'))).text.replace(/\s+/g, ' ');
    expect(unassigned).toContain('signers not matched to a House district');
    expect(unassigned).toContain('2 signers could not be matched to a district');
    expect(unassigned).toContain('Cora Tres');
    expect(unassigned).toContain('Dario Cuatro');
    expect(unassigned).not.toContain('Ana Uno');

    const summary = pdfText(fs.readFileSync(path.join(dir, 'summary.pdf'))).text;
    expect(summary).toMatch(new RegExp(`\\n${house}\\s+Sample Representative ${house}\\s+2\\n`));
    expect(summary).toMatch(/Not matched to a district\s+2\n/);
    expect(summary).toMatch(/\n1\s+Sample Senator 1\s+\d+\n/); // every district, those without signatures too
  });

  it('refuses what it cannot do with a clear message', async () => {
    await expect(run({})).rejects.toThrow('--per-target needs --out DIR');
    await expect(run({ format: 'csv', out: dir })).rejects.toThrow('--per-target makes PDF packets');
    const plain = await makePetition(t.deps.db);
    await expect(run({ petition: plain.slug, out: dir })).rejects.toThrow(ExportUsageError);
    const file = path.join(dir, 'a-file');
    fs.writeFileSync(file, '');
    await expect(run({ out: file })).rejects.toThrow('is a file');
  });

  it('the exports page offers the packets as one ZIP archive, to the organizer only', async () => {
    const admin = await signedIn(t, { role: 'admin' });
    const page = await (await getAs(t, admin, `/organize/${id}/exports`)).text();
    expect(page).toContain(`formaction="/organize/${id}/packets.zip"`);
    const res = await getAs(t, admin, `/organize/${id}/packets.zip?paper=a4`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const entries = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const [house] = districtOf('06511', 'lower');
    expect(Object.keys(entries)).toContain('summary.pdf');
    const packet = entries[`house-district-${house}.pdf`];
    expect(packet).toBeDefined();
    expect(pdfText(packet ?? new Uint8Array()).text).toContain(`2 of your constituents in District ${house} signed`);

    const stranger = await signedIn(t);
    expect((await getAs(t, stranger, `/organize/${id}/packets.zip`)).status).toBe(404);
    expect((await t.app.request(`/organize/${id}/packets.zip`)).status).toBe(303); // to sign in
    const plain = await makePetition(t.deps.db);
    expect((await getAs(t, admin, `/organize/${plain.id}/packets.zip`)).status).toBe(404);
  });
});
