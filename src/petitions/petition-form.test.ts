import { describe, expect, it } from 'vitest';
import { parsePetitionForm, type FormValues } from './petition-form.js';

const TODAY = '2026-11-25';

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
  const result = parsePetitionForm(values, { complete: true, today: TODAY, slugFixed: false, ...options });
  return result.ok ? {} : result.errors;
};

describe('parsePetitionForm', () => {
  it('reads a complete bilingual petition; empty target rows are dropped, an unchecked box is false', () => {
    const result = parsePetitionForm(form(), { complete: true, today: TODAY, slugFixed: false });
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

  it('ignores the slug once it is fixed', () => {
    const result = parsePetitionForm(form({ slug: 'Not valid!' }), { complete: true, today: TODAY, slugFixed: true });
    expect(result.ok && result.draft.slug).toBe('');
  });
});
