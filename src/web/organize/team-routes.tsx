// /organize/:id/team: the petition's team (its owner, moderators and admins only: the 'team' power), and
// /organize/invitations/:token, where an invited person, signed in, accepts. Every change is audited under the
// person who made it (src/teams/manage-team.ts).
import { Hono, type Context } from 'hono';
import type { Deps } from '../../deps.js';
import { findUserById } from '../../accounts/user-store.js';
import { findPetitionById } from '../../petitions/petition-store.js';
import { textFor } from '../../petitions/petition.js';
import type { MessageKey } from '../../platform/i18n/message-key.js';
import { LOCALES } from '../../platform/i18n/translator.js';
import {
  acceptInvitation,
  cancelInvitation,
  changeMemberRole,
  inspectInvitation,
  inviteToTeam,
  removeMember,
  type TeamDeps,
} from '../../teams/manage-team.js';
import { homePathFor } from '../../teams/team-role.js';
import { listMembers, listOpenInvitations } from '../../teams/team-store.js';
import type { AppEnv } from '../env.js';
import { currentUser, managedPetition, notFound, type ManagedPetition } from '../middleware/require-user.js';
import { formText, readFormBody } from '../read-form-body.js';
import type { Errors } from '../views/form-parts.js';
import { petitionPageBase, sendPage } from './petition-page.js';
import { InvitationPage, type InvitationView } from './views/invitation-page.js';
import { TeamPage } from './views/team-page.js';

const NOTICES = {
  invited: 'team.notice.invited',
  role: 'team.notice.role',
  removed: 'team.notice.removed',
  cancelled: 'team.notice.cancelled',
} as const satisfies Record<string, MessageKey>;

const TOKEN = '{[A-Za-z0-9_-]{43}}';

export function teamRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const teamDeps: TeamDeps = { db: deps.db, now: deps.now, secret: deps.secret };

  /** The owner's account as it is now (the petition keeps the name and address it was started with). */
  async function ownerOf(petition: ManagedPetition): Promise<{ name: string | null; email: string | null }> {
    const user = petition.ownerId === null ? undefined : await findUserById(deps.db, petition.ownerId);
    return user === undefined ? petition.organizer : { name: user.name, email: user.email };
  }

  async function page(
    c: Context<AppEnv>,
    petition: ManagedPetition,
    values: { email: string; role: string; locale: string },
    errors: Errors,
    status: 200 | 422,
  ) {
    const [members, invitations, owner] = await Promise.all([
      listMembers(deps.db, petition.id),
      listOpenInvitations(deps.db, petition.id),
      ownerOf(petition),
    ]);
    const view = (
      <TeamPage
        {...petitionPageBase(c, petition, NOTICES)}
        owner={owner}
        members={members}
        invitations={invitations}
        locales={LOCALES}
        values={values}
        errors={errors}
        now={deps.now()}
      />
    );
    return sendPage(c, view, status);
  }

  app.get('/:id{[0-9]+}/team', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'team');
    if (petition === undefined) return notFound(c);
    return page(c, petition, { email: '', role: 'co_organizer', locale: c.var.locale }, {}, 200);
  });

  app.post('/:id{[0-9]+}/team', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'team');
    if (petition === undefined) return notFound(c);
    const read = await readFormBody(c);
    if (!read.ok) return read.response;
    const text = formText(read.body, 1000);
    const values = { email: text('email'), role: text('role'), locale: text('locale') };
    const outcome = await inviteToTeam(
      teamDeps,
      currentUser(c),
      { id: petition.id, ownerId: petition.ownerId, ownerEmail: (await ownerOf(petition)).email },
      values,
      LOCALES,
    );
    if (outcome.kind === 'invalid') return page(c, petition, values, outcome.errors, 422);
    if (outcome.kind === 'too_many') return page(c, petition, values, { email: 'team.error.tooMany' }, 422);
    return c.redirect(`/organize/${petition.id}/team?done=invited`, 303);
  });

  app.post('/:id{[0-9]+}/team/members/:user{[0-9]{1,9}}/role', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'team');
    if (petition === undefined) return notFound(c);
    const read = await readFormBody(c);
    if (!read.ok) return read.response;
    const role = typeof read.body['role'] === 'string' ? read.body['role'] : '';
    const changed = await changeMemberRole(teamDeps, currentUser(c), petition.id, Number(c.req.param('user')), role);
    if (!changed) return notFound(c);
    return c.redirect(`/organize/${petition.id}/team?done=role`, 303);
  });

  app.post('/:id{[0-9]+}/team/members/:user{[0-9]{1,9}}/remove', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'team');
    if (petition === undefined) return notFound(c);
    if (!(await removeMember(teamDeps, currentUser(c), petition.id, Number(c.req.param('user'))))) return notFound(c);
    return c.redirect(`/organize/${petition.id}/team?done=removed`, 303);
  });

  app.post('/:id{[0-9]+}/team/invitations/:invitation{[0-9]{1,9}}/cancel', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'team');
    if (petition === undefined) return notFound(c);
    const cancelled = await cancelInvitation(teamDeps, currentUser(c), petition.id, Number(c.req.param('invitation')));
    if (!cancelled) return notFound(c);
    return c.redirect(`/organize/${petition.id}/team?done=cancelled`, 303);
  });

  async function invitationPage(c: Context<AppEnv>, view: InvitationView, status: 200 | 403 | 404 | 410) {
    // The link's token is in the address: no other site learns it from a link on this page.
    c.header('Referrer-Policy', 'no-referrer');
    return sendPage(c, <InvitationPage t={c.var.t} view={view} path="/organize" />, status);
  }

  const FAILURE_STATUS = { used: 410, cancelled: 410, expired: 410, invalid: 404 } as const;

  app.get(`/invitations/:token${TOKEN}`, async (c) => {
    const token = c.req.param('token');
    const user = currentUser(c);
    const state = await inspectInvitation(deps.db, token, deps.now());
    if (state.kind !== 'open') return invitationPage(c, { kind: state.kind }, FAILURE_STATUS[state.kind]);
    const { invitation } = state;
    if (user.email.trim().toLowerCase() !== invitation.email)
      return invitationPage(c, { kind: 'wrong_account', email: invitation.email, signedInAs: user.email }, 403);
    const petition = await findPetitionById(deps.db, invitation.petitionId);
    if (petition === undefined) return invitationPage(c, { kind: 'invalid' }, 404);
    return invitationPage(
      c,
      {
        kind: 'open',
        title: textFor(petition, c.var.locale).title,
        role: invitation.role,
        action: `/organize/invitations/${token}`,
      },
      200,
    );
  });

  app.post(`/invitations/:token${TOKEN}`, async (c) => {
    const user = currentUser(c);
    const outcome = await acceptInvitation(teamDeps, user, c.req.param('token'));
    if (outcome.kind === 'joined')
      return c.redirect(`/organize/${outcome.petitionId}${homePathFor(outcome.role)}`, 303);
    if (outcome.kind === 'wrong_account')
      return invitationPage(c, { kind: 'wrong_account', email: outcome.email, signedInAs: user.email }, 403);
    return invitationPage(c, { kind: outcome.kind }, FAILURE_STATUS[outcome.kind]);
  });

  return app;
}
