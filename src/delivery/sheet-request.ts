// Which signature sheets are asked for, from the exports page's form or the command line: a language of the
// petition's own (else its main one), how many (1 to MAX_SHEETS, 10 unless said), the first sheet's number, the paper.
// A download form has nothing to show a mistake beside, so what is out of range is brought within it.
import type { Locale } from '../platform/i18n/translator.js';
import { petitionUrl, type Petition } from '../petitions/petition.js';

export const MAX_SHEETS = 200;
const DEFAULT_SHEETS = 10;
const MAX_FIRST_SHEET = 1_000_000;

export interface SheetRequest {
  locale: Locale;
  sheets: number;
  firstSheet: number;
  paper: 'letter' | 'a4';
}

function whole(value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !/^\d{1,9}$/.test(value.trim())) return fallback;
  return Math.min(max, Math.max(min, Number(value.trim())));
}

export function parseSheetRequest(
  petition: Pick<Petition, 'locales' | 'defaultLocale'>,
  query: Record<string, string | undefined>,
): SheetRequest {
  const asked = query['locale'];
  return {
    locale: petition.locales.find((l) => l === asked) ?? petition.defaultLocale,
    sheets: whole(query['sheets'], DEFAULT_SHEETS, 1, MAX_SHEETS),
    firstSheet: whole(query['first'], 1, 1, MAX_FIRST_SHEET),
    paper: query['paper'] === 'a4' ? 'a4' : 'letter',
  };
}

/** The petition's page in that language, marked as reached from a paper sheet. */
export function sheetUrl(baseUrl: string, locale: Locale, slug: string): string {
  return `${petitionUrl(baseUrl, locale, slug)}?source=paper`;
}
