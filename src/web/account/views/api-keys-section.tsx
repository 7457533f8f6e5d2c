// The account page's API keys: the list (name, petitions, when made and last used, revoke), the form that makes one,
// and a key just made, shown this once.
import type { ApiKey } from '../../../api-keys/api-key.js';
import type { MessageKey } from '../../../platform/i18n/message-key.js';
import type { Translator } from '../../../platform/i18n/translator.js';
import { AdminTable } from '../../views/admin-table.js';
import { TableScroll } from '../../views/table-scroll.js';

export interface ApiKeysSectionProps {
  t: Translator;
  keys: readonly ApiKey[];
  /** The petitions a key may be made for (those the account manages). */
  petitions: readonly { id: number; title: string }[];
  /** A key just made: its text, shown now and never again. */
  made?: { name: string; text: string } | undefined;
  revoked: boolean;
  form: { name: string; petition: string; write: boolean };
  errors: { name?: MessageKey; petition?: MessageKey };
  maxName: number;
}

export function ApiKeysSection(p: ApiKeysSectionProps) {
  const { t } = p;
  const scope = (key: ApiKey) =>
    key.petition === null
      ? t.t('account.apiKeys.allPetitions')
      : (p.petitions.find((x) => x.id === key.petition?.id)?.title ?? key.petition.slug);
  const fieldClass = (error: MessageKey | undefined) => `field${error === undefined ? '' : ' has-error'}`;
  return (
    <section class="api-keys" id="api-keys" aria-labelledby="api-keys-heading">
      <h2 id="api-keys-heading">{t.t('account.apiKeys.heading')}</h2>
      <p>{t.t('account.apiKeys.intro')}</p>
      <p>
        {t.t('account.apiKeys.docs')}{' '}
        <a href="/api/v1/openapi.json" dir="ltr">
          /api/v1/openapi.json
        </a>
      </p>
      {p.made === undefined ? null : (
        <div class="notice made-key" role="status">
          <p>{t.t('account.apiKeys.madeNotice', { name: p.made.name })}</p>
          <label for="made-key">{t.t('account.apiKeys.madeLabel')}</label>
          <input
            id="made-key"
            type="text"
            readonly
            value={p.made.text}
            dir="ltr"
            spellcheck={false}
            autocomplete="off"
          />
        </div>
      )}
      {p.revoked ? (
        <p class="notice" role="status">
          {t.t('account.apiKeys.revokedNotice')}
        </p>
      ) : null}
      {p.keys.length === 0 ? (
        <p>{t.t('account.apiKeys.none')}</p>
      ) : (
        <TableScroll label={t.t('account.apiKeys.caption')}>
          <AdminTable
            rows={p.keys}
            empty={t.t('account.apiKeys.none')}
            caption={t.t('account.apiKeys.caption')}
            columns={[
              t.t('account.apiKeys.name'),
              t.t('account.apiKeys.petitions'),
              t.t('account.apiKeys.access'),
              t.t('account.apiKeys.start'),
              t.t('account.apiKeys.created'),
              t.t('account.apiKeys.lastUsed'),
            ]}
            actionsColumn
            cells={(key) => (
              <>
                <th scope="row">{key.name}</th>
                <td>{scope(key)}</td>
                <td>{t.t(key.canWrite ? 'account.apiKeys.readWrite' : 'account.apiKeys.read')}</td>
                <td>
                  <code dir="ltr">{key.prefix}…</code>
                </td>
                <td>
                  <time datetime={key.createdAt}>{t.date(key.createdAt)}</time>
                </td>
                <td>
                  {key.lastUsedAt === null ? (
                    t.t('account.apiKeys.never')
                  ) : (
                    <time datetime={key.lastUsedAt}>{t.date(key.lastUsedAt)}</time>
                  )}
                </td>
                <td>
                  {key.revokedAt === null ? (
                    <form method="post" action={`/account/api-keys/${key.id}/revoke`}>
                      <button
                        type="submit"
                        class="secondary-button"
                        aria-label={t.t('account.apiKeys.revokeNamed', { name: key.name })}
                      >
                        {t.t('account.apiKeys.revoke')}
                      </button>
                    </form>
                  ) : (
                    t.t('account.apiKeys.revokedOn', { date: t.date(key.revokedAt) })
                  )}
                </td>
              </>
            )}
          />
        </TableScroll>
      )}
      <form class="account-form" method="post" action="/account/api-keys" accept-charset="utf-8" novalidate>
        <h3>{t.t('account.apiKeys.newHeading')}</h3>
        <div class={fieldClass(p.errors.name)}>
          <label for="key-name">{t.t('account.apiKeys.nameLabel')}</label>
          <p class="hint" id="key-name-hint">
            {t.t('account.apiKeys.nameHint')}
          </p>
          {p.errors.name === undefined ? null : (
            <p class="field-error" id="key-name-error" role="alert">
              {t.t(p.errors.name, { max: p.maxName })}
            </p>
          )}
          <input
            id="key-name"
            name="name"
            type="text"
            maxlength={p.maxName}
            value={p.form.name}
            aria-invalid={p.errors.name === undefined ? undefined : 'true'}
            aria-describedby={p.errors.name === undefined ? 'key-name-hint' : 'key-name-hint key-name-error'}
          />
        </div>
        <div class={fieldClass(p.errors.petition)}>
          <label for="key-petition">{t.t('account.apiKeys.petitionLabel')}</label>
          {p.errors.petition === undefined ? null : (
            <p class="field-error" id="key-petition-error" role="alert">
              {t.t(p.errors.petition)}
            </p>
          )}
          <select
            id="key-petition"
            name="petition"
            aria-invalid={p.errors.petition === undefined ? undefined : 'true'}
            aria-describedby={p.errors.petition === undefined ? undefined : 'key-petition-error'}
          >
            <option value="all" selected={p.form.petition === 'all'}>
              {t.t('account.apiKeys.allPetitions')}
            </option>
            {p.petitions.map((petition) => (
              <option value={String(petition.id)} selected={p.form.petition === String(petition.id)}>
                {petition.title}
              </option>
            ))}
          </select>
        </div>
        <div class="choice">
          <input id="key-write" name="write" type="checkbox" value="yes" checked={p.form.write} />
          <label for="key-write">{t.t('account.apiKeys.writeLabel')}</label>
        </div>
        <button type="submit" class="sign-button">
          {t.t('account.apiKeys.submit')}
        </button>
      </form>
    </section>
  );
}
