// An admin names a body in the site's languages; the audit row keeps the names it had.
import type { User } from '../accounts/user.js';
import { recordAudit } from '../platform/audit/audit-store.js';
import { setBodyNames, type Body } from './directory-store.js';
import type { DirectoryDeps } from './import-people.js';

export async function renameBody(deps: DirectoryDeps, admin: User, body: Body, names: Record<string, string>) {
  await deps.db.transaction().execute(async (trx) => {
    await setBodyNames(trx, body.id, names);
    await recordAudit(trx, {
      actorId: admin.id,
      action: 'targets.rename_body',
      petitionId: null,
      details: { body: body.slug, from: body.names, to: names },
      now: deps.now(),
    });
  });
}
