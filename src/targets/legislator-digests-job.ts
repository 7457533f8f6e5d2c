// Every 10 s: a petition with digests on that was announced at a new milestone has each legislator's digest queued
// (legislator-digests.ts).
import type { ScheduledJob } from '../platform/jobs.js';
import { queueLegislatorDigests, type DigestDeps } from './legislator-digests.js';

export const legislatorDigestsJob: ScheduledJob<DigestDeps> = {
  name: 'legislator digests',
  everyMs: 10_000,
  run: (deps) => queueLegislatorDigests(deps),
};
