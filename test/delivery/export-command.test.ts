import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportUsageError, type ExportArgs } from '../../src/delivery/export-command.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition, makeSignature } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';
import { csvRecords, pdfText, runExportOn } from './exports-support.js';

describe.each(enginesToTest())('firma export on $name', (engine) => {
  const t = useTestApp(engine);
  let slug: string;
  let dir: string;
  let progress: string;

  const run = (args: Partial<ExportArgs>) =>
    runExportOn(t, { petition: slug, ...args }, (text) => {
      progress += text;
    });

  beforeEach(async () => {
    let id: number;
    ({ id, slug } = await makePetition(t.deps.db));
    for (let i = 0; i < 12; i += 1)
      await makeSignature(t.deps.db, id, { name: `Lucía Peña ${i}`, town: i % 2 === 0 ? 'Hartford' : 'Bristol' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firma-export-'));
    progress = '';
  });
  afterEach(async () => {
    if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes the CSV to a file with the filters, prints plain progress lines when not on a terminal, and is audited', async () => {
    const out = path.join(dir, 'out.csv');
    await run({ format: 'csv', out, town: 'Hartford' });
    const rows = csvRecords(fs.readFileSync(out, 'utf8'));
    expect(rows).toHaveLength(6);
    expect(rows[0]?.['name']).toBe('Lucía Peña 0');
    expect(progress).toContain('CSV: 6/6 (100%)');
    expect(progress).not.toContain('\r');
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: null, action: 'export.csv' });
    expect(JSON.parse(audit[0]?.details ?? '{}')).toEqual({
      via: 'cli',
      filters: { status: 'confirmed', town: 'Hartford' },
    });
  });

  it('writes the packet, summary only on A4 when asked', async () => {
    const out = path.join(dir, 'packet.pdf');
    await run({ format: 'pdf', out, paper: 'a4', summaryOnly: true });
    const { text, pages } = pdfText(fs.readFileSync(out));
    expect(pages).toBe(3);
    expect(text).toContain('12 confirmed signatures');
    expect(text).toContain('https://firma.example/en/p/');
  });

  it('refuses bad arguments with a clear message', async () => {
    await expect(run({ format: 'xls' })).rejects.toThrow(ExportUsageError);
    await expect(run({ petition: 'no-such-petition' })).rejects.toThrow('no petition with the slug "no-such-petition"');
    await expect(run({ from: '2026-02-31' })).rejects.toThrow('--from: Enter a date as year-month-day');
    await expect(run({ format: 'pdf', paper: 'legal' })).rejects.toThrow('--paper must be letter or a4');
  });
});
