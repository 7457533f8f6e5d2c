// The updates a petition page shows: newest first, each in the reader's language where written.
import type { Db } from '../platform/db/connect.js';
import type { Locale } from '../platform/i18n/translator.js';
import type { Petition } from '../petitions/petition.js';
import { listUpdates } from './update-store.js';
import { updateLocaleFor } from './update-text.js';

export interface PublicUpdate {
  id: number;
  createdAt: string;
  title: string;
  body: string;
  bodyHtml: string | null;
  /** The language the title and body are written in (another than the page's when the update has no text in it). */
  locale: Locale;
}

export async function publicUpdates(
  db: Db,
  petition: Pick<Petition, 'id' | 'defaultLocale'>,
  locale: Locale,
): Promise<PublicUpdate[]> {
  const updates = await listUpdates(db, petition.id);
  return updates.flatMap((u) => {
    const shown = updateLocaleFor(u.texts, locale, petition.defaultLocale);
    const text = shown === undefined ? undefined : u.texts.get(shown);
    return shown === undefined || text === undefined
      ? []
      : [
          {
            id: u.id,
            createdAt: u.createdAt,
            title: text.title,
            body: text.body,
            bodyHtml: text.bodyHtml ?? null,
            locale: shown,
          },
        ];
  });
}
