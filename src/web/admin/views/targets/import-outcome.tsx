// What an import did, shown above the forms: every problem of a bad file (nothing was imported), or what changed.
import type { Translator } from '../../../../platform/i18n/translator.js';
import type { ImportProblem } from '../../../../targets/directory.js';
import { describeProblem } from '../../../../targets/describe-problem.js';
import type { PeopleImported, SeatChange } from '../../../../targets/import-people.js';

export type ImportOutcome =
  | { kind: 'problems'; problems: ImportProblem[] }
  | { kind: 'people'; people: PeopleImported }
  | { kind: 'districts'; version: number; districts: number; withoutPeople: string[]; withoutBoundary: string[] }
  | { kind: 'zips'; zips: number; split: number };

export function ImportOutcomeView({ t, outcome }: { t: Translator; outcome: ImportOutcome | undefined }) {
  if (outcome === undefined) return null;
  if (outcome.kind === 'problems')
    return (
      <div class="error-summary" role="alert" tabindex={-1} id="import-problems">
        <h2>{t.t('targets.problems.heading', { count: outcome.problems.length })}</h2>
        <ul>
          {outcome.problems.map((problem) => (
            <li>{describeProblem(t, problem)}</li>
          ))}
        </ul>
      </div>
    );
  return (
    <div class="notice" role="status">
      <OutcomeText t={t} outcome={outcome} />
    </div>
  );
}

function OutcomeText({ t, outcome }: { t: Translator; outcome: Exclude<ImportOutcome, { kind: 'problems' }> }) {
  if (outcome.kind === 'zips')
    return <p>{t.t('targets.imported.zips', { zips: outcome.zips, split: outcome.split })}</p>;
  if (outcome.kind === 'districts')
    return (
      <>
        <p>{t.t('targets.imported.districts', { version: outcome.version, districts: outcome.districts })}</p>
        {outcome.withoutPeople.length === 0 ? null : (
          <p>{t.t('targets.imported.withoutPeople', { list: t.list(outcome.withoutPeople) })}</p>
        )}
        {outcome.withoutBoundary.length === 0 ? null : (
          <p>{t.t('targets.imported.withoutBoundary', { list: t.list(outcome.withoutBoundary) })}</p>
        )}
      </>
    );
  const p = outcome.people;
  const groups: [string, SeatChange[]][] = [
    [t.t('targets.change.added'), p.added],
    [t.t('targets.change.updated'), p.updated],
    [t.t('targets.change.moved'), p.moved],
    [t.t('targets.change.ended'), p.ended],
  ];
  return (
    <>
      <p>
        {t.t('targets.imported.people', {
          added: p.added.length,
          updated: p.updated.length,
          moved: p.moved.length,
          ended: p.ended.length,
          unchanged: p.unchanged,
        })}
      </p>
      {groups
        .filter(([, changes]) => changes.length > 0)
        .map(([label, changes]) => (
          <details>
            <summary>
              {label} ({t.number(changes.length)})
            </summary>
            <ul>
              {changes.map((s) => (
                <li>
                  {s.name}, {t.t(`targets.chamber.${s.chamber}`)} {s.district}
                </li>
              ))}
            </ul>
          </details>
        ))}
    </>
  );
}
