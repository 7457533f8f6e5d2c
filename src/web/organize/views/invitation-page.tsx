// The page an invitation's link opens (signed in): the petition, the role and what it allows, and the button that
// accepts; or why the link does nothing (used, cancelled, expired, unknown, or another account is signed in).
import type { Translator } from '../../../platform/i18n/translator.js';
import type { MessageKey } from '../../../platform/i18n/message-key.js';
import { Layout, languageSwitchHref } from '../../views/layout.js';
import type { TeamRole } from '../../../teams/team-role.js';
import { roleAllowsKey, roleLabelKey } from '../../../teams/role-labels.js';

export type InvitationView =
  | { kind: 'open'; title: string; role: TeamRole; action: string }
  | { kind: 'wrong_account'; email: string; signedInAs: string }
  | { kind: 'used' | 'cancelled' | 'expired' | 'invalid' };

const FAILURES: Record<'used' | 'cancelled' | 'expired' | 'invalid', MessageKey> = {
  used: 'team.invitation.used',
  cancelled: 'team.invitation.cancelled',
  expired: 'team.invitation.expired',
  invalid: 'team.invitation.invalid',
};

export function InvitationPage({ t, view, path }: { t: Translator; view: InvitationView; path: string }) {
  return (
    <Layout t={t} title={t.t('team.invitation.title')} switchHref={(l) => languageSwitchHref(l, path)}>
      <section class="status-page invitation-page">
        <h1>{t.t('team.invitation.title')}</h1>
        {view.kind === 'open' ? (
          <>
            <p>{t.t('team.invitation.intro', { title: view.title, role: t.t(roleLabelKey(view.role)) })}</p>
            <p>{t.t(roleAllowsKey(view.role))}</p>
            <form method="post" action={view.action}>
              <button type="submit" class="button">
                {t.t('team.invitation.accept')}
              </button>
            </form>
          </>
        ) : view.kind === 'wrong_account' ? (
          <>
            <p>{t.t('team.invitation.wrongAccount', { email: view.email, signedInAs: view.signedInAs })}</p>
            <form method="post" action="/signout">
              <button type="submit" class="secondary">
                {t.t('team.invitation.signOut')}
              </button>
            </form>
          </>
        ) : (
          <p>{t.t(FAILURES[view.kind])}</p>
        )}
        <p>
          <a href="/organize">{t.t('team.invitation.yourPetitions')}</a>
        </p>
      </section>
    </Layout>
  );
}
