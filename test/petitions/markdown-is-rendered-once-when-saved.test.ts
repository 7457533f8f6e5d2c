// A Markdown text's HTML is rendered once, when the text is saved, and the pages show what was stored: the
// public page used to parse every update again on each cache miss, which a hostile text made slow for all.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { renderMarkdownHtml } from '../../src/platform/text/markdown.js';
import { insertUpdate } from '../../src/updates/update-store.js';
import { enginesToTest, type TestDatabase } from '../support/databases.js';
import { makeBarePetition, makePetition } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(enginesToTest())('stored Markdown on $name', (engine) => {
  let t: TestApp | undefined;
  let database: TestDatabase | undefined;

  beforeEach(async (ctx) => {
    if (engine.skipReason !== undefined) ctx.skip();
  });
  afterEach(async () => {
    await t?.close();
    await database?.close();
    t = undefined;
    database = undefined;
  });

  it('a petition and an update keep their HTML from the moment they are saved, and the page shows the stored HTML', async () => {
    t = await createTestApp(engine);
    const db = t.deps.db;
    const statement = 'We ask the **Assembly** to [read this](https://example.org).';
    const { id, slug } = await makePetition(db, {
      texts: {
        en: { title: 'Stored', statement, why: '- one\n- two', deliveryDetails: '' },
        es: { title: 'Guardada', statement: 'Pedimos *esto*.', why: 'Porque sí.', deliveryDetails: '' },
      },
    });
    const updateId = await insertUpdate(db, {
      petitionId: id,
      authorId: null,
      createdAt: t.deps.now().toISOString(),
      emailSigners: false,
      texts: { en: { title: 'News', body: 'We **met** them.' } },
    });
    const row = await db
      .selectFrom('petition_translations')
      .selectAll()
      .where('petition_id', '=', id)
      .where('locale', '=', 'en')
      .executeTakeFirstOrThrow();
    expect(row.statement_html).toBe(renderMarkdownHtml(statement));
    expect(row.why_html).toBe('<ul><li>one</li><li>two</li></ul>');
    const text = await db
      .selectFrom('petition_update_texts')
      .selectAll()
      .where('update_id', '=', updateId)
      .executeTakeFirstOrThrow();
    expect(text.body_html).toBe('<p>We <strong>met</strong> them.</p>');

    // What the page shows is what was stored: change the stored HTML, and the page follows.
    await db
      .updateTable('petition_translations')
      .set({ statement_html: '<p>from storage</p>' })
      .where('petition_id', '=', id)
      .where('locale', '=', 'en')
      .execute();
    await db
      .updateTable('petition_update_texts')
      .set({ body_html: '<p>update from storage</p>' })
      .where('update_id', '=', updateId)
      .execute();
    t.deps.petitions.forget();
    const page = await (await t.app.request(`/en/p/${slug}`)).text();
    expect(page).toContain('<p>from storage</p>');
    expect(page).toContain('<p>update from storage</p>');
    expect(page).not.toContain('<strong>Assembly</strong>');
  });

  it('migration 0009 renders the texts saved before it', async () => {
    database = await engine.open('0008-probe-and-count-shards');
    const db = database.connection.db;
    // Written as the code before 0009 wrote it: no HTML columns yet.
    const { id } = await makeBarePetition(db);
    await sql`INSERT INTO petition_translations (petition_id, locale, title, statement, why, delivery_details)
      VALUES (${id}, 'en', 'Old', 'An *old* text', '1. first', 'By **hand**')`.execute(db);
    const { id: updateId } = await db
      .insertInto('petition_updates')
      .values({ petition_id: id, author_id: null, created_at: '2026-11-01T00:00:00.000Z', email_signers: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`INSERT INTO petition_update_texts (update_id, locale, title, body) VALUES (${updateId}, 'en', 'Old news', '[link](https://example.org)')`.execute(
      db,
    );

    expect(await migrateToLatest(database.connection, '0009-rendered-markdown')).toEqual(['0009-rendered-markdown']);

    const row = await db
      .selectFrom('petition_translations')
      .selectAll()
      .where('petition_id', '=', id)
      .executeTakeFirstOrThrow();
    expect([row.statement_html, row.why_html, row.delivery_details_html]).toEqual([
      '<p>An <em>old</em> text</p>',
      '<ol><li>first</li></ol>',
      '<p>By <strong>hand</strong></p>',
    ]);
    const text = await db
      .selectFrom('petition_update_texts')
      .selectAll()
      .where('update_id', '=', updateId)
      .executeTakeFirstOrThrow();
    expect(text.body_html).toBe(renderMarkdownHtml('[link](https://example.org)'));
  });
});
