// A ZIP archive of packets, streamed as each one is written: the per-legislator packets downloaded at once. The PDFs
// are compressed already, so they are stored as they are; a slow reader slows the writing (no archive is held whole).
import { PassThrough, Writable } from 'node:stream';
import { Zip, ZipPassThrough } from 'fflate';

/** Bytes waiting for the reader before the packet being written pauses. */
const WAITING_BYTES = 1024 * 1024;

export interface PacketArchive {
  /** The archive's bytes, for the response. */
  out: PassThrough;
  /** A new entry: what is written to it, until it ends, is the file `name` in the archive. */
  open(name: string): Writable;
  end(): void;
  fail(err: Error): void;
}

export function packetArchive(): PacketArchive {
  const out = new PassThrough();
  const zip = new Zip((err, chunk, final) => {
    if (err !== null) {
      out.destroy(err);
      return;
    }
    out.write(chunk);
    if (final) out.end();
  });
  const waitForReader = (done: () => void) => {
    if (out.writableLength > WAITING_BYTES && !out.destroyed) out.once('drain', done);
    else done();
  };
  return {
    out,
    open(name) {
      const entry = new ZipPassThrough(name);
      zip.add(entry);
      return new Writable({
        write(chunk: Buffer, _encoding, done) {
          entry.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          waitForReader(() => done());
        },
        final(done) {
          entry.push(new Uint8Array(0), true);
          waitForReader(() => done());
        },
      });
    },
    end: () => zip.end(),
    fail: (err) => out.destroy(err),
  };
}
