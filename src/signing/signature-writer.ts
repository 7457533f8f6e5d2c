// Group commit for signatures: those that arrive while the database is busy are written together
// in one transaction, so a spike costs one commit per batch instead of one per signer.
//
// On a SQLite file the batches are committed by a second thread with its own connection (WAL lets
// the main thread's connection keep reading meanwhile): better-sqlite3 is synchronous, so the
// inserts and the commit would otherwise stop the main thread from serving anyone else. On
// PostgreSQL (the database server does that work) and on an in-memory SQLite (one connection only)
// the batches are written from the main thread.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Db } from '../db/connect.js';
import { writeBatch, writeError, type BatchRequest, type BatchResponse } from './signature-batch.js';
import type { InsertOutcome, NewSignature } from './signature-store.js';

export interface SignatureWriter {
  /** Resolves once the signature is committed, with what insertSignature would have said. */
  write(signature: NewSignature): Promise<InsertOutcome>;
  /** Waits for the signatures already handed over, then stops the write thread (if any). */
  close(): Promise<void>;
}

/** Where a batch goes to be committed. */
interface BatchSink {
  send(request: BatchRequest): Promise<BatchResponse>;
  close(): Promise<void>;
}

interface Pending {
  signature: NewSignature;
  resolve: (outcome: InsertOutcome) => void;
  reject: (err: unknown) => void;
}

/** SQLite allows 32,766 bound values per statement; a signature row has 22. */
export const MAX_BATCH = 500;

export interface SignatureWriterOptions {
  db: Db;
  random: () => number;
  /** A SQLite database file to commit to from a second thread; undefined: commit from this thread on `db`. */
  threadFile?: string | undefined;
}

export function createSignatureWriter({ db, random, threadFile }: SignatureWriterOptions): SignatureWriter {
  const sink = threadFile === undefined ? inProcessSink(db) : writeThreadSink(threadFile);
  let queue: Pending[] = [];
  let flushing: Promise<void> | undefined;
  let nextId = 1;

  async function flush(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(MAX_BATCH);
      const shard = Math.floor(random() * 1_000_000);
      try {
        const { results } = await sink.send({ id: nextId++, signatures: batch.map((p) => p.signature), shard });
        batch.forEach((p, i) => {
          const result = results[i];
          if (result === undefined) p.reject(new Error('the signature writer answered fewer results than it was sent'));
          else if (result.ok) p.resolve(result.outcome);
          else p.reject(writeError(result.error));
        });
      } catch (err) {
        for (const p of batch) p.reject(err);
      }
    }
    flushing = undefined;
  }

  return {
    write(signature) {
      return new Promise((resolve, reject) => {
        queue.push({ signature, resolve, reject });
        // Let this turn of the event loop deliver every request it has read, then write them all.
        if (flushing === undefined && queue.length === 1) {
          flushing = new Promise((done) => setImmediate(() => void flush().then(done)));
        }
      });
    },
    async close() {
      await flushing;
      await sink.close();
    },
  };
}

function inProcessSink(db: Db): BatchSink {
  return { send: (request) => writeBatch(db, request), close: async () => {} };
}

/**
 * The write thread's entry module, next to this one: signature-write-thread.js in the build, .ts when
 * run from source (the tests), where Node strips the types and a resolve hook maps the source's
 * `./x.js` imports to `./x.ts`.
 */
const THREAD_ENTRY = new URL(`./signature-write-thread${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url).href;
const BOOTSTRAP = `
const { registerHooks } = require('node:module');
const { workerData } = require('node:worker_threads');
if (workerData.entry.endsWith('.ts')) {
  registerHooks({
    resolve(specifier, context, next) {
      try {
        return next(specifier, context);
      } catch (err) {
        if (err && err.code === 'ERR_MODULE_NOT_FOUND' && specifier.startsWith('.') && specifier.endsWith('.js')) {
          return next(specifier.slice(0, -3) + '.ts', context);
        }
        throw err;
      }
    },
  });
}
import(workerData.entry).catch((err) => { setImmediate(() => { throw err; }); });
`;

function writeThreadSink(file: string): BatchSink {
  let worker: Worker | undefined;
  const waiting = new Map<number, { resolve: (response: BatchResponse) => void; reject: (err: unknown) => void }>();

  function failAll(err: unknown) {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  }

  function start(): Worker {
    const thread = new Worker(BOOTSTRAP, { eval: true, workerData: { file, entry: THREAD_ENTRY } });
    // Only a batch in flight keeps the process alive (ref'd in send, unref'd when answered).
    thread.unref();
    thread.on('message', (response: BatchResponse) => {
      const w = waiting.get(response.id);
      waiting.delete(response.id);
      if (waiting.size === 0) thread.unref();
      w?.resolve(response);
    });
    thread.on('error', (err) => failAll(err));
    thread.on('exit', (code) => {
      if (worker === thread) worker = undefined;
      failAll(new Error(`the signature write thread stopped (exit code ${code})`));
    });
    return thread;
  }

  return {
    send(request) {
      const thread = (worker ??= start());
      return new Promise((resolve, reject) => {
        waiting.set(request.id, { resolve, reject });
        thread.ref();
        thread.postMessage(request);
      });
    },
    async close() {
      const thread = worker;
      if (thread === undefined) return;
      worker = undefined;
      await new Promise<void>((resolve) => {
        thread.once('exit', () => resolve());
        thread.postMessage('close');
      });
    },
  };
}
