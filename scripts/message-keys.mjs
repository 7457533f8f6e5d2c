// Writes src/platform/i18n/message-key.ts, the type of every message key, from locales/en.json (the
// catalog that defines the keys). Run it after adding or removing an English message: npm run i18n:keys.
// The catalog test fails while the type is out of date, so a misspelt key still fails the build.
import fs from 'node:fs';

export const MESSAGE_KEY_FILE = new URL('../src/platform/i18n/message-key.ts', import.meta.url);

export function messageKeySource(keys) {
  const lines = [
    '// Generated from locales/en.json by `npm run i18n:keys`: do not edit by hand.',
    '/** The key of a message in every catalog. */',
    'export type MessageKey =',
    ...keys.map((key, i) => `  | ${JSON.stringify(key).replace(/^"|"$/g, "'")}${i === keys.length - 1 ? ';' : ''}`),
    '',
  ];
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const en = JSON.parse(fs.readFileSync(new URL('../locales/en.json', import.meta.url), 'utf8'));
  fs.writeFileSync(MESSAGE_KEY_FILE, messageKeySource(Object.keys(en)));
  console.log(`message-key.ts: ${Object.keys(en).length} keys`);
}
