// The organizer's page for signatures gathered on paper: how many so far, where to print sheets, and a CSV upload
// that is checked first — every bad row listed — and entered only when the organizer accepts the rows it shows.
import { roleMay } from '../../../teams/team-role.js';
import { Layout, languageSwitchHref } from '../../views/layout.js';
import { PAPER_COLUMNS } from '../../../signing/paper-signatures.js';
import { PetitionNav } from './petition-nav.js';
import type { PetitionPageBase } from './petition-page-frame.js';

export interface PaperPageProps extends PetitionPageBase {
  paperCount: number;
  maxRows: number;
  /** The problems of the file just checked, each a sentence with its line. */
  problems?: string[] | undefined;
  /** A file whose rows are all good: its text, to be accepted, and what it holds. */
  ready?: { text: string; count: number; sheets: number } | undefined;
  /** The page's form could not be read (no file chosen). */
  noFile?: boolean;
}

export function PaperPage(p: PaperPageProps) {
  const { t } = p;
  const base = `/organize/${p.petitionId}/paper`;
  const problems = p.problems ?? [];
  return (
    <Layout t={t} title={t.t('paper.title', { title: p.title })} switchHref={(l) => languageSwitchHref(l, base)}>
      <PetitionNav
        t={t}
        petitionId={p.petitionId}
        role={p.role}
        slug={p.slug}
        current="paper"
        previewHref={p.previewHref}
      />
      {p.notice === undefined ? null : (
        <p class="flash" role="status">
          {p.notice}
        </p>
      )}
      <div class="paper-page">
        {problems.length === 0 && p.noFile !== true ? null : (
          <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
            <p>{p.noFile === true ? t.t('paper.error.noFile') : t.t('paper.invalid')}</p>
            {problems.length === 0 ? null : (
              <ul class="paper-problems">
                {problems.map((line) => (
                  <li>{line}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <h1>{t.t('paper.heading')}</h1>
        <p>{t.t('paper.count', { count: p.paperCount })}</p>
        <p>
          {t.t('paper.intro', { columns: PAPER_COLUMNS.join(', ') })}{' '}
          {roleMay(p.role, 'manage') ? (
            <a href={`/organize/${p.petitionId}/exports#sheets`}>{t.t('paper.sheetsLink')}</a>
          ) : null}
        </p>
        {p.ready === undefined ? null : (
          <form method="post" action={`${base}/accept`} enctype="multipart/form-data" class="paper-accept">
            <p class="ready" role="status">
              {t.t('paper.ready', { count: p.ready.count, sheets: p.ready.sheets })}
            </p>
            <input type="hidden" name="csv" value={p.ready.text} />
            <button type="submit" class="button">
              {t.t('paper.accept', { count: p.ready.count })}
            </button>
          </form>
        )}
        <form method="post" action={base} enctype="multipart/form-data" class="paper-upload">
          <div class={`field${p.noFile === true ? ' has-error' : ''}`}>
            <label for="csv">{t.t('paper.file')}</label>
            <p class="hint" id="csv-hint">
              {t.t('paper.fileHint', { max: p.maxRows })}
            </p>
            <input type="file" id="csv" name="csv" accept=".csv,text/csv" aria-describedby="csv-hint" />
          </div>
          <button type="submit" class={p.ready === undefined ? 'button' : 'secondary'}>
            {t.t('paper.check')}
          </button>
        </form>
      </div>
    </Layout>
  );
}
