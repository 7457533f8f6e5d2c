// An imported file, from its bytes to the directory: read and checked by its reader, then imported in one
// transaction only when every row or feature is good. The command line and the admin page both call these.
import type { User } from '../accounts/user.js';
import type { Chamber, ImportProblem } from './directory.js';
import { readBoundaries } from './import/boundaries.js';
import { readZipCrosswalk } from './import/crosswalk-csv.js';
import { readOpenStatesPeople } from './import/open-states-csv.js';
import { importBoundaries, type BoundariesImported } from './import-boundaries.js';
import { importPeople, type DirectoryDeps, type PeopleImported } from './import-people.js';
import { importZipCrosswalk, type ZipsImported } from './import-zips.js';

export type FileImported<T> = { kind: 'problems'; problems: ImportProblem[] } | T;

const decoder = new TextDecoder('utf-8');

export async function importPeopleFile(
  deps: DirectoryDeps,
  input: { bodySlug: string; state: string; names: Record<string, string>; file: Uint8Array; actor: User | null },
): Promise<FileImported<{ kind: 'imported'; people: PeopleImported }>> {
  const parsed = readOpenStatesPeople(decoder.decode(input.file));
  if (!parsed.ok) return { kind: 'problems', problems: parsed.problems };
  const people = await importPeople(deps, { ...input, records: parsed.records });
  return { kind: 'imported', people };
}

export async function importBoundariesFile(
  deps: DirectoryDeps,
  input: {
    bodySlug: string;
    chamber: Chamber;
    idProperty: string;
    source: string;
    file: Uint8Array;
    actor: User | null;
  },
): Promise<FileImported<BoundariesImported & { skipped?: number }>> {
  const parsed = await readBoundaries(input.file, input.idProperty);
  if (!parsed.ok) return { kind: 'problems', problems: parsed.problems };
  const result = await importBoundaries(deps, { ...input, records: parsed.records });
  return result.kind === 'imported' ? { ...result, skipped: parsed.skipped } : result;
}

export async function importZipsFile(
  deps: DirectoryDeps,
  input: { bodySlug: string; file: Uint8Array; actor: User | null },
): Promise<FileImported<ZipsImported>> {
  const parsed = readZipCrosswalk(decoder.decode(input.file));
  if (!parsed.ok) return { kind: 'problems', problems: parsed.problems };
  return importZipCrosswalk(deps, { ...input, records: parsed.records });
}
