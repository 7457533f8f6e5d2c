// A body is read only after the guards that decide whether it may be: an anonymous reader is allowed no more
// than the small form limit anywhere, and a signed-in reader's large multipart body is parsed only by the
// route it is for, after it checked who may use it. Before, every multipart body was parsed up front: an
// 85,000-field post cost 0.3–0.8 s of parsing before its 403, and four senders slowed every page.
import { beforeEach, describe, expect, it } from 'vitest';
import { signedIn, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { TEST_ORIGIN, useTestApp } from '../support/test-app.js';
import { copy } from '../support/copy.js';

const BOUNDARY = '----firma-test-boundary';

/** A multipart body of `fields` small fields, about 40 bytes each. */
function manyFields(fields: number): string {
  const parts: string[] = [];
  for (let i = 0; i < fields; i += 1)
    parts.push(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nx\r\n`);
  return `${parts.join('')}--${BOUNDARY}--\r\n`;
}

/** Multipart that cannot be parsed: a part that never ends. A route that reads it answers 400. */
const UNREADABLE = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="location"\r\n\r\nHartford`;

describe.each(enginesToTest())('when request bodies are read, on $name', (engine) => {
  const t = useTestApp(engine);
  let owner: SignedIn;
  let id: number;

  beforeEach(async () => {
    owner = await signedIn(t);
    ({ id } = await makePetition(t.deps.db, { ownerId: owner.user.id }));
  });

  const post = (path: string, body: string, cookie?: string) =>
    Promise.resolve(
      t.app.request(path, {
        method: 'POST',
        headers: {
          'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`,
          Origin: TEST_ORIGIN,
          'Sec-Fetch-Site': 'same-origin',
          ...(cookie === undefined ? {} : { Cookie: cookie }),
        },
        body,
      }),
    );

  it('an anonymous 85,000-field post to the delivery form is refused by its size (413), unread', async () => {
    const body = manyFields(85_000);
    expect(body.length).toBeGreaterThan(3_000_000);
    const res = await post(`/organize/${id}/delivery`, body);
    expect(res.status).toBe(413);
    expect(await res.text()).toContain(copy('en', 'page.tooLarge.title'));
  });

  it('a body that cannot be parsed is answered by the guards first: 403 signed out, 404 for another organizer, 400 only for the owner', async () => {
    const path = `/organize/${id}/delivery`;
    expect((await post(path, UNREADABLE)).status).toBe(403);
    const other = await signedIn(t);
    expect((await post(path, UNREADABLE, other.cookie)).status).toBe(404);
    expect((await post(path, manyFields(40_000), other.cookie)).status).toBe(404);
    const own = await post(path, UNREADABLE, owner.cookie);
    expect(own.status).toBe(400);
    expect(await own.text()).not.toMatch(/\n\s+at /);
  });

  it('the staff pages read no body for a reader who is not staff', async () => {
    const organizer = await signedIn(t);
    const res = await t.app.request('/admin/blocks', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: TEST_ORIGIN,
        'Sec-Fetch-Site': 'same-origin',
        Cookie: organizer.cookie,
      },
      body: 'value=%00',
    });
    // The page does not admit it exists; a NUL in the body is never looked at.
    expect(res.status).toBe(404);
  });
});
