// The organizer's kiosk links for a petition: each with its label, until when it works (or that it expired or was
// turned off), when it was last used, the link to open on the tablet and the button that turns it off; and the form
// that makes a new one.
import type { Translator } from '../../../platform/i18n/translator.js';
import { describedBy, ErrorList, Field, type Errors } from '../../views/form-parts.js';
import { KIOSK_HOURS, MAX_KIOSK_LABEL, type KioskLink } from '../../../kiosk/kiosk-links.js';
import { PetitionPageFrame, type PetitionPageBase } from './petition-page-frame.js';

export interface KioskLinksPageProps extends PetitionPageBase {
  links: (KioskLink & { path: string })[];
  baseUrl: string;
  values: { label: string; hours: string };
  errors: Errors;
  now: Date;
}

function State({ t, link, now }: { t: Translator; link: KioskLink; now: Date }) {
  if (link.revokedAt !== null) return <span class="state state-off">{t.t('kioskLinks.revoked')}</span>;
  if (new Date(link.expiresAt) <= now) return <span class="state state-off">{t.t('kioskLinks.expired')}</span>;
  return <span class="state state-on">{t.t('kioskLinks.until', { date: t.moment(link.expiresAt) })}</span>;
}

export function KioskLinksPage(p: KioskLinksPageProps) {
  const { t } = p;
  const base = `/organize/${p.petitionId}/kiosk`;
  return (
    <PetitionPageFrame base={p} pageTitle={t.t('kioskLinks.title', { title: p.title })} path={base} current="kiosk">
      <div class="kiosk-links-page">
        <ErrorList t={t} errors={p.errors} summaryKey="kioskLinks.errorSummary" />
        <h1>{t.t('kioskLinks.heading')}</h1>
        <p>{t.t('kioskLinks.intro')}</p>
        <section aria-labelledby="kiosks-heading">
          <h2 id="kiosks-heading">{t.t('kioskLinks.links')}</h2>
          {p.links.length === 0 ? (
            <p>{t.t('kioskLinks.none')}</p>
          ) : (
            <ul class="kiosk-list">
              {p.links.map((link) => {
                const open = link.revokedAt === null && new Date(link.expiresAt) > p.now;
                return (
                  <li>
                    <h3>
                      <bdi>{link.label}</bdi>
                    </h3>
                    <p>
                      <State t={t} link={link} now={p.now} />
                      {link.lastUsedAt === null
                        ? null
                        : ` · ${t.t('kioskLinks.lastUsed', { date: t.ago(link.lastUsedAt, p.now) })}`}
                    </p>
                    {open ? (
                      <>
                        <p>
                          <label for={`kiosk-link-${link.id}`}>{t.t('kioskLinks.link')}</label>
                          <input
                            type="text"
                            id={`kiosk-link-${link.id}`}
                            class="secret"
                            dir="ltr"
                            readonly
                            value={`${p.baseUrl}${link.path}`}
                          />
                        </p>
                        <p class="inline-links">
                          <a href={link.path}>{t.t('kioskLinks.open')}</a>
                        </p>
                        <form method="post" action={`${base}/${link.id}/revoke`}>
                          <button type="submit" class="secondary">
                            {t.t('kioskLinks.revoke')}
                          </button>
                        </form>
                      </>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
        <section aria-labelledby="new-kiosk-heading">
          <h2 id="new-kiosk-heading">{t.t('kioskLinks.new')}</h2>
          <form method="post" action={base} accept-charset="utf-8" novalidate class="webhook-form">
            <Field
              t={t}
              id="label"
              label={t.t('kioskLinks.label')}
              hint={t.t('kioskLinks.labelHint', { max: MAX_KIOSK_LABEL })}
              errors={p.errors}
            >
              <input
                type="text"
                id="label"
                name="label"
                value={p.values.label}
                aria-invalid={p.errors['label'] === undefined ? undefined : 'true'}
                aria-describedby={describedBy('label', p.errors, true)}
              />
            </Field>
            <Field t={t} id="hours" label={t.t('kioskLinks.hours')} errors={p.errors}>
              <select id="hours" name="hours">
                {KIOSK_HOURS.map((hours) => (
                  <option value={String(hours)} selected={p.values.hours === String(hours)}>
                    {t.t('kioskLinks.hoursOption', { hours })}
                  </option>
                ))}
              </select>
            </Field>
            <button type="submit" class="button">
              {t.t('kioskLinks.create')}
            </button>
          </form>
        </section>
      </div>
    </PetitionPageFrame>
  );
}
