// The admin page for deletion requests: find signatures by email address, then erase them all with a note.
import type { User } from '../../../accounts/user.js';
import type { Translator } from '../../../platform/i18n/translator.js';
import { describedBy, ErrorList, Field, type Errors } from '../../views/form-parts.js';
import { languageSwitchHref, Layout } from '../../views/layout.js';
import { NOTE_MAX, type SignedPetition } from '../../../privacy/deletion-request.js';

export interface DeletionRequestPageProps {
  t: Translator;
  user: User;
  /** The address as typed (kept in the forms between the two steps, never in a URL). */
  email: string;
  note: string;
  /** Undefined before a search. */
  found: SignedPetition[] | undefined;
  errors: Errors;
  /** How many signatures the last erasure deleted. */
  erased: number | undefined;
}

const PETITION_STATUSES = ['draft', 'open', 'closed'] as const;
const SIGNATURE_STATUSES = ['confirmed', 'pending', 'invalidated'] as const;

function petitionStatus(t: Translator, status: string): string {
  const known = PETITION_STATUSES.find((s) => s === status);
  return known === undefined ? status : t.t(`privacyAdmin.petitionStatus.${known}`);
}

function signatureStatus(t: Translator, status: string): string {
  const known = SIGNATURE_STATUSES.find((s) => s === status);
  return t.t(known === undefined ? 'privacyAdmin.signatureStatus.other' : `privacyAdmin.signatureStatus.${known}`);
}

export function DeletionRequestPage(p: DeletionRequestPageProps) {
  const { t } = p;
  return (
    <Layout
      t={t}
      title={t.t('privacyAdmin.title')}
      user={p.user}
      switchHref={(locale) => languageSwitchHref(locale, '/admin/privacy')}
    >
      <section class="deletion-requests">
        <ErrorList t={t} errors={p.errors} summaryKey="privacyAdmin.errorSummary" />
        <h1>{t.t('privacyAdmin.title')}</h1>
        {p.erased === undefined ? null : (
          <p class="notice" role="status">
            {t.t('privacyAdmin.done', { count: p.erased })}
          </p>
        )}
        <p>{t.t('privacyAdmin.intro')}</p>
        <form method="post" action="/admin/privacy/search" accept-charset="utf-8" novalidate>
          <Field
            t={t}
            id="email"
            label={t.t('privacyAdmin.email')}
            hint={t.t('privacyAdmin.emailHint')}
            errors={p.errors}
          >
            <input
              id="email"
              name="email"
              type="email"
              autocomplete="off"
              maxlength={254}
              value={p.email}
              aria-invalid={p.errors['email'] === undefined ? undefined : 'true'}
              aria-describedby={describedBy('email', p.errors, true)}
            />
          </Field>
          <button type="submit" class="secondary-button">
            {t.t('privacyAdmin.search')}
          </button>
        </form>
        {p.found === undefined ? null : p.found.length === 0 ? (
          <p role="status">{t.t('privacyAdmin.none')}</p>
        ) : (
          <>
            <h2>{t.t('privacyAdmin.found', { count: p.found.length })}</h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.t('privacyAdmin.column.petition')}</th>
                  <th scope="col">{t.t('privacyAdmin.column.petitionStatus')}</th>
                  <th scope="col">{t.t('privacyAdmin.column.signed')}</th>
                  <th scope="col">{t.t('privacyAdmin.column.status')}</th>
                </tr>
              </thead>
              <tbody>
                {p.found.map((s) => (
                  <tr>
                    <td>{s.title}</td>
                    <td>{petitionStatus(t, s.petitionStatus)}</td>
                    <td>{t.date(s.signedAt)}</td>
                    <td>{signatureStatus(t, s.signatureStatus)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <form method="post" action="/admin/privacy/erase" accept-charset="utf-8" novalidate>
              <input type="hidden" name="email" value={p.email} />
              <Field
                t={t}
                id="note"
                label={t.t('privacyAdmin.note')}
                hint={t.t('privacyAdmin.noteHint')}
                errors={p.errors}
              >
                <textarea
                  id="note"
                  name="note"
                  rows={3}
                  maxlength={NOTE_MAX}
                  required
                  aria-invalid={p.errors['note'] === undefined ? undefined : 'true'}
                  aria-describedby={describedBy('note', p.errors, true)}
                >
                  {p.note}
                </textarea>
              </Field>
              <button type="submit" class="sign-button">
                {t.t('privacyAdmin.erase', { count: p.found.length })}
              </button>
            </form>
          </>
        )}
      </section>
    </Layout>
  );
}
