import { beforeEach, describe, expect, it } from 'vitest';
import { getAs, signedIn, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

/** Every tag opened is closed, in order (a small check of well-formed XML without a parser). */
function isWellFormedXml(xml: string): boolean {
  const stack: string[] = [];
  for (const match of xml.replace(/<\?[^>]*\?>/g, '').matchAll(/<(\/?)([a-zA-Z][\w:-]*)([^>]*?)(\/?)>/g)) {
    const [, closing, name, , selfClosing] = match;
    if (selfClosing === '/') continue;
    if (closing === '/') {
      if (stack.pop() !== name) return false;
    } else stack.push(name ?? '');
  }
  return stack.length === 0;
}

describe.each(enginesToTest())('the share kit and QR codes on $name', (engine) => {
  const t = useTestApp(engine);
  let organizer: SignedIn;
  let petitionId: number;
  let slug: string;

  beforeEach(async () => {
    organizer = await signedIn(t);
    ({ id: petitionId, slug } = await makePetition(t.deps.db, { ownerId: organizer.user.id }));
  });

  it('builds the link, share links, QR code and embed snippet for a source code', async () => {
    const res = await getAs(t, organizer, `/organize/${petitionId}/share?source=CT-Students`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const link = `http://localhost:3000/p/${slug}?source=ct-students`;
    expect(html).toContain(`id="base-link" type="url" value="http://localhost:3000/p/${slug}"`);
    expect(html).toContain(`id="source-link" type="url" value="${link}"`);
    expect(html).toContain(`https://wa.me/?text=`);
    expect(html).toContain(encodeURIComponent(link));
    expect(html).toContain(`src="/organize/${petitionId}/qr.svg?source=ct-students"`);
    expect(html).toContain(
      `href="/organize/${petitionId}/qr.png?source=ct-students" download="${slug}-ct-students-qr.png"`,
    );
    expect(html).toContain(`&lt;iframe src=&quot;http://localhost:3000/en/p/${slug}/embed?source=ct-students&quot;`);
  });

  it('offers the social card and the story picture of each language for download', async () => {
    const html = await (await getAs(t, organizer, `/organize/${petitionId}/share`)).text();
    for (const locale of ['en', 'es']) {
      expect(html).toContain(`href="/${locale}/p/${slug}/card.png" download="${slug}-${locale}.png"`);
      expect(html).toContain(`href="/${locale}/p/${slug}/story.png" download="${slug}-${locale}-story.png"`);
    }
    expect(html).toContain('Download for Instagram stories (Spanish, 1080×1920)');
    const card = await getAs(t, organizer, `/es/p/${slug}/card.png`);
    expect(card.status).toBe(200);
    expect(card.headers.get('content-type')).toBe('image/png');
  });

  it('a code that breaks the rule gets a message and no link', async () => {
    const res = await getAs(t, organizer, `/organize/${petitionId}/share?source=${encodeURIComponent('two words')}`, {
      'Accept-Language': 'es',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Usa solo letras minúsculas, números, &quot;-&quot; y &quot;_&quot; (hasta 64).');
    expect(html).toContain('value="two words"');
    expect(html).not.toContain('id="source-link"');
  });

  it('the PNG QR code is a real PNG of a sensible size', async () => {
    const res = await getAs(t, organizer, `/organize/${petitionId}/qr.png?source=flyer-1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await res.arrayBuffer());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBe(height);
    expect(width).toBeGreaterThanOrEqual(200);
    expect(width).toBeLessThanOrEqual(600);
  });

  it('the SVG QR code is well-formed SVG', async () => {
    const res = await getAs(t, organizer, `/organize/${petitionId}/qr.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    const svg = await res.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+"/);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(isWellFormedXml(svg)).toBe(true);
  });
});
