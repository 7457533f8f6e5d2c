// The HTML of every Markdown text, kept beside it: rendered once when the text is saved, not for every reader
// (the public page rendered every update again on each cache miss, which a hostile text made slow). Texts
// saved before this migration are rendered here, with the renderer of the day.
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../connect.js';
import { renderMarkdownHtml } from '../../text/markdown.js';

export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  for (const column of ['statement_html', 'why_html', 'delivery_details_html']) {
    await db.schema.alterTable('petition_translations').addColumn(column, 'text').execute();
  }
  await db.schema.alterTable('petition_update_texts').addColumn('body_html', 'text').execute();

  const texts = await sql<{
    petition_id: number;
    locale: string;
    statement: string;
    why: string;
    delivery_details: string;
  }>`
    SELECT petition_id, locale, statement, why, delivery_details FROM petition_translations`.execute(db);
  for (const t of texts.rows) {
    await sql`UPDATE petition_translations
      SET statement_html = ${renderMarkdownHtml(t.statement)}, why_html = ${renderMarkdownHtml(t.why)},
          delivery_details_html = ${renderMarkdownHtml(t.delivery_details)}
      WHERE petition_id = ${t.petition_id} AND locale = ${t.locale}`.execute(db);
  }
  const updates = await sql<{
    update_id: number;
    locale: string;
    body: string;
  }>`SELECT update_id, locale, body FROM petition_update_texts`.execute(db);
  for (const u of updates.rows) {
    await sql`UPDATE petition_update_texts SET body_html = ${renderMarkdownHtml(u.body)} WHERE update_id = ${u.update_id} AND locale = ${u.locale}`.execute(
      db,
    );
  }
}
