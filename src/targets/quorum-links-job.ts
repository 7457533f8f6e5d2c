// Every 10 s: a legislator whose district reached the petition's quorum is emailed the response link, once
// (quorum-links.ts).
import type { ScheduledJob } from '../platform/jobs.js';
import { sendQuorumLinks, type QuorumDeps } from './quorum-links.js';

export const quorumLinksJob: ScheduledJob<QuorumDeps> = {
  name: 'quorum response links',
  everyMs: 10_000,
  run: (deps) => sendQuorumLinks(deps),
};
