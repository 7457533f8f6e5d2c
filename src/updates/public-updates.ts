// The updates a petition page shows: newest first, each in the reader's language where written.
import type { Db } from '../platform/db/connect.js';
import type { Locale } from '../platform/i18n/translator.js';
import type { Petition } from '../petitions/petition.js';
import { listUpdates } from './update-store.js';
import { updateTextFor } from './update-text.js';

export interface PublicUpdate {
  id: number;
  createdAt: string;
  title: string;
  body: string;
  bodyHtml: string | null;
}

export async function publicUpdates(
  db: Db,
  petition: Pick<Petition, 'id' | 'defaultLocale'>,
  locale: Locale,
): Promise<PublicUpdate[]> {
  const updates = await listUpdates(db, petition.id);
  return updates.flatMap((u) => {
    const text = updateTextFor(u.texts, locale, petition.defaultLocale);
    return text === undefined
      ? []
      : [{ id: u.id, createdAt: u.createdAt, title: text.title, body: text.body, bodyHtml: text.bodyHtml ?? null }];
  });
}
