// Fonts for the social card's text. The card's words are laid out by Pango inside sharp's libvips: Pango
// shapes Arabic and the other complex scripts and orders mixed-direction lines (decision 0019). Pango finds
// fonts through fontconfig, so Firma gives fontconfig a configuration of its own that lists only the Noto
// fonts it ships: a server without a single system font renders the same card as a desktop. The packages
// hold WOFF, which the bundled FreeType does not read, so each face is written once as TrueType.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fontFaceFiles, woffToSfnt } from '../delivery/packet-fonts.js';

/** Changed when what is written changes, so that an older directory is not used. */
const LAYOUT_VERSION = 1;
/** The weights the card uses: regular text and bold titles. */
const WEIGHTS = [400, 700];

let prepared: string | undefined;

function fontsConf(dir: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<fontconfig>',
    `  <dir>${escape(path.join(dir, 'ttf'))}</dir>`,
    `  <cachedir>${escape(path.join(dir, 'cache'))}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n');
}

/** Whether `dir` is this user's and no one else may write to it: the temporary directory is shared. */
function ownDirectory(dir: string): boolean {
  try {
    const stat = fs.lstatSync(dir);
    const uid = process.getuid?.();
    return stat.isDirectory() && (uid === undefined || stat.uid === uid) && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

function writeFonts(dir: string, files: string[]): void {
  fs.mkdirSync(path.join(dir, 'ttf'), { recursive: true, mode: 0o700 });
  fs.mkdirSync(path.join(dir, 'cache'), { mode: 0o700 });
  for (const file of files) {
    const name = path.basename(file).replace(/\.woff$/, '.ttf');
    fs.writeFileSync(path.join(dir, 'ttf', name), woffToSfnt(fs.readFileSync(file)), { mode: 0o600 });
  }
}

/**
 * Makes sure the card's fonts are written (once per machine and font release: the directory's name is a hash
 * of the files) and points fontconfig at them. Called before the first text is laid out in the process:
 * fontconfig reads FONTCONFIG_FILE when it starts.
 */
export function prepareCardFonts(baseDir = os.tmpdir()): string {
  if (prepared !== undefined) return prepared;
  const files = WEIGHTS.flatMap(fontFaceFiles);
  const hash = createHash('sha256').update(String(LAYOUT_VERSION));
  for (const file of files) hash.update(`${path.basename(file)}:${fs.statSync(file).size}\n`);
  const uid = process.getuid?.() ?? 0;
  const dir = path.join(baseDir, `firma-fonts-${uid}-${hash.digest('hex').slice(0, 16)}`);
  if (!(ownDirectory(dir) && fs.existsSync(path.join(dir, 'fonts.conf')))) {
    // Written beside, then renamed into place: another process doing the same at once finds it whole or absent.
    const temp = fs.mkdtempSync(`${dir}.tmp-`);
    try {
      writeFonts(temp, files);
      // Names the directory as it will be once renamed.
      fs.writeFileSync(path.join(temp, 'fonts.conf'), fontsConf(dir), { mode: 0o600 });
      try {
        fs.renameSync(temp, dir);
      } catch {
        // Someone else's rename won (or a stale, foreign directory is there): use theirs only if it is sound.
        if (!(ownDirectory(dir) && fs.existsSync(path.join(dir, 'fonts.conf'))))
          throw new Error(`cannot use the card fonts directory ${dir}`);
      }
    } finally {
      fs.rmSync(temp, { recursive: true, force: true });
    }
  }
  // Read by fontconfig inside libvips, not by Firma: the one way to hand it a configuration.
  process.env.FONTCONFIG_FILE = path.join(dir, 'fonts.conf');
  prepared = dir;
  return dir;
}
