// The labels of the moderation reasons, one row per language, for any language a site speaks (they were two
// columns, label_en and label_es). The labels the columns held become rows; the columns go.
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../connect.js';
import { idColumn } from './columns.js';

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await idColumn(db.schema.createTable('moderation_reason_labels'), engine)
    .addColumn('reason_id', 'integer', (c) => c.notNull().references('moderation_reasons.id').onDelete('cascade'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addUniqueConstraint('moderation_reason_labels_one_per_language', ['reason_id', 'locale'])
    .execute();
  await sql`INSERT INTO moderation_reason_labels (reason_id, locale, label)
    SELECT id, 'en', label_en FROM moderation_reasons
    UNION ALL SELECT id, 'es', label_es FROM moderation_reasons ORDER BY 1, 2`.execute(db);
  await db.schema.alterTable('moderation_reasons').dropColumn('label_en').execute();
  await db.schema.alterTable('moderation_reasons').dropColumn('label_es').execute();
}
