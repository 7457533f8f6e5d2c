// `firma targets import` and `firma districts import | import-zips`: the directory's imports from files, with
// every problem of a bad file printed (and nothing changed), or what changed.
import fs from 'node:fs';
import path from 'node:path';
import { translator } from '../platform/i18n/translator.js';
import { isChamber, type ImportProblem } from './directory.js';
import { describeProblem } from './describe-problem.js';
import { importBoundariesFile, importPeopleFile, importZipsFile } from './import-files.js';
import type { DirectoryDeps, SeatChange } from './import-people.js';

export const DIRECTORY_USAGE = `  targets import --body <slug> [--state XX] [--name NAME] FILE.csv
                               import a body's people from an Open States people CSV; the first
                               import creates the body (--state: its two-letter state, e.g. ct)
  districts import --body <slug> --chamber upper|lower --id-property NAME FILE
                               import a chamber's district boundaries from GeoJSON, TopoJSON or the
                               Census's zipped shapefile (NAME: SLDUST for the Senate, SLDLST for the House)
  districts import-zips --body <slug> FILE.csv
                               import a ZIP-to-district crosswalk (columns zip,chamber,district,share)`;

export interface DirectoryOptions {
  body?: string | undefined;
  state?: string | undefined;
  name?: string | undefined;
  chamber?: string | undefined;
  idProperty?: string | undefined;
}

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

export async function runDirectoryCommand(
  deps: DirectoryDeps,
  command: 'targets' | 'districts',
  args: string[],
  options: DirectoryOptions,
  io: Io,
): Promise<number> {
  const [action, file, ...extra] = args;
  const body = options.body;
  const usage = (problem: string) => {
    io.err(`${problem}\n\n${DIRECTORY_USAGE}`);
    return 2;
  };
  const known = command === 'targets' ? ['import'] : ['import', 'import-zips'];
  if (action === undefined || !known.includes(action)) return usage(`Unknown ${command} action: ${action ?? '(none)'}`);
  if (file === undefined || extra.length > 0) return usage('Give exactly one file.');
  if (body === undefined || !SLUG.test(body)) return usage('--body: a slug of lower-case letters, digits and dashes.');
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    io.err(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`); // fs errors carry a code
    return 1;
  }
  const actor = null;
  if (command === 'targets') {
    const state = (options.state ?? body.slice(0, 2)).toLowerCase();
    if (!/^[a-z]{2}$/.test(state)) return usage('--state: the two-letter state code, e.g. ct.');
    const names = { en: options.name ?? body };
    const result = await importPeopleFile(deps, { bodySlug: body, state, names, file: bytes, actor });
    if (result.kind === 'problems') return printProblems(io, file, result.problems);
    const p = result.people;
    if (p.bodyCreated) io.out(`Created the body ${body} (state ${state}); name it in each language on /admin/targets.`);
    io.out(
      `${body}: ${p.added.length} added, ${p.updated.length} updated, ${p.moved.length} moved to another seat, ` +
        `${p.ended.length} no longer listed (their seats ended today), ${p.unchanged} unchanged.`,
    );
    for (const s of p.added) io.out(`  + ${seat(s)}`);
    for (const s of p.updated) io.out(`  ~ ${seat(s)}`);
    for (const s of p.moved) io.out(`  > ${seat(s)} (was ${seat(s.from)})`);
    for (const s of p.ended) io.out(`  - ${seat(s)}`);
    return 0;
  }
  if (action === 'import-zips') {
    const result = await importZipsFile(deps, { bodySlug: body, file: bytes, actor });
    if (result.kind === 'problems') return printProblems(io, file, result.problems);
    if (result.kind === 'no_body') return noBody(io, body);
    io.out(`${body}: ${result.zips} ZIP codes, ${result.split} split between districts of a chamber.`);
    return 0;
  }
  const chamber = options.chamber;
  if (chamber === undefined || !isChamber(chamber)) return usage('--chamber: upper (the Senate) or lower (the House).');
  const idProperty = options.idProperty;
  if (idProperty === undefined || idProperty.trim() === '')
    return usage('--id-property: the property naming the district.');
  const source = path.basename(file);
  const result = await importBoundariesFile(deps, { bodySlug: body, chamber, idProperty, source, file: bytes, actor });
  if (result.kind === 'problems') return printProblems(io, file, result.problems);
  if (result.kind === 'no_body') return noBody(io, body);
  io.out(
    `${body} ${chamber}: boundary set version ${result.version}, ${result.districts} districts` +
      `${result.skipped ? ` (${result.skipped} without a district, such as water, left out)` : ''}.`,
  );
  if (result.withoutPeople.length > 0) io.out(`  Districts nobody holds: ${result.withoutPeople.join(', ')}`);
  if (result.withoutBoundary.length > 0)
    io.out(`  Seats with no district in the file: ${result.withoutBoundary.join(', ')}`);
  return 0;
}

function seat(s: SeatChange): string {
  return `${s.name} (${s.chamber} ${s.district})`;
}

function printProblems(io: Io, file: string, problems: ImportProblem[]): number {
  const t = translator('en');
  io.err(`${file}: nothing was imported; ${problems.length} problem(s):`);
  for (const problem of problems) io.err(`  ${describeProblem(t, problem)}`);
  return 1;
}

function noBody(io: Io, body: string): number {
  io.err(`There is no body ${body}: import its people first (firma targets import --body ${body} FILE.csv).`);
  return 1;
}
