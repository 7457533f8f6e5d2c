import { describe, expect, it } from 'vitest';
import { applyEditorIntent, parsePetitionForm, type FormValues } from './petition-form.js';

const TODAY = '2026-11-25';
/** The site's languages in these tests. */
const SITE = ['en', 'es', 'pt-BR', 'ht', 'ar'];

function form(overrides: FormValues = {}): FormValues {
  return {
    languages: 'en+es',
    title_en: 'Fix it',
    statement_en: 'Please fix it.',
    why_en: 'Because.',
    delivery_details_en: '',
    title_es: 'Arréglenlo',
    statement_es: 'Arréglenlo, por favor.',
    why_es: 'Porque sí.',
    delivery_details_es: '',
    target_count: '2',
    target_0_en: 'Council',
    target_0_es: 'Concejo',
    target_1_en: '',
    target_1_es: '',
    delivery_method: 'by_mail',
    requires_verification: '',
    country: 'US',
    closes_on: '2026-12-31',
    slug: '',
    ...overrides,
  };
}

const errors = (values: FormValues, options: Partial<Parameters<typeof parsePetitionForm>[1]> = {}) => {
  const result = parsePetitionForm(values, {
    complete: true,
    today: TODAY,
    slugFixed: false,
    languages: SITE,
    ...options,
  });
  return result.ok ? {} : result.errors;
};

describe('parsePetitionForm', () => {
  it('reads a complete bilingual petition; empty target rows are dropped, an unchecked box is false', () => {
    const result = parsePetitionForm(form(), { complete: true, today: TODAY, slugFixed: false, languages: SITE });
    expect(result).toEqual({
      ok: true,
      draft: {
        defaultLocale: 'en',
        texts: {
          en: { title: 'Fix it', statement: 'Please fix it.', why: 'Because.', deliveryDetails: '' },
          es: { title: 'Arréglenlo', statement: 'Arréglenlo, por favor.', why: 'Porque sí.', deliveryDetails: '' },
        },
        targets: [{ names: { en: 'Council', es: 'Concejo' } }],
        deliveryMethod: 'by_mail',
        seatTargets: [],
        requiresVerification: false,
        country: 'US',
        closesOn: '2026-12-31',
        slug: '',
      },
    });
  });

  it('a draft needs only the default language’s title', () => {
    expect(
      errors(form({ statement_en: '', why_es: '', target_0_en: '', target_0_es: '', title_es: '' }), {
        complete: false,
      }),
    ).toEqual({});
    expect(errors(form({ title_en: ' ' }), { complete: false })).toEqual({ title_en: 'organize.error.titleRequired' });
  });

  it('ignores the fields of a language the petition is not in', () => {
    expect(errors(form({ languages: 'es', title_en: '', why_en: '\u0000', target_0_en: '' }))).toEqual({});
  });

  it('refuses unknown choices, a bad slug and a past closing date, but keeps a closing date already saved', () => {
    expect(
      errors(
        form({ languages: 'fr', delivery_method: 'pigeon', country: 'XX', slug: '-bad-', closes_on: '2026-11-24' }),
      ),
    ).toEqual({
      languages: 'organize.error.languages',
      delivery_method: 'organize.error.deliveryMethod',
      country: 'organize.error.country',
      slug: 'organize.error.slug',
      closes_on: 'organize.error.closesOnPast',
    });
    expect(errors(form({ closes_on: '2026-11-24' }), { currentClosesOn: '2026-11-24' })).toEqual({});
    expect(errors(form({ closes_on: '2026-02-30' }))).toEqual({ closes_on: 'organize.error.closesOnInvalid' });
  });

  it('reads a petition in any set of the site’s languages, main language first', () => {
    const values = form({
      languages: 'ht+pt-BR+ar',
      title_ht: 'Ranje l',
      statement_ht: 'Tanpri ranje l.',
      why_ht: 'Paske.',
      'title_pt-BR': 'Consertem',
      'statement_pt-BR': 'Por favor, consertem.',
      'why_pt-BR': 'Porque sim.',
      title_ar: 'أصلحوه',
      statement_ar: 'أصلحوه من فضلكم.',
      why_ar: 'لأن.',
      target_0_ht: 'Konsèy la',
      'target_0_pt-BR': 'Conselho',
      target_0_ar: 'المجلس',
    });
    const result = parsePetitionForm(values, { complete: true, today: TODAY, slugFixed: false, languages: SITE });
    expect(result.ok && result.draft.defaultLocale).toBe('ht');
    expect(result.ok && Object.keys(result.draft.texts)).toEqual(['ht', 'pt-BR', 'ar']);
    expect(result.ok && result.draft.targets).toEqual([
      { names: { ht: 'Konsèy la', 'pt-BR': 'Conselho', ar: 'المجلس' } },
    ]);
    // Published, every language needs its texts and each target's name.
    expect(errors(form({ languages: 'en+ht', title_ht: 'Ranje l' }))).toEqual({
      statement_ht: 'organize.error.statementRequired',
      why_ht: 'organize.error.whyRequired',
      target_0_ht: 'organize.error.targetNameRequired',
    });
  });

  it('refuses a language the site does not speak, one named twice, and an empty list', () => {
    for (const languages of ['en+fr', 'en+es+en', '', 'en+', 'EN'])
      expect(errors(form({ languages }), { complete: false })).toEqual({ languages: 'organize.error.languages' });
    // A language the petition already has stays allowed when the site stops speaking it.
    expect(errors(form({ languages: 'en+es' }), { languages: ['en'] })).toEqual({
      languages: 'organize.error.languages',
    });
    expect(errors(form({ languages: 'en+es' }), { languages: ['en', 'es'] })).toEqual({});
  });

  it('ignores the slug once it is fixed', () => {
    const result = parsePetitionForm(form({ slug: 'Not valid!' }), {
      complete: true,
      today: TODAY,
      slugFixed: true,
      languages: SITE,
    });
    expect(result.ok && result.draft.slug).toBe('');
  });
});

describe('applyEditorIntent', () => {
  const base: FormValues = { languages: 'en+es', target_count: '2', title_en: 'Fix it', title_es: 'Arréglenlo' };

  it('saves on "save" and on no intent at all', () => {
    expect(applyEditorIntent({ ...base, intent: 'save' }, SITE)).toBeUndefined();
    expect(applyEditorIntent(base, SITE)).toBeUndefined();
  });

  it('adds a translation in one of the site’s languages, once, keeping what was typed', () => {
    const added = applyEditorIntent({ ...base, intent: 'add_language', language_to_add: 'pt-BR' }, SITE);
    expect(added?.['languages']).toBe('en+es+pt-BR');
    expect(added?.['title_es']).toBe('Arréglenlo');
    for (const language_to_add of ['es', 'fr', ''])
      expect(applyEditorIntent({ ...base, intent: 'add_language', language_to_add }, SITE)?.['languages']).toBe(
        'en+es',
      );
  });

  it('removes a translation, makes one the main language, and never removes the main language', () => {
    const three = { ...base, languages: 'en+es+ar' };
    expect(applyEditorIntent({ ...three, intent: 'remove_language:es' }, SITE)?.['languages']).toBe('en+ar');
    expect(applyEditorIntent({ ...three, intent: 'main_language:ar' }, SITE)?.['languages']).toBe('ar+en+es');
    expect(applyEditorIntent({ ...three, intent: 'remove_language:en' }, SITE)?.['languages']).toBe('en+es+ar');
    expect(applyEditorIntent({ ...three, intent: 'remove_language:fr' }, SITE)?.['languages']).toBe('en+es+ar');
  });

  it('adds a target row, and removing one moves the rows below it up in every language', () => {
    expect(applyEditorIntent({ ...base, intent: 'add_target' }, SITE)?.['target_count']).toBe('3');
    const removed = applyEditorIntent(
      {
        languages: 'en+pt-BR',
        target_count: '2',
        intent: 'remove_target_0',
        target_0_en: 'Council',
        'target_0_pt-BR': 'Conselho',
        target_1_en: 'Mayor',
        'target_1_pt-BR': 'Prefeita',
      },
      SITE,
    );
    expect(removed).toMatchObject({ target_count: '1', target_0_en: 'Mayor', 'target_0_pt-BR': 'Prefeita' });
  });
});
