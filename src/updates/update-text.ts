// An update's text in one language, and which language a reader is shown.

export interface UpdateText {
  title: string;
  body: string;
  /** The body's HTML as stored when it was saved (undefined for a text not yet stored). */
  bodyHtml?: string | null;
}

/** The text in `locale`, else in the petition's default language, else any. */
export function updateTextFor(
  texts: Map<string, UpdateText>,
  locale: string,
  fallback: string,
): UpdateText | undefined {
  return texts.get(locale) ?? texts.get(fallback) ?? texts.values().next().value;
}
