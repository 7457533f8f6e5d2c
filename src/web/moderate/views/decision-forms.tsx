// The moderator's forms for one petition (approve, reject, hide, restore), shared by the queue and the panel.
import type { Translator } from '../../../platform/i18n/translator.js';
import { describedBy, Field, type Errors } from '../../views/form-parts.js';
import { NOTE_MAX } from '../../../moderation/decision-form.js';
import { labelIn, type ModerationReason } from '../../../moderation/reasons-store.js';
import type { QueuedPetition } from '../../../moderation/review-store.js';

/** Where the moderator goes after acting: a view of the queue, or the petition's panel. */
export type BackTo = 'new' | 'reported' | 'overdue' | 'panel';

export interface DecisionFormsProps {
  t: Translator;
  petition: QueuedPetition;
  /** Active reasons, in order. */
  reasons: ModerationReason[];
  values: Record<string, string>;
  errors: Errors;
  back: BackTo;
  /** The queue page the forms are on, to come back to it (1 or absent: the first). */
  backPage?: number | undefined;
}

/** The hidden fields that say where the moderator goes after acting. */
export function BackFields({ back, page }: { back: BackTo; page?: number | undefined }) {
  return (
    <>
      <input type="hidden" name="back" value={back} />
      {page === undefined || page <= 1 || back === 'panel' ? null : (
        <input type="hidden" name="page" value={String(page)} />
      )}
    </>
  );
}

function ReasonAndNote(p: DecisionFormsProps & { prefix: string; noteLabel: string }) {
  const reasonId = `${p.prefix}-reason`;
  const noteId = `${p.prefix}-note`;
  const chosen = p.values[reasonId] ?? '';
  return (
    <>
      <Field t={p.t} id={reasonId} label={p.t.t('moderation.form.reason')} errors={p.errors}>
        <select
          id={reasonId}
          name="reason"
          aria-invalid={p.errors[reasonId] === undefined ? undefined : 'true'}
          aria-describedby={describedBy(reasonId, p.errors, false)}
        >
          <option value="">{p.t.t('moderation.form.chooseReason')}</option>
          {p.reasons.map((r) => (
            <option value={r.code} selected={r.code === chosen}>
              {labelIn(r.labels, p.t.locale)}
            </option>
          ))}
        </select>
      </Field>
      <Field t={p.t} id={noteId} label={p.noteLabel} hint={p.t.t('moderation.form.noteHint')} errors={p.errors}>
        <textarea
          id={noteId}
          name="note"
          rows={3}
          maxlength={NOTE_MAX}
          aria-invalid={p.errors[noteId] === undefined ? undefined : 'true'}
          aria-describedby={describedBy(noteId, p.errors, true)}
        >
          {p.values[noteId] ?? ''}
        </textarea>
      </Field>
    </>
  );
}

/** The prefix of a form's field ids: unique on a page that lists several petitions. */
export function fieldPrefix(decision: 'reject' | 'hide', petitionId: number): string {
  return `${decision}-${petitionId}`;
}

export function DecisionForms(p: DecisionFormsProps) {
  const { t, petition } = p;
  const action = (decision: string) => `/moderate/petitions/${petition.id}/${decision}`;
  const back = <BackFields back={p.back} page={p.backPage} />;
  const awaiting = petition.moderation === 'held' || petition.moderation === 'unreviewed';
  const hideable =
    petition.hiddenAt === null && (petition.moderation === 'unreviewed' || petition.moderation === 'approved');
  return (
    <div class="decision-forms">
      {awaiting || petition.moderation === 'rejected' ? (
        <form method="post" action={action('approve')} class="decision approve">
          {back}
          {petition.personalDataErasedAt === null ? null : (
            <p class="hint" id={`approve-${petition.id}-erased`}>
              {t.t('moderation.erased', { date: t.date(petition.personalDataErasedAt) })}
            </p>
          )}
          <button
            type="submit"
            aria-describedby={petition.personalDataErasedAt === null ? undefined : `approve-${petition.id}-erased`}
          >
            {t.t('moderation.approve')}
          </button>
        </form>
      ) : null}
      {awaiting ? (
        <form method="post" action={action('reject')} class="decision reject" accept-charset="utf-8">
          {back}
          <fieldset>
            <legend>{t.t('moderation.reject')}</legend>
            <ReasonAndNote {...p} prefix={fieldPrefix('reject', petition.id)} noteLabel={t.t('moderation.form.note')} />
            <button type="submit">{t.t('moderation.reject')}</button>
          </fieldset>
        </form>
      ) : null}
      {hideable ? (
        <form method="post" action={action('hide')} class="decision hide" accept-charset="utf-8">
          {back}
          <fieldset>
            <legend>{t.t('moderation.hide')}</legend>
            <ReasonAndNote {...p} prefix={fieldPrefix('hide', petition.id)} noteLabel={t.t('moderation.form.note')} />
            <button type="submit">{t.t('moderation.hide')}</button>
          </fieldset>
        </form>
      ) : null}
      {petition.hiddenAt === null ? null : (
        <form method="post" action={action('restore')} class="decision restore">
          {back}
          <button type="submit">{t.t('moderation.restore')}</button>
        </form>
      )}
    </div>
  );
}
