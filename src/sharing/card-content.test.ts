import { describe, expect, it } from 'vitest';
import type { Petition } from '../petitions/petition.js';
import { useLanguages } from '../platform/i18n/translator.js';
import { cardPath, petitionCard } from './card-content.js';
import { cardText } from './social-card.js';

useLanguages(['en', 'es', 'ar']);

const texts = {
  en: { title: 'Pass the Trust Act', statement: 's', why: 'w', deliveryDetails: '' },
  es: { title: 'Aprueben la Ley de Confianza', statement: 's', why: 'w', deliveryDetails: '' },
};

function petition(overrides: Partial<Petition> = {}): Petition {
  return {
    id: 1,
    slug: 'ct-trust-act',
    defaultLocale: 'en',
    locales: ['en', 'es'],
    texts,
    targets: [{ names: { en: 'Connecticut General Assembly', es: 'Asamblea General de Connecticut' } }],
    seatTargets: [],
    ...overrides,
  } as Petition;
}

const BASE = 'https://petitions.example.org';

describe('the social card of a petition', () => {
  it('keeps its version between milestones and gets a new one when the count crosses a milestone', () => {
    const at = (count: number) => petitionCard(petition(), 'en', count, BASE).version;
    expect(at(100)).toBe(at(101));
    expect(at(100)).toBe(at(249));
    expect(at(250)).not.toBe(at(249));
    expect(at(250)).toBe(at(499));
    expect(at(1000)).not.toBe(at(999));
    // Below the first milestone the card asks for a name instead of showing a small number.
    expect(at(0)).toBe(at(9));
    expect(petitionCard(petition(), 'en', 3, BASE).content.count).toBe('Add your name');
  });

  it('says the last milestone reached, in the reader’s language, with the title and targets in it', () => {
    const en = petitionCard(petition(), 'en', 1234, BASE);
    expect(en.content).toMatchObject({
      title: 'Pass the Trust Act',
      to: 'To: Connecticut General Assembly',
      count: '1,000 signatures and counting',
      site: 'petitions.example.org',
      dir: 'ltr',
    });
    const es = petitionCard(petition(), 'es', 1234, BASE);
    expect(es.content).toMatchObject({
      title: 'Aprueben la Ley de Confianza',
      to: 'Para: Asamblea General de Connecticut',
      count: '1000 firmas y sumando',
    });
    expect(es.version).not.toBe(en.version);
    expect(es.alt).toBe('«Aprueben la Ley de Confianza»: 1000 firmas y sumando');
    // A language the petition is not written in gets its default text, and the page's direction.
    const ar = petitionCard(petition(), 'ar', 1234, BASE);
    expect(ar.content.title).toBe('Pass the Trust Act');
    expect(ar.content.dir).toBe('rtl');
  });

  it('gets a new version when the title, the targets or the picture change', () => {
    const base = petitionCard(petition(), 'en', 500, BASE).version;
    const retitled = petition({ texts: { ...texts, en: { ...texts.en, title: 'Pass the Trust Act now' } } });
    expect(petitionCard(retitled, 'en', 500, BASE).version).not.toBe(base);
    expect(petitionCard(petition({ targets: [] }), 'en', 500, BASE).version).not.toBe(base);
    const picture = { version: 'p1', focusX: 0.5, focusY: 0.5 };
    const withPicture = petitionCard(petition(), 'en', 500, BASE, picture).version;
    expect(withPicture).not.toBe(base);
    expect(petitionCard(petition(), 'en', 500, BASE, { ...picture, focusY: 0.2 }).version).not.toBe(withPicture);
  });

  it('names a body the petition targets by seat once, in the reader’s language', () => {
    const seats = petition({
      targets: [{ names: { en: 'Connecticut General Assembly' } }],
      seatTargets: [
        {
          bodyId: 1,
          bodySlug: 'ct',
          bodyNames: { en: 'Connecticut General Assembly', es: 'Asamblea General de Connecticut' },
          sample: true,
          chamber: 'upper',
        },
        {
          bodyId: 1,
          bodySlug: 'ct',
          bodyNames: { en: 'Connecticut General Assembly', es: 'Asamblea General de Connecticut' },
          sample: true,
          chamber: 'lower',
        },
      ],
    });
    expect(petitionCard(seats, 'es', 10, BASE).content.to).toBe('Para: Asamblea General de Connecticut');
  });

  it('has an address per language and shape, versioned for crawlers', () => {
    expect(cardPath('es', 'ct-trust-act', 'card')).toBe('/es/p/ct-trust-act/card.png');
    expect(cardPath('en', 'ct-trust-act', 'story', 'abcdefghijklmnop')).toBe(
      '/en/p/ct-trust-act/story.png?v=abcdefghijkl',
    );
  });
});

describe('the card’s text', () => {
  it('is Pango markup of the words only: markup escaped, emoji and control characters gone', () => {
    expect(cardText('<b>Stop</b> & go ✊🏽 now!\u0007\n')).toBe('&lt;b&gt;Stop&lt;/b&gt; &amp; go now!');
    expect(cardText('<span foreground="red">x</span>')).not.toContain('<span');
  });
});
