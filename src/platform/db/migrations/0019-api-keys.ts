// API keys: an organizer's scripts and data manager read (and, with write access, record) signatures through
// /api/v1. Only a hash of each key is kept; the key itself is shown once, when it is made.
import type { Kysely } from 'kysely';
import type { Engine } from '../connect.js';
import { idColumn } from './columns.js';

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await idColumn(db.schema.createTable('api_keys'), engine)
    // The key acts for this account, never beyond what it may do on the site.
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // Null: every petition the account manages (all of them for an admin); else this one only.
    .addColumn('petition_id', 'integer', (c) => c.references('petitions.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('can_write', 'integer', (c) => c.notNull())
    // SHA-256 of the key (a key is 32 random bytes: no slow hash needed to make guessing hopeless).
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    // The key's first characters, shown in the list so its owner can tell keys apart.
    .addColumn('key_prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('api_keys_by_user').on('api_keys').columns(['user_id']).execute();
}
