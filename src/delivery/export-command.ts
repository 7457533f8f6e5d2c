// `firma export pdf|csv --petition <slug> [...]`: the same exports as the dashboard, written to a file or stdout.
import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { parseSheetRequest, sheetUrl } from './sheet-request.js';
import { recordAudit } from '../platform/audit/audit-store.js';
import type { Db } from '../platform/db/connect.js';
import { petitionUrl, type Petition } from '../petitions/petition.js';
import { csvChunks } from './csv-export.js';
import { filterErrors, filtersSchema, packetOptionsSchema, type ExportFilters } from './export-filters.js';
import type { PacketOptions } from './delivery-packet.js';
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
  /** One packet per legislator (a petition to each signer's legislators) into the folder `out`. */
  perTarget?: boolean;
  /** Signature sheets: their language, how many, the first one's number. */
  locale?: string | undefined;
  sheets?: string | undefined;
  first?: string | undefined;
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

/** `--per-target`: the packets of every legislator, the unassigned signers and the summary, into a folder. */
async function runPerTargetExport(
  deps: ExportCommandDeps,
  args: ExportArgs,
  petition: Petition,
  filters: ExportFilters,
  options: PacketOptions,
): Promise<string> {
  if (args.format !== 'pdf') throw new ExportUsageError('export: --per-target makes PDF packets: firma export pdf …');
  if (args.out === undefined || args.out === '')
    throw new ExportUsageError('export: --per-target needs --out DIR, the folder the packets are written to');
  if (petition.seatTargets.length === 0)
    throw new ExportUsageError(
      `export: "${petition.slug}" does not go to each signer's own legislators (no district targets): export one packet instead`,
    );
  const dir = args.out;
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory())
    throw new ExportUsageError(`export: --out ${dir} is a file; --per-target writes a folder of packets`);
  fs.mkdirSync(dir, { recursive: true });
  await recordExport(deps.db, {
    actorId: null,
    action: 'export.pdf',
    petitionId: petition.id,
    filters,
    via: 'cli',
    options: { paper: options.paper, summaryOnly: options.summaryOnly, perTarget: true },
    now: deps.now(),
  });
  const progress = progressReporter(deps.progress, 'Packets');
  // Loaded only for packets: the server imports this file too, and pdfkit with its fonts costs ~35 MB.
  const { writePerTargetPackets } = await import('./per-target-packets.js');
  const written = await writePerTargetPackets(
    deps,
    petition,
    filters,
    options,
    (name) => fs.createWriteStream(path.join(dir, name)),
    (_packet, done, total) => progress.update(done, total),
  );
  const packets = written.length - 1;
  progress.done(`${packets} packet(s) and summary.pdf written to ${dir}`);
  return dir;
}

/** `firma export sheets`: printable signature sheets, to a file or stdout; audited like every export. */
async function runSheetsExport(deps: ExportCommandDeps, args: ExportArgs): Promise<string> {
  if (args.petition === undefined || args.petition === '')
    throw new ExportUsageError('export: --petition <slug> is required');
  const petition = await deps.petitionBySlug(args.petition);
  if (petition === undefined) throw new ExportUsageError(`export: no petition with the slug "${args.petition}"`);
  if (args.locale !== undefined && !petition.locales.some((l) => l === args.locale))
    throw new ExportUsageError(
      `export: --locale must be one of the petition's languages: ${petition.locales.join(', ')}`,
    );
  const request = parseSheetRequest(petition, {
    locale: args.locale,
    sheets: args.sheets,
    first: args.first,
    paper: args.paper,
  });
  await recordAudit(deps.db, {
    actorId: null,
    action: 'export.sheets',
    petitionId: petition.id,
    details: { locale: request.locale, sheets: request.sheets, first: request.firstSheet, via: 'cli' },
    now: deps.now(),
  });
  const target = args.out ?? '-';
  const out: NodeJS.WritableStream = target === '-' ? deps.stdout : fs.createWriteStream(target);
  const { renderSignatureSheets } = await import('./signature-sheets.js');
  await renderSignatureSheets(
    { petition, ...request, petitionUrl: sheetUrl(deps.baseUrl, request.locale, petition.slug) },
    out,
  );
  deps.progress.write(
    `${request.sheets} sheet(s) in ${request.locale}, numbered from ${request.firstSheet}, written to ${target === '-' ? 'standard output' : target}\n`,
  );
  return target;
}

/** Runs the export; returns the file written (or '-' for stdout). Throws ExportUsageError for bad arguments. */
export async function runExport(deps: ExportCommandDeps, args: ExportArgs): Promise<string> {
  if (args.format === 'sheets') return runSheetsExport(deps, args);
  if (args.format !== 'csv' && args.format !== 'pdf')
    throw new ExportUsageError('export: say pdf, csv or sheets, e.g. firma export csv --petition my-petition');
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
  if (args.perTarget === true) return runPerTargetExport(deps, args, petition, filters, options.data);
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
    for await (const chunk of csvChunks(deps.db, petition, filters, (done) => progress.update(done, total), now)) {
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
