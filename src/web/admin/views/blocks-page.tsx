// /admin/blocks: what is blocked (domains, addresses, networks), a form to block more, and a remove button per entry.
import type { User } from '../../../accounts/user.js';
import type { Translator } from '../../../platform/i18n/translator.js';
import { AdminTable } from '../../views/admin-table.js';
import { describedBy, ErrorList, Field, type Errors } from '../../views/form-parts.js';
import { languageSwitchHref, Layout } from '../../views/layout.js';
import { NOTE_MAX, type BlockFormValues } from '../../../abuse/block-form.js';
import { BLOCK_KINDS, type BlockEntry } from '../../../abuse/block-store.js';
import { AdminNotice } from './admin-notice.js';

export interface BlocksPageProps {
  t: Translator;
  user: User;
  blocks: BlockEntry[];
  values: BlockFormValues;
  errors: Errors;
  notice?: string | undefined;
}

export function BlocksPage(p: BlocksPageProps) {
  const { t } = p;
  const invalid = (id: string) => (p.errors[id] === undefined ? undefined : 'true');
  return (
    <Layout
      t={t}
      title={t.t('blocks.title')}
      user={p.user}
      switchHref={(locale) => languageSwitchHref(locale, '/admin/blocks')}
    >
      <section class="admin-page">
        <ErrorList
          t={t}
          errors={p.errors}
          summaryKey="blocks.errorSummary"
          anchors={{ kind: `kind-${BLOCK_KINDS[0]}` }}
        />
        <p>
          <a href="/admin">{t.t('blocks.back')}</a>
        </p>
        <h1>{t.t('blocks.title')}</h1>
        <p>{t.t('blocks.intro')}</p>
        <AdminNotice t={t} notice={p.notice} />
        <h2 id="add-heading">{t.t('blocks.add.heading')}</h2>
        <form method="post" action="/admin/blocks" novalidate aria-labelledby="add-heading">
          <fieldset
            class={`field${p.errors['kind'] === undefined ? '' : ' has-error'}`}
            aria-describedby={describedBy('kind', p.errors, false)}
          >
            <legend>{t.t('blocks.kind')}</legend>
            {p.errors['kind'] === undefined ? null : (
              <p class="field-error" id="kind-error">
                {t.t('blocks.error.kind')}
              </p>
            )}
            {BLOCK_KINDS.map((kind) => (
              <div class="choice">
                <input
                  type="radio"
                  id={`kind-${kind}`}
                  name="kind"
                  value={kind}
                  checked={(p.values.kind ?? 'domain') === kind}
                />
                <label for={`kind-${kind}`}>{t.t(`blocks.kind.${kind}`)}</label>
              </div>
            ))}
          </fieldset>
          <Field t={t} id="value" label={t.t('blocks.value')} hint={t.t('blocks.value.help')} errors={p.errors}>
            <input
              id="value"
              name="value"
              type="text"
              value={p.values.value ?? ''}
              maxlength={300}
              autocomplete="off"
              aria-describedby={describedBy('value', p.errors, true)}
              aria-invalid={invalid('value')}
            />
          </Field>
          <Field t={t} id="note" label={t.t('blocks.note')} errors={p.errors}>
            <input
              id="note"
              name="note"
              type="text"
              value={p.values.note ?? ''}
              maxlength={NOTE_MAX}
              aria-describedby={describedBy('note', p.errors, false)}
              aria-invalid={invalid('note')}
            />
          </Field>
          <button type="submit">{t.t('blocks.submit')}</button>
        </form>
        <AdminTable
          rows={p.blocks}
          empty={t.t('blocks.none')}
          caption={t.t('blocks.caption', { count: p.blocks.length })}
          columns={[t.t('blocks.col.value'), t.t('blocks.col.kind'), t.t('blocks.col.note'), t.t('blocks.col.added')]}
          actionsColumn
          cells={(b) => (
            <>
              <th scope="row">{b.value}</th>
              <td>{t.t(`blocks.kind.${b.kind}`)}</td>
              <td>{b.note}</td>
              <td>{t.date(b.createdAt)}</td>
              <td>
                <form method="post" action={`/admin/blocks/${b.id}/remove`} class="inline-form">
                  <button
                    type="submit"
                    class="secondary-button"
                    aria-label={t.t('blocks.removeLabel', { value: b.value })}
                  >
                    {t.t('blocks.remove')}
                  </button>
                </form>
              </td>
            </>
          )}
        />
      </section>
    </Layout>
  );
}
