import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_FORM_BYTES } from '../../src/web/middleware/body-limit.js';
import { MAX_DELIVERY_UPLOAD_BYTES } from '../../src/web/organize/delivery-routes.js';
import { MAX_PICTURE_UPLOAD_BYTES } from '../../src/web/organize/picture-routes.js';
import { EDITOR_MAX_BYTES } from '../../src/web/organize/editor-routes.js';
import { UPDATE_MAX_BYTES } from '../../src/web/organize/update-routes.js';
import { DIRECTORY_IMPORTS, MAX_DIRECTORY_UPLOAD_BYTES } from '../../src/web/admin/targets-routes.js';
import { enginesToTest } from '../support/databases.js';
import { signatureRows } from '../support/requests.js';
import { TEST_ORIGIN, validSignature, type TestApp, useTestApp } from '../support/test-app.js';
import { databaseSnapshot, fillPath, registeredRoutes, stateChanging } from './app-routes.js';
import { attackScene, type Scene } from './attack-scene.js';
import { copy } from '../support/copy.js';

// A walk over every route the app registers: it grows with the app and runs slower on a loaded machine than one
// test's usual 30 s allow.
vi.setConfig({ testTimeout: 180_000 });

const SAME_ORIGIN = { Origin: TEST_ORIGIN, 'Sec-Fetch-Site': 'same-origin' };
const FORM = 'application/x-www-form-urlencoded';
const ADMIN_IMPORTS = `/admin${DIRECTORY_IMPORTS}`;

/** A body sent in chunks with no Content-Length, as a client streaming an upload would. */
function chunked(size: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode(`comment=${'x'.repeat(64 * 1024 - 8)}`);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= size) return controller.close();
      controller.enqueue(chunk.subarray(0, Math.min(chunk.length, size - sent)));
      sent += chunk.length;
    },
  });
}

function post(
  t: TestApp,
  path: string,
  body: NonNullable<RequestInit['body']>,
  headers: Record<string, string>,
): Promise<Response> {
  // duplex is required by fetch for a streamed request body.
  const init: RequestInit & { duplex: 'half' } = {
    method: 'POST',
    headers: { ...SAME_ORIGIN, ...headers },
    body,
    duplex: 'half',
  };
  return Promise.resolve(t.app.request(path, init));
}

describe.each(enginesToTest())('oversized and malformed bodies on $name', (engine) => {
  const t = useTestApp(engine);
  let scene: Scene;
  beforeEach(async () => {
    scene = await attackScene(t);
  });

  it('every form route refuses a body over its limit with 413 in the reader’s language, declared or streamed, and stores nothing', async () => {
    const before = await databaseSnapshot(t);
    const size = Math.max(MAX_DELIVERY_UPLOAD_BYTES, MAX_PICTURE_UPLOAD_BYTES) + 1024; // over the largest limit of any route
    for (const route of stateChanging(registeredRoutes(t))) {
      for (const locale of ['en', 'es']) {
        const path = fillPath(route.pattern, { ...scene.params, locale });
        // The API answers in JSON, like all its errors (its language from Accept-Language, English here).
        const expected = path.startsWith('/api/v1/')
          ? '"code":"too_large"'
          : path.startsWith('/es/')
            ? copy('es', 'page.tooLarge.title')
            : copy('en', 'page.tooLarge.title');
        if (path.startsWith(ADMIN_IMPORTS)) {
          // The directory's imports take large files from admins only: anyone else is turned away by the
          // admin guard before a byte of the body is read (the admin's own limit is tested below).
          const refused = await post(t, path, chunked(size), { 'Content-Type': FORM, Cookie: scene.owner.cookie });
          expect(refused.status, path).toBe(404);
          continue;
        }
        const declared = await post(t, path, `comment=${'x'.repeat(size)}`, {
          'Content-Type': FORM,
          'Content-Length': String(size + 8),
          Cookie: scene.owner.cookie,
        });
        expect(declared.status, `${path} with a Content-Length`).toBe(413);
        expect(await declared.text(), path).toContain(expected);
        const streamed = await post(t, path, chunked(size), {
          'Content-Type': FORM,
          'Transfer-Encoding': 'chunked',
          Cookie: scene.owner.cookie,
        });
        expect(streamed.status, `${path} streamed`).toBe(413);
        expect(await streamed.text(), path).toContain(expected);
      }
    }
    expect(await databaseSnapshot(t)).toEqual(before);
  });

  it('each route’s own limit is where the refusal starts, for declared and streamed bodies alike', async () => {
    const id = scene.petition.id;
    const limits: [string, number][] = [
      [`/en/p/${scene.petition.slug}/sign`, MAX_FORM_BYTES],
      ['/signin', MAX_FORM_BYTES],
      ['/account', MAX_FORM_BYTES],
      [`/organize/${id}/edit`, EDITOR_MAX_BYTES],
      [`/organize/${id}/updates/new`, UPDATE_MAX_BYTES],
      [`/organize/${id}/delivery`, MAX_DELIVERY_UPLOAD_BYTES],
      [`/organize/${id}/picture`, MAX_PICTURE_UPLOAD_BYTES],
    ];
    for (const [path, limit] of limits) {
      const over = `comment=${'x'.repeat(limit - 7)}`;
      expect(
        (
          await post(t, path, over, {
            'Content-Type': FORM,
            'Content-Length': String(over.length),
            Cookie: scene.owner.cookie,
          })
        ).status,
        path,
      ).toBe(413);
      expect(
        (await post(t, path, chunked(limit + 1), { 'Content-Type': FORM, Cookie: scene.owner.cookie })).status,
        `${path} streamed`,
      ).toBe(413);
      const under = `comment=${'x'.repeat(Math.min(limit, 20_000) - 9)}`;
      expect(
        (await post(t, path, under, { 'Content-Type': FORM, Cookie: scene.owner.cookie })).status,
        `${path} under`,
      ).not.toBe(413);
    }
    // An admin's directory import: 100 MB, declared or streamed; a file under it is read (and answered 422).
    const path = `${ADMIN_IMPORTS}/people`;
    const admin = { Cookie: scene.admin.cookie };
    const declared = await post(t, path, 'comment=x', {
      'Content-Type': FORM,
      'Content-Length': String(MAX_DIRECTORY_UPLOAD_BYTES + 1),
      ...admin,
    });
    expect(declared.status, `${path} declared`).toBe(413);
    const streamed = await post(t, path, chunked(MAX_DIRECTORY_UPLOAD_BYTES + 1), { 'Content-Type': FORM, ...admin });
    expect(streamed.status, `${path} streamed`).toBe(413);
    const under = await post(t, path, chunked(MAX_FORM_BYTES * 4), { 'Content-Type': FORM, ...admin });
    expect(under.status, `${path} under`).toBe(422);
  });

  it('no malformed body makes any route fail: bad percent-encoding, JSON, XML, broken multipart, thousands of fields, repeated fields', async () => {
    const multipartHead = 'multipart/form-data; boundary=xyz';
    const bodies: [string, string, string][] = [
      ['bad percent-encoding', FORM, 'name=%E0%A4%A&email=%&postal_code=%%30%30&comment=%uD800&name_display=full'],
      ['JSON sent to a form', 'application/json', JSON.stringify(validSignature())],
      ['JSON that is not even JSON', 'application/json', '{"name":'],
      [
        'XML',
        'application/xml',
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
      ],
      ['plain text', 'text/plain', 'hello'],
      [
        'no boundary',
        'multipart/form-data',
        '--xyz\r\nContent-Disposition: form-data; name="name"\r\n\r\nRosa\r\n--xyz--\r\n',
      ],
      ['a cut-off multipart body', multipartHead, '--xyz\r\nContent-Disposition: form-data; name="name"\r\n\r\nRo'],
      ['multipart garbage', multipartHead, '\u0000\u0001--xyz\r\nnot a header\r\n\r\n--xyz'],
      [
        'a multipart file where text is expected',
        multipartHead,
        '--xyz\r\nContent-Disposition: form-data; name="name"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nRosa\r\n--xyz--\r\n',
      ],
      ['3,000 fields', FORM, Array.from({ length: 3000 }, (_, i) => `f${i}=1`).join('&')],
      ['one field 3,000 times', FORM, Array.from({ length: 3000 }, () => 'name=x').join('&')],
      ['prototype keys', FORM, '__proto__=x&constructor=y&prototype=z&name[]=a&email[0]=b&toString=1'],
      ['a charset Firma does not read', `${FORM}; charset=utf-7`, 'name=+ADw-script+AD4-'],
    ];
    for (const route of stateChanging(registeredRoutes(t))) {
      const path = fillPath(route.pattern, scene.params);
      for (const [what, type, body] of bodies) {
        const res = await post(t, path, body, { 'Content-Type': type, Cookie: scene.admin.cookie });
        expect(res.status, `${path}: ${what}`).toBeLessThan(500);
      }
    }
  });

  it('on the sign form each malformed body gets a clear 4xx in the signer’s language and stores nothing', async () => {
    const attempts: [string, string, number, string][] = [
      [FORM, 'name=%E0%A4%A&email=%&postal_code=06106', 422, 'Corrige'],
      ['application/json', JSON.stringify(validSignature()), 415, copy('es', 'page.unsupportedType.title')],
      ['text/xml', '<x/>', 415, copy('es', 'page.unsupportedType.title')],
      [
        'multipart/form-data; boundary=xyz',
        '--xyz\r\nContent-Disposition: form-data; name="name"\r\n\r\nRo',
        400,
        copy('es', 'page.unsupportedType.title'),
      ],
      [FORM, Array.from({ length: 1500 }, (_, i) => `f${i}=1`).join('&'), 422, 'Corrige'],
    ];
    for (const [type, body, status, text] of attempts) {
      const res = await post(t, `/es/p/${scene.petition.slug}/sign`, body, { 'Content-Type': type });
      expect(res.status, `${type}: ${body.slice(0, 40)}`).toBe(status);
      expect(await res.text(), type).toContain(text);
    }
    expect((await signatureRows(t.deps.db)).filter((r) => r.petition_id === scene.petition.id)).toHaveLength(2);
  });
});
