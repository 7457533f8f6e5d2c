// A complete editor form (English with a Spanish translation), so a test states only what it changes.
import type { Fields } from '../support/test-app.js';

export function petitionFields(overrides: Fields = {}): Fields {
  return {
    intent: 'save',
    languages: 'en+es',
    title_en: 'Light the Park Street crossing',
    statement_en: 'Install a traffic light at the Park Street crossing before winter.',
    why_en: 'Children cross here **every day**.\n\nTwo people were hurt this year.',
    delivery_details_en: 'We will bring the signatures to the council meeting.',
    title_es: 'Un semáforo en el cruce de Park Street',
    statement_es: 'Instalen un semáforo en el cruce de Park Street antes del invierno.',
    why_es: 'Los niños cruzan aquí *todos los días*.\n\nDos personas resultaron heridas este año.',
    delivery_details_es: 'Llevaremos las firmas a la reunión del concejo.',
    target_count: '1',
    target_0_en: 'Hartford City Council',
    target_0_es: 'Concejo Municipal de Hartford',
    delivery_method: 'by_hand',
    requires_verification: 'yes',
    country: 'US',
    closes_on: '',
    slug: '',
    ...overrides,
  };
}

/** The id in a redirect to /organize/:id/edit. */
export function editedId(res: Response): number {
  const match = /^\/organize\/(\d+)\/edit/.exec(res.headers.get('location') ?? '');
  if (match === null) throw new Error(`not a redirect to the editor: ${res.status} ${res.headers.get('location')}`);
  return Number(match[1]);
}
