// The message catalogs: one JSON file per language in locales/, each message in ICU MessageFormat (plurals,
// selects, numbers), the format translation platforms read and write (docs/decisions/0015). Read and
// compiled once per process; a message is then only formatted.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';

/** A catalog as its file holds it: message key → ICU MessageFormat text. */
export type CatalogSource = Record<string, string>;

/** A message ready to format: its text when it takes no values, else its formatter and the values it reads. */
export interface CompiledMessage {
  /** The text, when the message takes no values. */
  text: string | undefined;
  format: IntlMessageFormat | undefined;
  /** Every value the message reads. */
  values: readonly string[];
  /** Values it formats itself (plural, select, number, date): passed as they are, not as text. */
  typed: ReadonlySet<string>;
}

/** Parse options: `<` is text (no message may hold markup; the catalog test refuses tags). */
export const PARSE_OPTIONS = { ignoreTag: true, requiresOtherClause: true } as const;

let found: string | undefined;

/** The nearest locales/ folder above this module: the checkout's or the installed package's. */
/**
 * Reads the catalogs from another folder from now on: for tests of a catalog that is not shipped (a
 * partial one). Must be called before the first translator is made.
 */
export function useCatalogDir(dir: string): void {
  found = dir;
}

export function catalogDir(): string {
  if (found !== undefined) return found;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'locales');
    if (fs.existsSync(path.join(candidate, 'en.json'))) return (found = candidate);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('locales/en.json was not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

export function readCatalog(locale: string, dir = catalogDir()): CatalogSource {
  const parsed: unknown = JSON.parse(fs.readFileSync(path.join(dir, `${locale}.json`), 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`locales/${locale}.json: expected an object of messages`);
  for (const [key, value] of Object.entries(parsed))
    if (typeof value !== 'string') throw new Error(`locales/${locale}.json: "${key}" is not text`);
  return parsed as CatalogSource;
}

/** The values a parsed message reads, and which of them it formats itself. */
export function valuesOf(elements: readonly MessageFormatElement[]): { values: Set<string>; typed: Set<string> } {
  const values = new Set<string>();
  const typed = new Set<string>();
  const walk = (list: readonly MessageFormatElement[]) => {
    for (const el of list) {
      if (el.type === TYPE.argument) values.add(el.value);
      else if (el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) {
        values.add(el.value);
        typed.add(el.value);
      } else if (el.type === TYPE.plural || el.type === TYPE.select) {
        values.add(el.value);
        typed.add(el.value);
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(elements);
  return { values, typed };
}

/** Compiles one message for `formatLocale` (the locale Intl formats its plurals and numbers with). */
export function compileMessage(source: string, formatLocale: string): CompiledMessage {
  const ast = parse(source, PARSE_OPTIONS);
  const { values, typed } = valuesOf(ast);
  const format = new IntlMessageFormat(ast, formatLocale, undefined, { ignoreTag: true });
  if (values.size === 0) return { text: String(format.format()), format: undefined, values: [], typed };
  return { text: undefined, format, values: [...values], typed };
}
