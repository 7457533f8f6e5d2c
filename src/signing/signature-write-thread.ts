// The body of the SQLite write thread (see signature-writer.ts): its own connection to the database
// file, on which it commits each batch of signatures the main thread sends, and answers with one
// result per signature. Runs only inside a worker thread.
import { parentPort, workerData } from 'node:worker_threads';
import { Kysely, SqliteDialect } from 'kysely';
import { openSqlite, withStatementCache } from '../db/connect.js';
import type { Tables } from '../db/schema.js';
import { writeBatch, type BatchRequest } from './signature-batch.js';

const port = parentPort;
if (port === null) throw new Error('signature-write-thread runs only as a worker thread');
const { file } = workerData as { file: string };
const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(openSqlite(file)) }) });

// One batch at a time, in the order they came: the main thread waits for each answer before it sends
// the next, and the chain keeps that order even if it did not.
let chain = Promise.resolve();
port.on('message', (request: BatchRequest | 'close') => {
  if (request === 'close') {
    chain = chain.then(() => db.destroy()).then(() => process.exit(0));
    return;
  }
  chain = chain.then(async () => port.postMessage(await writeBatch(db, request)));
});
