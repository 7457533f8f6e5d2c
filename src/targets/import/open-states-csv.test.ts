import { describe, expect, it } from 'vitest';
import { MAX_PROBLEMS } from './problem-list.js';
import { OPEN_STATES_PEOPLE_COLUMNS, readOpenStatesPeople } from './open-states-csv.js';

const OPEN_STATES_COLUMNS: string[] = [...OPEN_STATES_PEOPLE_COLUMNS];

/** One CSV record, quoted as Python's csv module quotes (only where needed). */
function csvRecord(values: string[]): string {
  return values.map((value) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value)).join(',');
}

function csvFile(rows: Record<string, string>[], columns = OPEN_STATES_COLUMNS, newline = '\n'): string {
  const lines = [csvRecord(columns), ...rows.map((row) => csvRecord(columns.map((column) => row[column] ?? '')))];
  return lines.join(newline) + newline;
}

const SENATOR = {
  id: 'ocd-person/5c2a4f0e-1111-4a6e-9c51-3d1f0a7b2c01',
  name: 'Ana Ruiz',
  current_party: 'Democratic',
  current_district: '11',
  current_chamber: 'upper',
  given_name: 'Ana',
  family_name: 'Ruiz',
  gender: 'Female',
  email: 'Ana.Ruiz@cga.ct.gov',
  image: 'https://www.cga.ct.gov/images/senators/ruiz.jpg',
  links: 'https://www.cga.ct.gov/asp/menu/sendist.asp?S11; https://example.org/ruiz ;',
  sources: 'https://www.cga.ct.gov/',
  capitol_address: 'Legislative Office Building, Room 3000\nHartford, CT 06106',
  capitol_voice: '860-240-8600',
  district_voice: '203-555-0111',
  twitter: 'SenRuiz',
};

const REPRESENTATIVE = {
  id: 'ocd-person/7d3b5e1f-2222-4b7f-8d62-4e2a1b8c3d02',
  name: 'Thomas "Tom" Kelly',
  current_party: 'Republican',
  current_district: '005',
  current_chamber: 'lower',
  capitol_address: 'Legislative Office Building\nRoom 4200\nHartford, CT 06106-1591',
  district_address: '12 Main St., Apt. 3\nSomers, CT 06071',
};

const BAD_CHAMBER = {
  id: 'ocd-person/8e4c6f20-3333-4c80-9e73-5f3b2c9d4e03',
  name: 'Lee Chen',
  current_party: 'Democratic',
  current_district: '7',
  current_chamber: 'legislature',
  email: 'lee.chen at cga.ct.gov',
};

const NO_DISTRICT = {
  id: 'ocd-person/9f5d7031-4444-4d91-8f84-603c3dae5f04',
  name: 'Pat Moreno',
  current_party: 'Democratic',
  current_district: '',
  current_chamber: 'lower',
};

// Lines: 1 header, 2–3 the senator (a two-line address), 4–7 the representative (two addresses), 8, 9, then
// the same senator again at 10.
const CT_SAMPLE = [SENATOR, REPRESENTATIVE, BAD_CHAMBER, NO_DISTRICT, { ...SENATOR, name: 'Ana M. Ruiz' }];

describe('readOpenStatesPeople', () => {
  it('reads good rows of a published file, addresses with commas and line breaks intact', () => {
    const parsed = readOpenStatesPeople('\uFEFF' + csvFile([SENATOR, REPRESENTATIVE]));
    expect(parsed).toEqual({
      ok: true,
      skipped: 0,
      records: [
        {
          sourceId: SENATOR.id,
          name: 'Ana Ruiz',
          party: 'Democratic',
          chamber: 'upper',
          district: '11',
          email: 'Ana.Ruiz@cga.ct.gov',
          phone: '860-240-8600',
          districtPhone: '203-555-0111',
          address: 'Legislative Office Building, Room 3000\nHartford, CT 06106',
          imageUrl: 'https://www.cga.ct.gov/images/senators/ruiz.jpg',
          links: ['https://www.cga.ct.gov/asp/menu/sendist.asp?S11', 'https://example.org/ruiz'],
        },
        {
          sourceId: REPRESENTATIVE.id,
          name: 'Thomas "Tom" Kelly',
          party: 'Republican',
          chamber: 'lower',
          district: '5',
          email: null,
          phone: null,
          districtPhone: null,
          address: 'Legislative Office Building\nRoom 4200\nHartford, CT 06106-1591',
          imageUrl: null,
          links: [],
        },
      ],
    });
  });

  it.each([
    ['LF', '\n', '\n'],
    ['CRLF between records, as Python writes it', '\r\n', '\n'],
    ['CRLF inside quoted values too', '\r\n', '\r\n'],
  ])('reports every problem of every row at the line the row starts on (%s)', (_name, newline, inValues) => {
    const rows = CT_SAMPLE.map((row) =>
      Object.fromEntries(Object.entries(row).map(([column, value]) => [column, value.replaceAll('\n', inValues)])),
    );
    const parsed = readOpenStatesPeople(csvFile(rows, OPEN_STATES_COLUMNS, newline));
    expect(parsed).toEqual({
      ok: false,
      problems: [
        { at: { line: 8 }, key: 'targets.problem.chamber', values: { value: 'legislature' } },
        { at: { line: 8 }, key: 'targets.problem.email', values: { value: 'lee.chen at cga.ct.gov' } },
        { at: { line: 9 }, key: 'targets.problem.required', values: { column: 'current_district' } },
        { at: { line: 10 }, key: 'targets.problem.duplicatePerson', values: { id: SENATOR.id, line: 2 } },
      ],
    });
  });

  it('reads the columns in any order, without the ones it does not use', () => {
    const columns = ['current_chamber', 'name', 'current_district', 'id'];
    const parsed = readOpenStatesPeople(csvFile([REPRESENTATIVE], columns));
    expect(parsed.ok && parsed.records[0]).toMatchObject({ sourceId: REPRESENTATIVE.id, district: '5', party: '' });
  });

  it('accepts several people in one seat: New Hampshire elects several representatives per district', () => {
    const second = { ...REPRESENTATIVE, id: 'ocd-person/other', name: 'Jo Smith' };
    const parsed = readOpenStatesPeople(csvFile([REPRESENTATIVE, second]));
    expect(parsed.ok && parsed.records.map((person) => person.name)).toEqual(['Thomas "Tom" Kelly', 'Jo Smith']);
  });

  it('refuses a picture or link that is not a web address, and TIGER water as a district', () => {
    const row = {
      ...SENATOR,
      current_district: 'ZZZ',
      image: 'ftp://example.org/a.jpg',
      links: 'https://example.org;javascript:alert(1)',
    };
    const parsed = readOpenStatesPeople(csvFile([row]));
    expect(!parsed.ok && parsed.problems).toEqual([
      { at: { line: 2 }, key: 'targets.problem.district', values: { value: 'ZZZ' } },
      { at: { line: 2 }, key: 'targets.problem.url', values: { value: 'ftp://example.org/a.jpg' } },
      { at: { line: 2 }, key: 'targets.problem.url', values: { value: 'javascript:alert(1)' } },
    ]);
  });

  it('names each required column the header lacks', () => {
    const parsed = readOpenStatesPeople(csvFile([SENATOR], ['id', 'name', 'current_party']));
    expect(!parsed.ok && parsed.problems).toEqual([
      { at: { file: true }, key: 'targets.problem.missingColumn', values: { column: 'current_district' } },
      { at: { file: true }, key: 'targets.problem.missingColumn', values: { column: 'current_chamber' } },
    ]);
  });

  it.each([
    ['an empty file', ''],
    ['a header alone', csvFile([])],
    ['blank lines', '\n\n'],
  ])('calls %s empty', (_name, text) => {
    expect(readOpenStatesPeople(text)).toEqual({
      ok: false,
      problems: [{ at: { file: true }, key: 'targets.problem.empty' }],
    });
  });

  it('calls a quote never closed unreadable, at the line of the record it opens', () => {
    const text = csvFile([SENATOR, REPRESENTATIVE]) + 'ocd-person/x,"Broken,5,upper\nmore,lines\n';
    expect(readOpenStatesPeople(text)).toEqual({
      ok: false,
      problems: [
        {
          at: { line: 8 },
          key: 'targets.problem.unreadable',
          values: { detail: 'a quoted value is never closed, line 8' },
        },
      ],
    });
  });

  it('calls a row with more values than the header unreadable', () => {
    const parsed = readOpenStatesPeople('id,name,current_district,current_chamber\na,b,1,upper\nc,d,2,lower,extra\n');
    expect(!parsed.ok && parsed.problems[0]).toMatchObject({ at: { line: 3 }, key: 'targets.problem.unreadable' });
  });

  it(`stops at ${MAX_PROBLEMS} problems in a file wrong on every line`, () => {
    const rows = Array.from({ length: 500 }, (_, index) => ({ ...BAD_CHAMBER, id: `ocd-person/${index}` }));
    const parsed = readOpenStatesPeople(csvFile(rows));
    expect(!parsed.ok && parsed.problems.length).toBe(MAX_PROBLEMS);
    expect(!parsed.ok && parsed.problems.at(-1)?.at).toEqual({ line: 101 });
  });
});
