// The words a page or an email shows for a catalog message, for tests to expect: a translator's better
// wording then changes the catalog and not the tests. Tests keep literal text only where the words
// themselves are the requirement (the demo petition's title, what a count reads).
import { translator, type MessageKey, type Params } from '../../src/platform/i18n/translator.js';

export function copy(locale: string, key: MessageKey, params?: Params): string {
  return translator(locale).t(key, params);
}
