// Hourly (and at start): the signers' personal data of petitions closed longer than the retention setting
// ago is erased, petition by petition (erase-due.ts).
import type { Logger } from 'pino';
import type { Db } from '../platform/db/connect.js';
import { HOURLY, type ScheduledJob } from '../platform/jobs.js';
import type { SettingsReader } from '../settings/instance-settings.js';
import { eraseDuePersonalData, retentionDeps } from './erase-due.js';

export const retentionJob: ScheduledJob<{ db: Db; now: () => Date; logger: Logger; settings: SettingsReader }> = {
  name: 'retention',
  everyMs: HOURLY,
  async run(deps, { pause }) {
    const erased = await eraseDuePersonalData(retentionDeps(deps), { pause });
    for (const e of erased) deps.logger.info(e, "retention: signers' personal data erased");
  },
};
