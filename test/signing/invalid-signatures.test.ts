import { beforeEach, describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { fieldBlock, inputValue, textareaText } from '../support/html-fields.js';
import { signatureRows } from '../support/requests.js';
import { postForm, validSignature, useTestApp } from '../support/test-app.js';
import { copy } from '../support/copy.js';

describe.each(enginesToTest())('a signature with mistakes on $name', (engine) => {
  const t = useTestApp(engine);
  let slug: string;
  beforeEach(async () => {
    ({ slug } = await makePetition(t.deps.db));
  });

  it('in Spanish: 422, each message next to its field in Spanish, and everything typed kept', async () => {
    const typed = validSignature({
      name: 'Rosa Martínez',
      email: 'rosa@gmail',
      postal_code: '6106',
      comment: 'Por mi familia.',
      name_display: 'first_initial',
    });
    const res = await postForm(t, `/es/p/${slug}/sign`, typed);
    expect(res.status).toBe(422);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('<html lang="es">');
    expect(fieldBlock(html, 'email')).toContain(copy('es', 'error.email.invalid'));
    expect(fieldBlock(html, 'email')).toContain('aria-invalid="true"');
    expect(fieldBlock(html, 'postal_code')).toContain(copy('es', 'error.postalCode.invalid'));
    expect(fieldBlock(html, 'name')).not.toContain('aria-invalid');
    expect(html).toContain('Corrige 2 problemas');
    expect(inputValue(html, 'name')).toBe('Rosa Martínez');
    expect(inputValue(html, 'email')).toBe('rosa@gmail');
    expect(inputValue(html, 'postal_code')).toBe('6106');
    expect(textareaText(html, 'comment')?.trim()).toBe('Por mi familia.');
    expect(html).toMatch(/<input[^>]*value="first_initial"[^>]*checked/);
    expect(html).toMatch(/<input[^>]*name="opt_in"[^>]*checked/);
    expect(await signatureRows(t.deps.db)).toHaveLength(0);
  });

  it('in English: the messages are English', async () => {
    const res = await postForm(t, `/en/p/${slug}/sign`, validSignature({ name: '   ', email: '' }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(fieldBlock(html, 'name')).toContain(copy('en', 'error.name.required'));
    expect(fieldBlock(html, 'email')).toContain(copy('en', 'error.email.required'));
    expect(html).toContain('Please fix 2 problems');
  });

  it('posting to /p/:slug/sign answers in the signer’s negotiated language', async () => {
    const res = await postForm(t, `/p/${slug}/sign`, validSignature({ email: 'nope' }), { 'Accept-Language': 'es-MX' });
    expect(res.status).toBe(422);
    expect(fieldBlock(await res.text(), 'email')).toContain('Escribe un correo electrónico válido');
  });

  it('each kind of mistake is refused with its message next to its field', async () => {
    const mistakes: [Record<string, string>, string, string][] = [
      [{ name: 'x'.repeat(101) }, 'name', 'Your name can be at most 100 characters long.'],
      [{ name: 'Rosa \u202eztínraM' }, 'name', 'Your name contains characters we cannot accept.'],
      [{ comment: 'y'.repeat(1001) }, 'comment', 'Your comment can be at most 1,000 characters long.'],
      [{ postal_code: 'abcde' }, 'postal_code', copy('en', 'error.postalCode.invalid')],
      [{ email: 'ro\u0000sa@example.org' }, 'email', 'Please enter a valid email address'],
    ];
    for (const [fields, field, message] of mistakes) {
      const res = await postForm(t, `/en/p/${slug}/sign`, validSignature(fields));
      expect(res.status, field).toBe(422);
      expect(fieldBlock(await res.text(), field), JSON.stringify(fields)).toContain(message);
    }
    expect(await signatureRows(t.deps.db)).toHaveLength(0);
  });

  it('an unknown name-display choice is refused in the signer’s language', async () => {
    const res = await postForm(t, `/es/p/${slug}/sign`, validSignature({ name_display: 'public' }));
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(copy('es', 'error.nameDisplay.invalid'));
  });

  it('what was typed comes back escaped, so markup in a refused form cannot run', async () => {
    const res = await postForm(
      t,
      `/en/p/${slug}/sign`,
      validSignature({
        name: '"><img src=x onerror=alert(1)>',
        email: '<script>alert(1)</script>',
        comment: '</textarea><script>alert(2)</script>',
      }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(inputValue(html, 'name')).toBe('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(inputValue(html, 'email')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(textareaText(html, 'comment')?.trim()).toBe('&lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert');
  });

  it('a comment keeps its line breaks and markup as typed', async () => {
    const comment = 'Line one\r\n<b>not bold</b>\r\nLine three';
    expect((await postForm(t, `/en/p/${slug}/sign`, validSignature({ comment }))).status).toBe(303);
    const [row] = await signatureRows(t.deps.db);
    expect(row?.comment).toBe('Line one\n<b>not bold</b>\nLine three');
  });

  it('a decomposed "José" is stored composed, so it matches what others type', async () => {
    expect((await postForm(t, `/en/p/${slug}/sign`, validSignature({ name: 'Jose\u0301 Pe\u0301rez' }))).status).toBe(
      303,
    );
    const [row] = await signatureRows(t.deps.db);
    expect(row?.name).toBe('José Pérez');
  });

  it('a bot that fills the hidden field gets 422 and nothing is stored', async () => {
    const res = await postForm(t, `/en/p/${slug}/sign`, validSignature({ website: 'http://cheap-pills.example' }));
    expect(res.status).toBe(422);
    expect(await signatureRows(t.deps.db)).toHaveLength(0);
    t.advance(1000);
    const json = (await (await t.app.request(`/p/${slug}.json`)).json()) as { signature_count: number };
    expect(json.signature_count).toBe(0);
  });
});
