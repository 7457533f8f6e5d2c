// Hourly: invitations leave the database 30 days after they stopped working (expired, accepted or cancelled); the
// address of someone who never joined is not kept.
import type { Db } from '../platform/db/connect.js';
import { HOURLY, type ScheduledJob } from '../platform/jobs.js';
import { deleteStaleInvitations } from './team-store.js';

export const STALE_INVITATION_DAYS = 30;

export const purgeInvitationsJob: ScheduledJob<{ db: Db; now: () => Date }> = {
  name: 'purge-invitations',
  everyMs: HOURLY,
  run: async (deps) => {
    await deleteStaleInvitations(
      deps.db,
      new Date(deps.now().getTime() - STALE_INVITATION_DAYS * 24 * 3600_000).toISOString(),
    );
  },
};
