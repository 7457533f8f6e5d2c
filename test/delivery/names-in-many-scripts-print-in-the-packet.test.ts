import { beforeEach, describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { getAs, signedIn, type SignedIn } from '../support/accounts.js';
import { makePetition, makeSignature } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';
import { pdfFonts, pdfText } from './exports-support.js';

// Signers' names in the scripts of languages spoken in Connecticut's immigrant communities, and the
// font each must be printed in (a name in a script no embedded font covers would print as empty boxes).
// `read` is the name as pdftotext reads it back: it reads glyphs in visual order, so a vowel sign
// drawn before its consonant (Gurmukhi's ਿ) comes first.
const NAMES: { script: string; name: string; font: string; read?: string }[] = [
  { script: 'Korean', name: '김민준', font: 'NotoSansKR' },
  { script: 'Thai', name: 'สมชาย', font: 'NotoSansThai' },
  { script: 'Bengali', name: 'রহমান', font: 'NotoSansBengali' },
  { script: 'Gujarati', name: 'પટેલ', font: 'NotoSansGujarati' },
  // fontkit cannot position this name's marks in the subset font: it is set without mark positioning.
  { script: 'Gurmukhi', name: 'ਸਿੰਘ', font: 'NotoSansGurmukhi', read: 'ਿਸੰਘ' },
  { script: 'Tamil', name: 'முருகன்', font: 'NotoSansTamil' },
  { script: 'Khmer', name: 'សុខា', font: 'NotoSansKhmer' },
  { script: 'Ethiopic (Amharic, Tigrinya)', name: 'አበበ በቀለ', font: 'NotoSansEthiopic' },
  { script: 'Armenian', name: 'Արամ', font: 'NotoSansArmenian' },
  { script: 'Georgian', name: 'გიორგი', font: 'NotoSansGeorgian' },
  // Right to left, two words: read back in order, with the space between them (pdfkit laid words out
  // one at a time left to right, which printed "عليمحمد").
  { script: 'Arabic', name: 'محمد علي', font: 'NotoSansArabic' },
  { script: 'Hebrew', name: 'דוד כהן', font: 'NotoSansHebrew' },
];

describe.each(enginesToTest())('names in many scripts in the delivery packet on $name', (engine) => {
  const t = useTestApp(engine);
  let owner: SignedIn;

  beforeEach(async () => {
    owner = await signedIn(t);
  });

  it('embeds the font of each script and prints each name as text', async () => {
    const { id } = await makePetition(t.deps.db, { ownerId: owner.user.id });
    for (const { name } of NAMES) await makeSignature(t.deps.db, id, { name });
    const res = await getAs(t, owner, `/organize/${id}/packet.pdf`);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const fonts = pdfFonts(bytes);
    const { text } = pdfText(bytes);
    for (const { script, name, font, read } of NAMES) {
      expect(fonts, script).toMatch(new RegExp(`\\+${font}-Regular `));
      expect(text, script).toContain(read ?? name);
    }
    expect(text).toMatch(/12 confirmed signatures/);
  });
});
