// A petition with an Arabic translation gets an Arabic cover in its delivery packet, set as an Arabic
// reader reads: every line against the right edge, and a name in Latin letters to the left of the Arabic
// words before it ("إلى: Connecticut General Assembly"), where the English cover sets it at the left.
import { describe, expect, it } from 'vitest';
import { getAs, signedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';
import { pdfWords } from './exports-support.js';

const LETTER_WIDTH = 612;
const MARGIN = 54;

describe.each(enginesToTest())('an Arabic cover in the delivery packet on $name', (engine) => {
  const t = useTestApp(engine, { env: { FIRMA_LOCALES: 'en,es,ar' } });

  it('is set right to left, with the Latin target name to the left of the Arabic label', async () => {
    const owner = await signedIn(t);
    const { id } = await makePetition(t.deps.db, {
      ownerId: owner.user.id,
      defaultLocale: 'en',
      texts: {
        en: {
          title: 'Protect Norwich families',
          statement: 'We ask our legislators to pass the Trust Act.',
          why: 'Families should not fear the police.',
          deliveryDetails: '',
        },
        ar: {
          title: 'احموا عائلات نورويتش',
          statement: 'نطلب من الجمعية إقرار قانون الثقة.',
          why: 'يجب ألا تخاف العائلات من الشرطة.',
          deliveryDetails: '',
        },
      },
      targets: [{ names: { en: 'Connecticut General Assembly', ar: 'Connecticut General Assembly' } }],
    });
    const res = await getAs(t, owner, `/organize/${id}/packet.pdf?paper=letter`);
    expect(res.status).toBe(200);
    const words = pdfWords(new Uint8Array(await res.arrayBuffer()));
    const assembly = words.filter((w) => w.text === 'Assembly');
    // One cover per language, English first: the same words, at the left and then at the right.
    expect(assembly.map((w) => w.page)).toEqual([1, 2]);
    const [english, arabic] = assembly;
    expect(english?.xMax).toBeLessThan(LETTER_WIDTH / 2);
    expect(arabic?.xMin).toBeGreaterThan(LETTER_WIDTH / 2);
    // The Arabic label stands at the right edge, to the right of the name.
    const right = words.filter((w) => w.page === 2 && w.xMin > (arabic?.xMax ?? LETTER_WIDTH)).map((w) => w.xMax);
    expect(right.length).toBeGreaterThan(0);
    expect(Math.max(...right)).toBeGreaterThan(LETTER_WIDTH - MARGIN - 2);
    expect(Math.max(...right)).toBeLessThanOrEqual(LETTER_WIDTH - MARGIN + 1);
  });
});
