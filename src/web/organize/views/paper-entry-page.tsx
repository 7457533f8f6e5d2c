// The data-entry page: one signature sheet at a time, typed from the paper. The sheet number, then one row per line
// of the sheet (name, ZIP code, email if given, language when the petition has several). Keyboard first: the cursor
// starts where typing starts, Tab goes across a row then to the next, Enter sends; empty rows are skipped. Rows with
// problems come back with each problem beside its row and nothing entered; a good sheet is entered at once and the
// page comes back empty for the next sheet.
import { PetitionPageFrame, type PetitionPageBase } from './petition-page-frame.js';

export interface EntryRow {
  name: string;
  postal_code: string;
  email: string;
  language: string;
}

export interface PaperEntryPageProps extends PetitionPageBase {
  /** The petition's languages, default first: a select per row when there are several. */
  locales: readonly string[];
  paperCount: number;
  sheet: string;
  rows: EntryRow[];
  /** Problems by row number (1-based), each a sentence; `sheet` for the sheet number, 0 for the whole form. */
  problems: Map<number | 'sheet', string[]>;
}

export function PaperEntryPage(p: PaperEntryPageProps) {
  const { t } = p;
  const path = `/organize/${p.petitionId}/paper/enter`;
  const sheetProblems = p.problems.get('sheet') ?? [];
  const formProblems = p.problems.get(0) ?? [];
  const problemCount = [...p.problems.values()].reduce((n, list) => n + list.length, 0);
  const firstBadRow = [...p.problems.keys()].find((k): k is number => typeof k === 'number' && k > 0);
  // Where the cursor starts: the sheet number on a fresh page, the first row once the sheet is known, or the first
  // row with a problem.
  const focusRow = firstBadRow ?? (p.sheet === '' || sheetProblems.length > 0 ? undefined : 1);
  const several = p.locales.length > 1;
  return (
    <PetitionPageFrame base={p} pageTitle={t.t('paperEntry.title', { title: p.title })} path={path} current="enter">
      <div class="paper-entry-page">
        {problemCount === 0 ? null : (
          <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
            <p>{t.t('paperEntry.problems', { count: problemCount })}</p>
            <ul>
              {formProblems.map((text) => (
                <li>{text}</li>
              ))}
              {sheetProblems.map((text) => (
                <li>
                  <a href="#sheet">{text}</a>
                </li>
              ))}
              {[...p.problems.entries()]
                .filter((e): e is [number, string[]] => typeof e[0] === 'number' && e[0] > 0)
                .map(([row, list]) =>
                  list.map((text) => (
                    <li>
                      <a href={`#name-${row}`}>{t.t('paperEntry.rowProblem', { row, problem: text })}</a>
                    </li>
                  )),
                )}
            </ul>
          </div>
        )}
        <h1>{t.t('paperEntry.heading')}</h1>
        <p>{t.t('paperEntry.intro', { count: p.paperCount })}</p>
        <form method="post" action={path} accept-charset="utf-8" novalidate autocomplete="off" class="paper-entry">
          <div class={`field sheet-field${sheetProblems.length > 0 ? ' has-error' : ''}`}>
            <label for="sheet">{t.t('paperEntry.sheet')}</label>
            <p class="hint" id="sheet-hint">
              {t.t('paperEntry.sheetHint')}
            </p>
            {sheetProblems.map((text) => (
              <p class="field-error" id="sheet-error">
                {text}
              </p>
            ))}
            <input
              type="text"
              inputmode="numeric"
              id="sheet"
              name="sheet"
              size={8}
              value={p.sheet}
              autofocus={focusRow === undefined}
              aria-invalid={sheetProblems.length > 0 ? 'true' : undefined}
              aria-describedby={sheetProblems.length > 0 ? 'sheet-hint sheet-error' : 'sheet-hint'}
            />
          </div>
          <table class="entry-rows">
            <caption>{t.t('paperEntry.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t.t('paperEntry.line')}</th>
                <th scope="col">{t.t('paperEntry.name')}</th>
                <th scope="col">{t.t('paperEntry.zip')}</th>
                <th scope="col">{t.t('paperEntry.email')}</th>
                {several ? <th scope="col">{t.t('paperEntry.language')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {p.rows.map((row, i) => {
                const n = i + 1;
                const problems = p.problems.get(n) ?? [];
                const invalid = problems.length > 0 ? 'true' : undefined;
                const described = problems.length > 0 ? `row-${n}-error` : undefined;
                const cell = (
                  field: 'name' | 'postal_code' | 'email',
                  label: string,
                  extra: Record<string, string>,
                ) => (
                  <input
                    type={field === 'email' ? 'email' : 'text'}
                    id={`${field === 'postal_code' ? 'zip' : field}-${n}`}
                    name={`${field}_${n}`}
                    value={row[field]}
                    aria-label={t.t('paperEntry.cellLabel', { field: label, line: n })}
                    // The column heads are hidden on a phone, where each line is a card: the field names stay in view.
                    placeholder={label}
                    aria-invalid={invalid}
                    aria-describedby={described}
                    {...extra}
                  />
                );
                return (
                  <>
                    <tr class={problems.length > 0 ? 'has-error' : undefined}>
                      <th scope="row">{n}</th>
                      <td>
                        {cell('name', t.t('paperEntry.name'), {
                          ...(focusRow === n ? { autofocus: 'autofocus' } : {}),
                          autocapitalize: 'words',
                        })}
                      </td>
                      <td>{cell('postal_code', t.t('paperEntry.zip'), { inputmode: 'numeric', size: '7' })}</td>
                      <td>{cell('email', t.t('paperEntry.email'), { dir: 'ltr', inputmode: 'email' })}</td>
                      {several ? (
                        <td>
                          <select
                            name={`language_${n}`}
                            aria-label={t.t('paperEntry.cellLabel', { field: t.t('paperEntry.language'), line: n })}
                          >
                            {p.locales.map((locale) => (
                              <option value={locale} selected={row.language === locale} lang={locale}>
                                {t.languageName(locale)}
                              </option>
                            ))}
                          </select>
                        </td>
                      ) : null}
                    </tr>
                    {problems.length === 0 ? null : (
                      <tr class="row-problems">
                        <td colspan={several ? 5 : 4} id={`row-${n}-error`}>
                          {problems.map((text) => (
                            <p class="field-error">{text}</p>
                          ))}
                        </td>
                      </tr>
                    )}
                  </>
                );
              })}
            </tbody>
          </table>
          <p class="hint">{t.t('paperEntry.emptyRows')}</p>
          <button type="submit" class="button">
            {t.t('paperEntry.enter')}
          </button>
        </form>
        <p>
          <a href={`/organize/${p.petitionId}/paper`}>{t.t('paperEntry.fileLink')}</a>
        </p>
      </div>
    </PetitionPageFrame>
  );
}
