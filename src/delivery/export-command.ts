// `firma export pdf|csv --petition <slug> [...]`: the same exports as the dashboard, written to a file or stdout.
import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Db } from '../platform/db/connect.js';
import { petitionUrl, type Petition } from '../petitions/petition.js';
import { csvChunks } from './csv-export.js';
import { filterErrors, filtersSchema, packetOptionsSchema } from './export-filters.js';
import { countSignaturesFor, recordExport, signaturePages, summarizeSignatures } from './export-store.js';
import { translator, type MessageKey } from '../platform/i18n/translator.js';

export interface ExportArgs {
  format: string | undefined;
  petition: string | undefined;
  out: string | undefined;
  all: boolean;
  from: string | undefined;
  to: string | undefined;
  town: string | undefined;
  zip: string | undefined;
  source: string | undefined;
  paper: string | undefined;
  summaryOnly: boolean;
}

export interface ExportCommandDeps {
  db: Db;
  baseUrl: string;
  now: () => Date;
  /** The petition the export is of, by its slug. */
  petitionBySlug: (slug: string) => Promise<Petition | undefined>;
  /** Where progress goes (stderr); a bar when it is a terminal, plain lines otherwise. */
  progress: NodeJS.WriteStream | NodeJS.WritableStream;
  /** Where the export goes without --out. */
  stdout: NodeJS.WritableStream;
}

export class ExportUsageError extends Error {
  override name = 'ExportUsageError';
}

function progressReporter(stream: ExportCommandDeps['progress'], label: string) {
  const tty = 'isTTY' in stream && stream.isTTY === true;
  let lastLine = -1;
  return {
    update(done: number, total: number) {
      const share = total === 0 ? 1 : Math.min(1, done / total);
      if (tty) {
        const width = 30;
        const filled = Math.round(share * width);
        stream.write(
          `\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.round(share * 100)}% ${done}/${total}`,
        );
        return;
      }
      // Not a terminal (a log, CI): a line at every tenth.
      const tenth = Math.floor(share * 10);
      if (tenth > lastLine) {
        lastLine = tenth;
        stream.write(`${label}: ${done}/${total} (${tenth * 10}%)\n`);
      }
    },
    done(message: string) {
      stream.write(`${tty ? '\n' : ''}${message}\n`);
    },
  };
}

/** Runs the export; returns the file written (or '-' for stdout). Throws ExportUsageError for bad arguments. */
export async function runExport(deps: ExportCommandDeps, args: ExportArgs): Promise<string> {
  if (args.format !== 'csv' && args.format !== 'pdf')
    throw new ExportUsageError('export: say pdf or csv, e.g. firma export csv --petition my-petition');
  if (args.petition === undefined || args.petition === '')
    throw new ExportUsageError('export: --petition <slug> is required');
  const parsed = filtersSchema.safeParse({
    status: args.all ? 'all' : 'confirmed',
    from: args.from,
    to: args.to,
    town: args.town,
    zip: args.zip,
    source: args.source,
  });
  if (!parsed.success) {
    const lines = Object.entries(filterErrors(parsed.error)).map(
      ([field, key]) => `--${field}: ${translator('en').t(key as MessageKey)}`,
    ); // schema messages are catalog keys
    throw new ExportUsageError(`export: ${lines.join('; ')}`);
  }
  const options = packetOptionsSchema.safeParse({ paper: args.paper, summaryOnly: args.summaryOnly });
  if (!options.success) throw new ExportUsageError('export: --paper must be letter or a4');
  const petition = await deps.petitionBySlug(args.petition);
  if (petition === undefined) throw new ExportUsageError(`export: no petition with the slug "${args.petition}"`);
  const filters = parsed.data;
  const now = deps.now();
  const target = args.out ?? '-';
  const out: NodeJS.WritableStream = target === '-' ? deps.stdout : fs.createWriteStream(target);
  const progress = progressReporter(deps.progress, args.format === 'csv' ? 'CSV' : 'PDF');
  await recordExport(deps.db, {
    actorId: null,
    action: args.format === 'csv' ? 'export.csv' : 'export.pdf',
    petitionId: petition.id,
    filters,
    via: 'cli',
    ...(args.format === 'pdf' ? { options: { paper: options.data.paper, summaryOnly: options.data.summaryOnly } } : {}),
    now,
  });
  if (args.format === 'csv') {
    const total = await countSignaturesFor(deps.db, petition.id, filters);
    for await (const chunk of csvChunks(deps.db, petition.id, filters, (done) => progress.update(done, total))) {
      // Wait for the file to take each page: memory stays at one page whatever the size.
      if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
    }
    if (total === 0) progress.update(0, 0);
    if (out !== deps.stdout) {
      out.end();
      await finished(out);
    }
    progress.done(`${total} signature(s) written to ${target === '-' ? 'standard output' : target}`);
    return target;
  }
  const summary = await summarizeSignatures(deps.db, petition.id, filters);
  // Loaded only for a packet: the server imports this file too, and pdfkit with its fonts costs ~35 MB.
  const { renderDeliveryPacket } = await import('./delivery-packet.js');
  await renderDeliveryPacket(
    {
      petition,
      summary,
      filters,
      petitionUrl: petitionUrl(deps.baseUrl, petition.defaultLocale, petition.slug),
      now,
      signatures: () => signaturePages(deps.db, petition.id, filters),
      comments: () => signaturePages(deps.db, petition.id, filters, { withCommentOnly: true }),
      onProgress: (done, total) => progress.update(done, total),
    },
    options.data,
    out,
  );
  progress.done(`Packet with ${summary.total} signature(s) written to ${target === '-' ? 'standard output' : target}`);
  return target;
}
