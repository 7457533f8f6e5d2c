// Every 2 s: a legislator's new response has its emails to their constituents queued, 1,000 signers per statement
// (fan-out-responses.ts).
import type { Db } from '../platform/db/connect.js';
import type { ScheduledJob } from '../platform/jobs.js';
import { fanOutResponses } from './fan-out-responses.js';

export const emailResponsesJob: ScheduledJob<{ db: Db; now: () => Date }> = {
  name: 'response emails',
  everyMs: 2000,
  run: (deps, { pause }) => fanOutResponses(deps.db, deps.now, { pause }),
};
