// A body's name in the reader's language (else the site's default language's, else its slug), and the badge
// that marks Firma's generated sample data wherever it shows.
import { defaultLocale, type Translator } from '../../../../platform/i18n/translator.js';
import type { Body } from '../../../../targets/directory-store.js';

export function bodyName(t: Translator, body: Body): string {
  return body.names[t.locale] ?? body.names[defaultLocale()] ?? body.names['en'] ?? body.slug;
}

export function SampleBadge({ t, body }: { t: Translator; body: Body }) {
  return body.sample ? <strong class="badge">{t.t('targets.sampleBadge')}</strong> : null;
}
