// Every second: bulk invalidations (and their reversals) asked for by admins are worked through in batches.
import type { ScheduledJob } from '../../platform/jobs.js';
import { processInvalidations, type InvalidationJobDeps } from './invalidation-job.js';

export const bulkInvalidationJob: ScheduledJob<InvalidationJobDeps> = {
  name: 'bulk invalidations',
  everyMs: 1000,
  run: (deps, { pause }) => processInvalidations(deps, { pause }),
};
