// An import problem in words, in the reader's language: where it is (line, feature) and what is wrong.
import type { MessageKey, Translator } from '../platform/i18n/translator.js';
import type { ImportProblem } from './directory.js';

export function describeProblem(t: Translator, problem: ImportProblem): string {
  // Every key of IMPORT_PROBLEM_KEYS is in the catalogs (the catalog test checks it).
  const what = t.t(problem.key as MessageKey, problem.values);
  const at = problem.at;
  if ('line' in at) return t.t('targets.problem.atLine', { line: at.line, problem: what });
  if ('feature' in at) return t.t('targets.problem.atFeature', { feature: at.feature, problem: what });
  return what;
}
