// Reads the people of a legislature from Open States' per-state "Legislators CSV"
// (https://open.pluralpolicy.com/data/), checking every row before any is imported.
import { emailAddressSchema } from '../../platform/email-address.js';
import type { ImportProblem, Parsed, PersonRecord } from '../directory.js';
import { isChamber } from '../directory.js';
import { districtId } from '../district-id.js';
import type { CsvRow, CsvTable } from './csv-table.js';
import { cellOf, readCsvWithColumns } from './csv-table.js';
import type { ProblemList } from './problem-list.js';
import { problemList } from './problem-list.js';

/** The columns without which no person can be placed in a seat; the file's other columns may be absent. */
/** The columns of Open States' people CSV, in the order it publishes them (Firma reads a few, in any order). */
export const OPEN_STATES_PEOPLE_COLUMNS = [
  'id',
  'name',
  'current_party',
  'current_district',
  'current_chamber',
  'given_name',
  'family_name',
  'gender',
  'email',
  'biography',
  'birth_date',
  'death_date',
  'image',
  'links',
  'sources',
  'capitol_address',
  'capitol_voice',
  'capitol_fax',
  'district_address',
  'district_voice',
  'district_fax',
  'twitter',
  'youtube',
  'instagram',
  'facebook',
  'wikidata',
] as const;

export const REQUIRED_PEOPLE_COLUMNS = ['id', 'name', 'current_district', 'current_chamber'] as const;

/**
 * Every person of the file, or every problem (up to MAX_PROBLEMS) with its line. Several people may hold
 * one seat: New Hampshire and Vermont elect several representatives in one district.
 */
export function readOpenStatesPeople(text: string): Parsed<PersonRecord> {
  const read = readCsvWithColumns(text, REQUIRED_PEOPLE_COLUMNS);
  if (!read.ok) return read;
  const { table } = read;
  const problems = problemList();
  const records: PersonRecord[] = [];
  const lineOfId = new Map<string, number>();
  for (const row of table.rows) {
    if (problems.full()) break;
    const person = readPerson(table, row, problems);
    const id = cellOf(table, row, 'id');
    const first = lineOfId.get(id);
    if (id !== '' && first !== undefined) {
      problems.add({ line: row.line }, 'targets.problem.duplicatePerson', { id, line: first });
    } else if (id !== '') {
      lineOfId.set(id, row.line);
    }
    if (person !== undefined) records.push(person);
  }
  if (problems.problems.length > 0) return { ok: false, problems: problems.problems };
  return { ok: true, records, skipped: 0 };
}

/** The row's person, or undefined after adding the row's problems. */
function readPerson(table: CsvTable, row: CsvRow, problems: ProblemList): PersonRecord | undefined {
  const get = (column: string) => cellOf(table, row, column);
  const found: ImportProblem[] = [];
  const refuse = (key: ImportProblem['key'], values: ImportProblem['values']) =>
    found.push({ at: { line: row.line }, key, values });
  for (const column of REQUIRED_PEOPLE_COLUMNS) {
    if (get(column) === '') refuse('targets.problem.required', { column });
  }
  const chamber = get('current_chamber').toLowerCase();
  if (chamber !== '' && !isChamber(chamber)) refuse('targets.problem.chamber', { value: get('current_chamber') });
  const rawDistrict = get('current_district');
  const district = districtId(rawDistrict);
  if (rawDistrict !== '' && district === undefined) refuse('targets.problem.district', { value: rawDistrict });
  const email = optional(get('email'));
  const checkedEmail = email === null ? undefined : emailAddressSchema.safeParse(email);
  if (checkedEmail?.success === false) refuse('targets.problem.email', { value: get('email') });
  const imageUrl = optional(get('image'));
  if (imageUrl !== null && !isWebUrl(imageUrl)) refuse('targets.problem.url', { value: imageUrl });
  const links = get('links')
    .split(';')
    .map((link) => link.trim())
    .filter((link) => link !== '');
  for (const link of links.filter((link) => !isWebUrl(link))) refuse('targets.problem.url', { value: link });
  for (const problem of found) problems.add(problem.at, problem.key, problem.values);
  if (found.length > 0 || !isChamber(chamber) || district === undefined) return undefined;
  return {
    sourceId: get('id'),
    name: get('name'),
    party: get('current_party'),
    chamber,
    district,
    email: checkedEmail?.success === true ? checkedEmail.data : null,
    phone: optional(get('capitol_voice')),
    districtPhone: optional(get('district_voice')),
    address: optional(get('capitol_address')),
    imageUrl,
    links,
  };
}

function optional(value: string): string | null {
  return value === '' ? null : value;
}

/** An absolute http(s) address: a page or picture a browser may open, never `javascript:` or `file:`. */
export function isWebUrl(value: string): boolean {
  const url = URL.parse(value);
  return url !== null && (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
}
