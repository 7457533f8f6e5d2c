// /organize/:id/kiosk: the petition's kiosk links — one per tablet at an event, each with a label and the hours it
// works — made, shown (with the link to open on the tablet) and turned off here. The 'manage' power.
import { Hono, type Context } from 'hono';
import type { Deps } from '../../deps.js';
import type { MessageKey } from '../../platform/i18n/message-key.js';
import { createKioskLink, kioskPath, listKioskLinks, revokeKioskLink } from '../../kiosk/kiosk-links.js';
import type { AppEnv } from '../env.js';
import { currentUser, managedPetition, notFound, type ManagedPetition } from '../middleware/require-user.js';
import { formText, readFormBody } from '../read-form-body.js';
import type { Errors } from '../views/form-parts.js';
import { petitionPageBase, sendPage } from './petition-page.js';
import { KioskLinksPage } from './views/kiosk-links-page.js';

const NOTICES = {
  created: 'kioskLinks.notice.created',
  revoked: 'kioskLinks.notice.revoked',
} as const satisfies Record<string, MessageKey>;

export function kioskLinkRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  async function page(
    c: Context<AppEnv>,
    petition: ManagedPetition,
    values: { label: string; hours: string },
    errors: Errors,
    status: 200 | 422,
  ) {
    const links = await listKioskLinks(deps.db, petition.id);
    const view = (
      <KioskLinksPage
        {...petitionPageBase(c, petition, NOTICES)}
        links={links.map((link) => ({ ...link, path: kioskPath(deps.secret, link) }))}
        baseUrl={deps.config.baseUrl}
        values={values}
        errors={errors}
        now={deps.now()}
      />
    );
    // The page shows kiosk links: no other site learns one from a link followed from here.
    c.header('Referrer-Policy', 'no-referrer');
    return sendPage(c, view, status);
  }

  app.get('/:id{[0-9]+}/kiosk', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    if (petition === undefined) return notFound(c);
    return page(c, petition, { label: '', hours: '12' }, {}, 200);
  });

  app.post('/:id{[0-9]+}/kiosk', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    if (petition === undefined) return notFound(c);
    const read = await readFormBody(c);
    if (!read.ok) return read.response;
    const text = formText(read.body, 1000);
    const values = { label: text('label'), hours: text('hours') };
    const outcome = await createKioskLink(
      { db: deps.db, now: deps.now, secret: deps.secret },
      currentUser(c).id,
      petition.id,
      values,
    );
    if (outcome.kind === 'invalid')
      return page(
        c,
        petition,
        values,
        { [outcome.field]: outcome.field === 'label' ? 'kioskLinks.error.label' : 'kioskLinks.error.hours' },
        422,
      );
    return c.redirect(`/organize/${petition.id}/kiosk?done=created`, 303);
  });

  app.post('/:id{[0-9]+}/kiosk/:kiosk{[0-9]{1,9}}/revoke', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    if (petition === undefined) return notFound(c);
    const revoked = await revokeKioskLink(deps, currentUser(c).id, petition.id, Number(c.req.param('kiosk')));
    if (!revoked) return notFound(c);
    return c.redirect(`/organize/${petition.id}/kiosk?done=revoked`, 303);
  });

  return app;
}
