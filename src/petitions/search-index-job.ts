// When the process starts, then every 10 minutes: petitions without a search document (saved by a version before
// the search, or restored from an older backup) are indexed (petition-search.ts). Saving a petition indexes it at
// once; this only catches up.
import type { ScheduledJob } from '../platform/jobs.js';
import type { Db } from '../platform/db/connect.js';
import { indexUnindexedPetitions } from './petition-search.js';

export const searchIndexJob: ScheduledJob<{ db: Db }> = {
  name: 'petition search index',
  everyMs: 600_000,
  run: ({ db }) => indexUnindexedPetitions(db),
};
