import { describe, expect, it } from 'vitest';
import { readZipCrosswalk } from './crosswalk-csv.js';

const HEADER = 'zip,chamber,district,share';

function crosswalk(...rows: string[]): string {
  return [HEADER, ...rows].join('\n') + '\n';
}

describe('readZipCrosswalk', () => {
  it("reads each ZIP's shares, keeping the leading zero and skipping TIGER's water", () => {
    const parsed = readZipCrosswalk(
      crosswalk('06106,upper,001,0.75', '06106,upper,002,0.2', '06106,upper,ZZZ,0.05', '06106,lower,7,1'),
    );
    expect(parsed).toEqual({
      ok: true,
      skipped: 1,
      records: [
        { zip: '06106', chamber: 'upper', district: '1', share: 0.75 },
        { zip: '06106', chamber: 'upper', district: '2', share: 0.2 },
        { zip: '06106', chamber: 'lower', district: '7', share: 1 },
      ],
    });
  });

  it('reports every bad value with its line', () => {
    const parsed = readZipCrosswalk(
      crosswalk(
        '6106,upper,1,0.5',
        '06106-1591,upper,1,0.5',
        '06107,senate,1,0.5',
        '06108,lower,,1.5',
        '06109,lower,3,0x1',
        '06110,lower,3,-0.1',
        '06111,lower,3,',
      ),
    );
    expect(!parsed.ok && parsed.problems).toEqual([
      { at: { line: 2 }, key: 'targets.problem.zip', values: { value: '6106' } },
      { at: { line: 3 }, key: 'targets.problem.zip', values: { value: '06106-1591' } },
      { at: { line: 4 }, key: 'targets.problem.chamber', values: { value: 'senate' } },
      { at: { line: 5 }, key: 'targets.problem.required', values: { column: 'district' } },
      { at: { line: 5 }, key: 'targets.problem.share', values: { value: '1.5' } },
      { at: { line: 6 }, key: 'targets.problem.share', values: { value: '0x1' } },
      { at: { line: 7 }, key: 'targets.problem.share', values: { value: '-0.1' } },
      { at: { line: 8 }, key: 'targets.problem.required', values: { column: 'share' } },
    ]);
  });

  it("refuses a ZIP whose shares in one chamber add up to more than 1, at the ZIP's first line", () => {
    const parsed = readZipCrosswalk(
      crosswalk('06106,upper,1,0.6', '06106,lower,1,1', '06106,upper,2,0.3', '06106,upper,ZZZ,0.2', '06105,upper,1,1'),
    );
    expect(!parsed.ok && parsed.problems).toEqual([
      { at: { line: 2 }, key: 'targets.problem.sharesSum', values: { zip: '06106', chamber: 'upper', sum: 1.1 } },
    ]);
  });

  it("lets HUD's rounding pass", () => {
    const parsed = readZipCrosswalk(crosswalk('06106,upper,1,0.3334', '06106,upper,2,0.3334', '06106,upper,3,0.3334'));
    expect(parsed.ok).toBe(true);
  });

  it('refuses the same ZIP and district twice in a chamber, naming the first line', () => {
    const parsed = readZipCrosswalk(crosswalk('06106,upper,1,0.5', '06106,lower,1,0.5', '06106,upper,001,0.5'));
    expect(!parsed.ok && parsed.problems).toEqual([
      {
        at: { line: 4 },
        key: 'targets.problem.duplicateZipDistrict',
        values: { zip: '06106', district: '1', line: 2 },
      },
    ]);
  });

  it('names the missing columns, and calls a file of water alone empty', () => {
    expect(readZipCrosswalk('zip,district\n06106,1\n')).toEqual({
      ok: false,
      problems: [
        { at: { file: true }, key: 'targets.problem.missingColumn', values: { column: 'chamber' } },
        { at: { file: true }, key: 'targets.problem.missingColumn', values: { column: 'share' } },
      ],
    });
    expect(readZipCrosswalk(crosswalk('06106,upper,ZZZ,1'))).toEqual({
      ok: false,
      problems: [{ at: { file: true }, key: 'targets.problem.empty' }],
    });
  });

  it('accepts a header in capitals, in another order, and ratios as pandas writes them', () => {
    const parsed = readZipCrosswalk('SHARE,ZIP,DISTRICT,CHAMBER\r\n1e-05,06106,1,Upper\r\n');
    expect(parsed).toEqual({
      ok: true,
      skipped: 0,
      records: [{ zip: '06106', chamber: 'upper', district: '1', share: 0.00001 }],
    });
  });
});
