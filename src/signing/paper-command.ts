// `firma import signatures --petition <slug> FILE.csv`: paper signatures from a CSV file (paper-signatures.ts), with
// a report of every bad row; nothing is entered unless every row is good. Exit 0 when entered, 1 when the file has
// problems (or the petition takes no signatures), 2 for a usage mistake.
import { readFile } from 'node:fs/promises';
import { translator } from '../platform/i18n/translator.js';
import type { Petition } from '../petitions/petition.js';
import { importPaperSignatures, PAPER_COLUMNS, type PaperDeps, type PaperProblem } from './paper-signatures.js';

export const PAPER_USAGE = `  import signatures --petition <slug> FILE.csv
                               enter paper signatures: one row per line of a signature sheet, with the columns
                               ${PAPER_COLUMNS.join(', ')}, and optionally email, comment, language;
                               every bad row is listed and nothing is entered until all are good`;

export interface CommandOutput {
  out(line: string): void;
  err(line: string): void;
}

/** One problem as the report says it, in English (the command's language) or the page's. */
export function describeProblem(t: ReturnType<typeof translator>, problem: PaperProblem): string {
  const text = t.t(problem.key, problem.params);
  return problem.line === undefined ? text : t.t('paper.problem.at', { line: problem.line, problem: text });
}

export async function runPaperImportCommand(
  deps: PaperDeps & { petitionBySlug(slug: string): Promise<Petition | undefined> },
  args: readonly string[],
  options: { petition?: string | undefined },
  io: CommandOutput,
): Promise<number> {
  const [what, file] = args;
  if (what !== 'signatures' || file === undefined || options.petition === undefined) {
    io.err(`Usage:\n${PAPER_USAGE}`);
    return 2;
  }
  const petition = await deps.petitionBySlug(options.petition);
  if (petition === undefined) {
    io.err(`No petition has the address ${options.petition}.`);
    return 2;
  }
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    io.err(`Cannot read ${file}: ${err.code ?? err.message}`);
    return undefined;
  });
  if (text === undefined) return 2;
  const t = translator('en');
  const outcome = await importPaperSignatures(deps, petition, text, null);
  if (outcome.kind === 'closed') {
    io.err(t.t('paper.closed'));
    return 1;
  }
  if (outcome.kind === 'invalid') {
    io.err(t.t('paper.invalid'));
    for (const problem of outcome.problems) io.err(`  ${describeProblem(t, problem)}`);
    return 1;
  }
  io.out(t.t('paper.imported', { count: outcome.count, sheets: outcome.sheets, emailed: outcome.emailed }));
  return 0;
}
