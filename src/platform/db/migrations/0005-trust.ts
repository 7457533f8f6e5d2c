// Trust and safety: moderation (review states, reasons, reports), instance settings, shared rate-limit
// counters, block lists, bulk invalidation of signatures, and the columns retention erasure needs.
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../connect.js';
import { idColumn } from './columns.js';

/** The reasons a moderator picks from when rejecting or hiding a petition; admins can edit the list. */
const DEFAULT_REASONS: [code: string, en: string, es: string, needsText: number][] = [
  ['duplicate', 'Duplicate of another petition', 'Duplicada de otra petición', 0],
  ['offensive', 'Offensive or hateful content', 'Contenido ofensivo o de odio', 0],
  ['spam', 'Spam or advertising', 'Spam o publicidad', 0],
  ['not_a_petition', 'Not a petition', 'No es una petición', 0],
  ['personal_information', 'Publishes personal information', 'Publica información personal', 0],
  ['other', 'Other', 'Otro motivo', 1],
];

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const petitionColumns: [string, 'integer' | 'text', string?][] = [
    // 'held' (pre-moderation: waits, not public), 'unreviewed' (post-moderation: public, in the queue),
    // 'approved', 'rejected' (never public). Petitions from before this migration count as approved.
    ['moderation_state', 'text', 'approved'],
    // When the petition entered the review queue (its deadline runs from here).
    ['submitted_at', 'text'],
    ['reviewed_at', 'text'],
    ['reviewed_by', 'integer'],
    // A code from moderation_reasons, and the moderator's text (required for 'other').
    ['review_reason', 'text'],
    ['review_note', 'text'],
    // A published petition taken down by a moderator (restorable): not public while set.
    ['hidden_at', 'text'],
    ['hidden_reason', 'text'],
    ['hidden_note', 'text'],
    // Proof of work before signing: 'off' or 'on' (set by an admin); pow_auto_until is set when it
    // switched itself on because of a burst, and lapses by itself.
    ['pow_mode', 'text', 'off'],
    ['pow_auto_until', 'text'],
    // When retention erased the signers' personal data (counts and per-town totals stay).
    ['personal_data_erased_at', 'text'],
  ];
  for (const [name, type, fallback] of petitionColumns) {
    await db.schema
      .alterTable('petitions')
      .addColumn(name, type, (c) => (fallback === undefined ? c : c.notNull().defaultTo(fallback)))
      .execute();
  }
  await db.schema
    .createIndex('petitions_by_moderation')
    .on('petitions')
    .columns(['moderation_state', 'submitted_at'])
    .execute();

  const signatureColumns: [string, 'integer' | 'text'][] = [
    // The domain of the email as typed (lower-cased): grouping, limits and bulk invalidation by domain.
    ['email_domain', 'text'],
    // Keyed hash of the client's network (/24 for IPv4, /48 for IPv6): bursts from one network group
    // without keeping any address.
    ['ip_prefix_hash', 'text'],
    // Set by bulk invalidation (status 'invalidated'); the status before it, so it can be undone.
    ['invalidation_id', 'integer'],
    ['status_before_invalidation', 'text'],
    // Set when retention (or a deletion request) erased the signer's personal data.
    ['erased_at', 'text'],
  ];
  for (const [name, type] of signatureColumns) {
    await db.schema.alterTable('signatures').addColumn(name, type).execute();
  }
  // Partial: the signing path inserts rows with no invalidation, and a partial index costs those nothing.
  await db.schema
    .createIndex('signatures_by_invalidation')
    .on('signatures')
    .column('invalidation_id')
    .where(sql.ref('invalidation_id'), 'is not', null)
    .execute();
  await db.schema.createIndex('signatures_by_email').on('signatures').column('email_normalized').execute();

  await idColumn(db.schema.createTable('moderation_reasons'), engine)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('label_es', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    // 'other': the moderator must write the reason out.
    .addColumn('needs_text', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db
    .insertInto('moderation_reasons' as never)
    .values(
      DEFAULT_REASONS.map(([code, en, es, needsText], i) => ({
        code,
        label_en: en,
        label_es: es,
        position: i + 1,
        active: 1,
        needs_text: needsText,
      })) as never,
    )
    .execute();

  // Reports from the public about a petition, or about one signature's public comment.
  await idColumn(db.schema.createTable('reports'), engine)
    .addColumn('petition_id', 'integer', (c) => c.notNull().references('petitions.id').onDelete('cascade'))
    .addColumn('signature_id', 'integer')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    // Keyed hash of the reporter's address: repeated reports from one source can be told apart.
    .addColumn('reporter_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'integer')
    .addColumn('resolution', 'text')
    .execute();
  await db.schema.createIndex('reports_open').on('reports').columns(['resolved_at', 'created_at']).execute();
  await db.schema.createIndex('reports_by_petition').on('reports').columns(['petition_id', 'id']).execute();

  // Settings an admin changes at run time (moderation mode, limits, proof of work, retention): JSON
  // values by key; a key not here takes its default from the configuration.
  await db.schema
    .createTable('instance_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .execute();

  // Rate-limit counters shared by every process on PostgreSQL: hits per bucket per fixed window
  // (window_index = floor(epoch milliseconds / window length), small enough for an integer).
  await db.schema
    .createTable('rate_limit_hits')
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('window_index', 'integer', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limit_hits_pk', ['bucket', 'window_index'])
    .execute();

  // Admin-entered blocks: 'domain' (an email domain), 'email' (a normalized address), 'cidr' (a client
  // network, as typed: the check runs on the live address, nothing about it is stored).
  await idColumn(db.schema.createTable('blocked_entries'), engine)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('blocked_entries_kind_value', ['kind', 'value'])
    .execute();

  // A bulk invalidation: what it selects (JSON criteria), why, and its progress as a background job.
  // state: 'queued' → 'running' → 'done' | 'cancelled'; 'reversed' once undone.
  await idColumn(db.schema.createTable('invalidations'), engine)
    .addColumn('petition_id', 'integer', (c) => c.notNull().references('petitions.id').onDelete('cascade'))
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('matched', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('processed', 'integer', (c) => c.notNull().defaultTo(0))
    // Keyset marker: signatures with id <= after_id have been looked at.
    .addColumn('after_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('reversed_at', 'text')
    .addColumn('reversed_by', 'integer')
    .execute();
}
