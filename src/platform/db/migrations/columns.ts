// Column shapes that differ between the engines, one function each.
import type { CreateTableBuilder } from 'kysely';
import type { Engine } from '../connect.js';

/** An auto-incrementing integer primary key named `id`. */
export function idColumn<T extends string>(
  table: CreateTableBuilder<T, never>,
  engine: Engine,
): CreateTableBuilder<T, 'id'> {
  return engine === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}
