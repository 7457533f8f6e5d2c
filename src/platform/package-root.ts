// The folder Firma is installed in (the one with its package.json): a checkout, the npm package, or a test's
// build under dist/, wherever this module was compiled to. Its public/ and locales/ are found from there.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let found: string | undefined;

export function packageRoot(): string {
  if (found !== undefined) return found;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && fs.existsSync(path.join(dir, 'public'))) return (found = dir);
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error(
        `Firma's folder (package.json and public/) was not found above ${fileURLToPath(import.meta.url)}`,
      );
    dir = parent;
  }
}
