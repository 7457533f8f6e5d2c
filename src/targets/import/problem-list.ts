// The problems an importer finds, kept in file order up to a cap: an admin fixes a broken file from the
// first screenful, and a file broken on every line (a projected shapefile, the wrong CSV) must not build a
// list as long as itself.
import type { ImportProblem, ImportProblemKey, ProblemPlace } from '../directory.js';

/** At most this many problems are reported for one file; the rest are not looked for. */
export const MAX_PROBLEMS = 200;

export interface ProblemList {
  readonly problems: ImportProblem[];
  add(at: ProblemPlace, key: ImportProblemKey, values?: ImportProblem['values']): void;
  /** True once the cap is reached: a reader stops looking. */
  full(): boolean;
}

export function problemList(max = MAX_PROBLEMS): ProblemList {
  const problems: ImportProblem[] = [];
  return {
    problems,
    add(at, key, values) {
      if (problems.length >= max) return;
      problems.push(values === undefined ? { at, key } : { at, key, values });
    },
    full: () => problems.length >= max,
  };
}
