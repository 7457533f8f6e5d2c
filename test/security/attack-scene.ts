// A small site to attack: an organizer's open petition with signers who have working email links,
// another organizer's petition, a draft, and an admin.
import { newTokenSalt, signerToken, tokenHash } from '../../src/platform/tokens/signer-token.js';
import { signedIn, type SignedIn } from '../support/accounts.js';
import { makePetition, makeSignature, TEST_SECRET } from '../support/factories.js';
import type { TestApp } from '../support/test-app.js';
import { findBody } from '../../src/targets/directory-store.js';
import { SAMPLE_BODY_SLUG, seedSampleAssembly } from '../../src/targets/sample/seed-sample-assembly.js';

export interface Scene {
  owner: SignedIn;
  other: SignedIn;
  admin: SignedIn;
  petition: { id: number; slug: string };
  othersPetition: { id: number; slug: string };
  draft: { id: number; slug: string };
  /** The email-link tokens of two confirmed signers of `petition`. */
  tokens: [string, string];
  /** Values for every route parameter, for fillPath. */
  params: Record<string, string>;
}

export async function signerWithToken(
  t: TestApp,
  petitionId: number,
  overrides: Parameters<typeof makeSignature>[2] = {},
): Promise<string> {
  const salt = newTokenSalt();
  const token = signerToken(TEST_SECRET, salt);
  await makeSignature(t.deps.db, petitionId, {
    tokenSalt: salt,
    tokenHash: tokenHash(token),
    optIn: true,
    ...overrides,
  });
  return token;
}

export async function attackScene(t: TestApp): Promise<Scene> {
  const owner = await signedIn(t, { name: 'Owner Organizer' });
  const other = await signedIn(t, { name: 'Other Organizer' });
  const admin = await signedIn(t, { role: 'admin', name: 'Site Admin' });
  // The attacked petition goes to each signer's legislators too, so every page it has (the packets per legislator)
  // is tried.
  await seedSampleAssembly({ db: t.deps.db, now: t.deps.now });
  const assembly = await findBody(t.deps.db, SAMPLE_BODY_SLUG);
  const petition = await makePetition(t.deps.db, {
    ownerId: owner.user.id,
    slug: 'attacked',
    seatTargets: assembly === undefined ? [] : [{ bodyId: assembly.id, chamber: 'lower' }],
  });
  const othersPetition = await makePetition(t.deps.db, { ownerId: other.user.id, slug: 'someone-elses' });
  const draft = await makePetition(t.deps.db, { ownerId: owner.user.id, slug: 'a-draft', status: 'draft' });
  const tokens: [string, string] = [await signerWithToken(t, petition.id), await signerWithToken(t, petition.id)];
  // A webhook of the attacked petition, so its page and buttons are tried too.
  const { id: endpoint } = await t.deps.db
    .insertInto('webhook_endpoints')
    .values({
      petition_id: petition.id,
      url: 'https://hooks.example.org/firma',
      description: 'CRM',
      events: 'signature.confirmed',
      secret: `whsec_${Buffer.alloc(32, 7).toString('base64')}`,
      created_by: owner.user.id,
      created_at: t.deps.now().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const params = {
    endpoint: String(endpoint),
    locale: 'en',
    slug: petition.slug,
    id: String(petition.id),
    token: tokens[0],
    file: `${petition.slug}.json`,
  };
  return { owner, other, admin, petition, othersPetition, draft, tokens, params };
}
