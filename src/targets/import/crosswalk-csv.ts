// Reads a ZIP-to-district crosswalk: the share of each ZIP code's addresses in each district, as HUD's USPS
// crosswalk files give it once their columns are chosen and named zip,chamber,district,share.
import type { Chamber, ImportProblem, Parsed, ZipShareRecord } from '../directory.js';
import { isChamber } from '../directory.js';
import { districtId } from '../district-id.js';
import type { CsvRow, CsvTable } from './csv-table.js';
import { cellOf, readCsvWithColumns } from './csv-table.js';
import { problemList } from './problem-list.js';

export const CROSSWALK_COLUMNS = ['zip', 'chamber', 'district', 'share'] as const;

/** HUD rounds each ratio, so a ZIP's shares may add up to a little over 1 without being wrong. */
export const MAX_SHARES_SUM = 1.001;

const ZIP = /^\d{5}$/;
// A plain decimal (pandas writes small ratios as 1e-05); no hex, no Infinity, no sign.
const SHARE = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

type RowRead = { kind: 'share'; record: ZipShareRecord } | { kind: 'water'; record: ZipShareRecord } | { kind: 'bad' };

interface ZipGroup {
  zip: string;
  chamber: Chamber;
  line: number;
  sum: number;
}

/**
 * Every share of the file, or every problem (up to MAX_PROBLEMS) with its line. Rows for TIGER's water
 * district `ZZZ` are counted in `skipped` and in their ZIP's sum, and not imported.
 */
export function readZipCrosswalk(text: string): Parsed<ZipShareRecord> {
  const read = readCsvWithColumns(text, CROSSWALK_COLUMNS);
  if (!read.ok) return read;
  const { table } = read;
  const problems = problemList();
  const records: ZipShareRecord[] = [];
  let skipped = 0;
  const groups = new Map<string, ZipGroup>();
  const lineOfShare = new Map<string, number>();
  for (const row of table.rows) {
    if (problems.full()) break;
    const found: ImportProblem[] = [];
    const share = readShare(table, row, found);
    for (const problem of found) problems.add(problem.at, problem.key, problem.values);
    if (share.kind === 'bad') continue;
    const { zip, chamber, district } = share.record;
    if (share.kind === 'share') {
      const key = `${zip} ${chamber} ${district}`;
      const first = lineOfShare.get(key);
      if (first !== undefined) {
        problems.add({ line: row.line }, 'targets.problem.duplicateZipDistrict', { zip, district, line: first });
        continue;
      }
      lineOfShare.set(key, row.line);
      records.push(share.record);
    } else {
      skipped += 1;
    }
    const group = groups.get(`${zip} ${chamber}`) ?? { zip, chamber, line: row.line, sum: 0 };
    group.sum += share.record.share;
    groups.set(`${zip} ${chamber}`, group);
  }
  for (const { zip, chamber, line, sum } of groups.values()) {
    if (sum > MAX_SHARES_SUM) {
      problems.add({ line }, 'targets.problem.sharesSum', { zip, chamber, sum: Math.round(sum * 10_000) / 10_000 });
    }
  }
  if (problems.problems.length > 0) return { ok: false, problems: problems.problems.toSorted(byLine) };
  if (records.length === 0) return { ok: false, problems: [{ at: { file: true }, key: 'targets.problem.empty' }] };
  return { ok: true, records, skipped };
}

function readShare(table: CsvTable, row: CsvRow, found: ImportProblem[]): RowRead {
  const get = (column: string) => cellOf(table, row, column);
  const refuse = (key: ImportProblem['key'], values: ImportProblem['values']) =>
    found.push({ at: { line: row.line }, key, values });
  for (const column of CROSSWALK_COLUMNS) {
    if (get(column) === '') refuse('targets.problem.required', { column });
  }
  const zip = get('zip');
  if (zip !== '' && !ZIP.test(zip)) refuse('targets.problem.zip', { value: zip });
  const chamber = get('chamber').toLowerCase();
  if (chamber !== '' && !isChamber(chamber)) refuse('targets.problem.chamber', { value: get('chamber') });
  const rawShare = get('share');
  const share = Number(rawShare);
  if (rawShare !== '' && (!SHARE.test(rawShare) || share > 1)) refuse('targets.problem.share', { value: rawShare });
  if (found.length > 0 || !isChamber(chamber)) return { kind: 'bad' };
  // Required above, so undefined only for the water district.
  const district = districtId(get('district'));
  if (district === undefined) return { kind: 'water', record: { zip, chamber, district: get('district'), share } };
  return { kind: 'share', record: { zip, chamber, district, share } };
}

/** File-wide problems first, then by line; the sort is stable, so a line's problems keep their order. */
function byLine(a: ImportProblem, b: ImportProblem): number {
  return ('line' in a.at ? a.at.line : 0) - ('line' in b.at ? b.at.line : 0);
}
