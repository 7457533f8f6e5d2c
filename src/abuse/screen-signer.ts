// Before a signature is written: is the signer blocked, over a rate limit, and (under proof of work)
// did their browser solve the challenge? Expected outcomes are values; the sign routes map them.
import type { Logger } from 'pino';
import type { Db } from '../platform/db/connect.js';
import type { Petition } from '../petitions/petition.js';
import type { InstanceSettings } from '../settings/instance-settings.js';
import type { SettingsReader } from '../settings/instance-settings.js';
import { recordAudit } from '../platform/audit/audit-store.js';
import type { AbuseDefences } from './abuse-defences.js';
import { emailDomain, type BlockVerdict } from './block-list.js';
import { networkOf } from './cidr.js';
import { checkSolution } from './proof-of-work.js';
import type { PowState } from './pow-store.js';
import { switchOnUntil } from './pow-store.js';

/** How long proof of work stays on after a burst switched it on by itself. */
export const POW_AUTO_MS = 3600_000;

/**
 * The big free providers: thousands of honest signers share each of them, so the per-domain limit
 * does not apply to them (it is for the small domains a script invents or owns).
 */
export const FREE_MAIL_PROVIDERS: readonly string[] = [
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.es',
  'ymail.com',
  'outlook.com',
  'hotmail.com',
  'hotmail.es',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.net',
  'mail.com',
  'yandex.com',
  'zoho.com',
  'comcast.net',
  'att.net',
  'verizon.net',
  'sbcglobal.net',
  'fastmail.com',
];
const FREE = new Set(FREE_MAIL_PROVIDERS);

export type Screening =
  | {
      kind: 'pass';
      /** No valid proof of work where it was required: pending until confirmed by email. */ confirmByEmail: boolean;
    }
  | { kind: 'blocked'; by: Exclude<BlockVerdict, { blocked: false }>['kind'] }
  | { kind: 'limited'; scope: 'address' | 'petition' | 'domain' };

export interface ScreenDeps {
  db: Db;
  now: () => Date;
  logger: Logger;
  settings: SettingsReader;
  abuse: AbuseDefences;
}

export interface ScreenRequest {
  petition: Pick<Petition, 'id' | 'slug'>;
  email: string;
  clientAddress: string;
  /** The posted proof-of-work field, if any. */
  solution: unknown;
}

export function powRequired(settings: Pick<InstanceSettings, 'powSiteWide'>, state: PowState, now: Date): boolean {
  return settings.powSiteWide || state.mode === 'on' || (state.autoUntil !== null && new Date(state.autoUntil) > now);
}

/** Limits in order: the signer's address, the petition, the email domain (per petition). */
async function overLimit(
  abuse: AbuseDefences,
  settings: InstanceSettings,
  petitionId: number,
  address: string,
  domain: string,
): Promise<'address' | 'petition' | 'domain' | undefined> {
  const { limits } = abuse;
  if (!(await limits.hit('sign-address', address, settings.signPerAddressPerMinute))) return 'address';
  if (!(await limits.hit('sign-petition', String(petitionId), settings.signPerPetitionPerMinute))) return 'petition';
  if (domain === '' || FREE.has(domain)) return undefined;
  if (!(await limits.hit('sign-domain', `${petitionId} ${domain}`, settings.signPerDomainPerMinute))) return 'domain';
  return undefined;
}

/** Counts the signature against its network; past the threshold, proof of work goes on for an hour. */
async function noticeBurst(
  deps: ScreenDeps,
  settings: InstanceSettings,
  petition: ScreenRequest['petition'],
  address: string,
): Promise<void> {
  const network = networkOf(address);
  if (network === undefined) return;
  const key = `${petition.id} ${network}`;
  if (await deps.abuse.limits.hit('burst-network', key, settings.powAutoBurstPerMinute)) return;
  const now = deps.now();
  const until = new Date(now.getTime() + POW_AUTO_MS).toISOString();
  if (!(await switchOnUntil(deps.db, petition.id, until, now.toISOString()))) return;
  deps.abuse.forgetPowState(petition.id);
  // The network is not logged or recorded: only that one network went past the threshold.
  deps.logger.warn(
    { petitionId: petition.id, until, threshold: settings.powAutoBurstPerMinute },
    'burst from one network: proof of work switched on',
  );
  await recordAudit(deps.db, {
    actorId: null,
    action: 'petition.pow_auto',
    petitionId: petition.id,
    details: { until, perMinute: settings.powAutoBurstPerMinute },
    now,
  });
}

export async function screenSigner(
  deps: ScreenDeps,
  { petition, email, clientAddress, solution }: ScreenRequest,
): Promise<Screening> {
  const verdict = await deps.abuse.blocks.check(email, clientAddress);
  if (verdict.blocked) return { kind: 'blocked', by: verdict.kind };
  const settings = await deps.settings.current();
  const scope = await overLimit(deps.abuse, settings, petition.id, clientAddress, emailDomain(email));
  if (scope !== undefined) return { kind: 'limited', scope };
  await noticeBurst(deps, settings, petition, clientAddress);
  const now = deps.now();
  if (!powRequired(settings, await deps.abuse.powState(petition.id), now))
    return { kind: 'pass', confirmByEmail: false };
  const check = await checkSolution(deps.db, deps.abuse.powKey, petition.id, solution, now);
  return { kind: 'pass', confirmByEmail: check !== 'valid' };
}
