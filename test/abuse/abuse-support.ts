// Helpers of the abuse-defence tests: an admin who changes settings through /admin/settings, signers
// from given addresses (behind a trusted proxy), and proof-of-work solutions made like a browser's.
import { solveChallenge } from 'altcha-lib/v1';
import { formValuesOf } from '../../src/abuse/settings-form.js';
import { defaultSettings, type InstanceSettings } from '../../src/settings/instance-settings.js';
import { readSettings } from '../../src/settings/settings-store.js';
import { postFormAs, type SignedIn } from '../support/accounts.js';
import { postForm, validSignature, type Fields, type TestApp } from '../support/test-app.js';

/** Changes settings the way an admin does: the whole form, with `changes` over what is stored. */
export async function changeSettings(
  t: TestApp,
  admin: SignedIn,
  changes: Partial<InstanceSettings>,
): Promise<Response> {
  const stored = await readSettings(t.deps.db, defaultSettings(t.deps.config));
  const res = await postFormAs(t, admin, '/admin/settings', formValuesOf({ ...stored, ...changes }));
  if (res.status !== 303) throw new Error(`POST /admin/settings answered ${res.status}`);
  return res;
}

let sequence = 0;

/** Signs `slug` as a new person, from `address` when given (the app must trust the proxy). */
export function signAs(
  t: TestApp,
  slug: string,
  options: { address?: string; fields?: Fields; locale?: 'en' | 'es' } = {},
): Promise<Response> {
  sequence += 1;
  const headers: Record<string, string> = options.address === undefined ? {} : { 'X-Forwarded-For': options.address };
  const fields = validSignature({
    name: `Signer ${sequence}`,
    email: `signer${sequence}@example.org`,
    ...options.fields,
  });
  return postForm(t, `/${options.locale ?? 'en'}/p/${slug}/sign`, fields, headers);
}

interface ChallengeJson {
  required: boolean;
  algorithm: string;
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}

/** Fetches a challenge and solves it as pow.js does; the value of the hidden `altcha` field. */
export async function solvedChallenge(t: TestApp, slug: string): Promise<string> {
  const res = await t.app.request(`/en/p/${slug}/challenge`);
  const challenge = (await res.json()) as ChallengeJson; // the JSON pow-routes.ts writes
  if (!challenge.required) throw new Error('proof of work is not on');
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber)
    .promise;
  if (solution === null) throw new Error('no solution found');
  const payload = {
    algorithm: challenge.algorithm,
    challenge: challenge.challenge,
    number: solution.number,
    salt: challenge.salt,
    signature: challenge.signature,
  };
  return Buffer.from(JSON.stringify(payload)).toString('base64');
}

export async function countsOf(t: TestApp, slug: string): Promise<{ confirmed: number; pending: number }> {
  t.advance(1500); // past the one-second response cache
  const json = (await (await t.app.request(`/p/${slug}.json`)).json()) as {
    signature_count: number;
    pending_count: number;
  };
  return { confirmed: json.signature_count, pending: json.pending_count };
}
