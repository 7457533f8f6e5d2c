// Paging and filtering as OSDI asks: `page` and `per_page` (at most MAX_PER_PAGE), `_links.next`/`prev`, and the
// OData subset's `filter=modified_date gt '2026-12-01'` (gt and lt, joined by `and`). A `next` link also carries the
// last id it saw (`after`), so the thousandth page is read as quickly as the first.
import { z } from 'zod';

export const DEFAULT_PER_PAGE = 25;
export const MAX_PER_PAGE = 100;
const MAX_FILTER = 200;

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

export const pageQuerySchema = z.object({
  page: int(1, 1_000_000_000).default(1),
  per_page: int(1, MAX_PER_PAGE).default(DEFAULT_PER_PAGE),
  after: int(0, 1_000_000_000).optional(),
});

export type PageQuery = z.infer<typeof pageQuerySchema>;

export interface DateFilter {
  modifiedAfter?: string;
  modifiedBefore?: string;
}

const CLAUSE = /^modified_date\s+(gt|lt)\s+'([^']{1,40})'$/;

/** The filter's dates (as stored: ISO 8601 in UTC), or undefined for a filter Firma does not understand. */
export function parseDateFilter(text: string | undefined): DateFilter | undefined {
  if (text === undefined || text.trim() === '') return {};
  if (text.length > MAX_FILTER) return undefined;
  const filter: DateFilter = {};
  for (const clause of text.trim().split(/\s+and\s+/i)) {
    const match = CLAUSE.exec(clause.trim());
    if (match === null) return undefined;
    const [, op, value = ''] = match;
    if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value))
      return undefined;
    const moment = new Date(value.length === 10 ? `${value}T00:00:00Z` : value.replace(' ', 'T'));
    if (Number.isNaN(moment.getTime())) return undefined;
    if (op === 'gt') filter.modifiedAfter = moment.toISOString();
    else filter.modifiedBefore = moment.toISOString();
  }
  return filter;
}

export interface PageLinks {
  self: { href: string };
  next?: { href: string };
  prev?: { href: string };
}

/**
 * The paging fields and links of a page of `total` records; `lastId`, the last record's id on this page, goes in the
 * `next` link when records are read by id.
 */
export function pageOf(
  url: string,
  query: PageQuery,
  total: number,
  lastId: number | undefined,
): { total_pages: number; per_page: number; page: number; total_records: number; links: PageLinks } {
  const totalPages = Math.max(1, Math.ceil(total / query.per_page));
  const at = (page: number, after?: number) => {
    const u = new URL(url);
    u.searchParams.set('page', String(page));
    u.searchParams.set('per_page', String(query.per_page));
    if (after === undefined) u.searchParams.delete('after');
    else u.searchParams.set('after', String(after));
    return { href: u.toString() };
  };
  const links: PageLinks = { self: { href: url } };
  if (query.page < totalPages) links.next = at(query.page + 1, lastId);
  if (query.page > 1) links.prev = at(query.page - 1);
  return { total_pages: totalPages, per_page: query.per_page, page: query.page, total_records: total, links };
}

/** The paging numbers of a page, as OSDI names them. */
export function pagingFields(paging: ReturnType<typeof pageOf>) {
  return {
    total_pages: paging.total_pages,
    per_page: paging.per_page,
    page: paging.page,
    total_records: paging.total_records,
  };
}
