// An update's text in one language, and which language a reader is shown.

export interface UpdateText {
  title: string;
  body: string;
  /** The body's HTML as stored when it was saved (undefined for a text not yet stored). */
  bodyHtml?: string | null;
}

/** The language of the text a reader of `locale` is shown: theirs, else the petition's default, else any. */
export function updateLocaleFor(texts: Map<string, UpdateText>, locale: string, fallback: string): string | undefined {
  if (texts.has(locale)) return locale;
  if (texts.has(fallback)) return fallback;
  return texts.keys().next().value;
}

/** The text in `locale`, else in the petition's default language, else any. */
export function updateTextFor(
  texts: Map<string, UpdateText>,
  locale: string,
  fallback: string,
): UpdateText | undefined {
  const shown = updateLocaleFor(texts, locale, fallback);
  return shown === undefined ? undefined : texts.get(shown);
}
