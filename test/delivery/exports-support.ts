// Helpers for the delivery tests: read a PDF the way a person would (pdftotext, pdfinfo), parse a CSV with a real parser.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { PassThrough } from 'node:stream';
import { runExport, type ExportArgs } from '../../src/delivery/export-command.js';
import type { TestApp } from '../support/test-app.js';

/** Runs poppler's tools on the PDF, written to a temporary file for them. */
function withPdfFile<T>(bytes: Uint8Array, read: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firma-pdf-'));
  const file = path.join(dir, 'packet.pdf');
  try {
    fs.writeFileSync(file, bytes);
    return read(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfText(bytes: Uint8Array): { text: string; pages: number } {
  return withPdfFile(bytes, (file) => {
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    return { text, pages };
  });
}

/** Each word pdftotext finds, with its page (1-based) and box in points, in reading order. */
export function pdfWords(bytes: Uint8Array): { page: number; text: string; xMin: number; xMax: number }[] {
  const html = withPdfFile(bytes, (file) => execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' }));
  const words: { page: number; text: string; xMin: number; xMax: number }[] = [];
  html.split('<page ').forEach((page, i) => {
    for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g))
      words.push({ page: i, text: m[3] ?? '', xMin: Number(m[1]), xMax: Number(m[2]) });
  });
  return words;
}

/** pdffonts' table of the fonts the PDF embeds. */
export function pdfFonts(bytes: Uint8Array): string {
  return withPdfFile(bytes, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
}

export function csvRecords(text: string): Record<string, string>[] {
  return parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[]; // columns: true gives objects keyed by the header
}

/** Runs `firma export` on the test app's database as the command line would; progress goes to `onProgress`. */
export function runExportOn(
  t: TestApp,
  args: Partial<ExportArgs>,
  onProgress: (text: string) => void = () => undefined,
) {
  const progress = new PassThrough();
  progress.on('data', (chunk: Buffer) => onProgress(chunk.toString()));
  const base: ExportArgs = {
    format: 'csv',
    petition: undefined,
    out: undefined,
    all: false,
    from: undefined,
    to: undefined,
    town: undefined,
    zip: undefined,
    source: undefined,
    paper: undefined,
    summaryOnly: false,
  };
  return runExport(
    {
      db: t.deps.db,
      baseUrl: 'https://firma.example',
      now: t.deps.now,
      petitionBySlug: (s) => t.deps.petitions.bySlug(s),
      progress,
      stdout: new PassThrough(),
    },
    { ...base, ...args },
  );
}
