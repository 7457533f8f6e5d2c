// A catalog a translator has only begun: what it lacks falls back to its parent, then the site's default
// language, then English; it is never shown as a key, and the lack is noted once for the log. Run on a copy
// of the catalogs in a temporary folder, with a Portuguese catalog cut short and a `pt` parent.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogDir, readCatalog, useCatalogDir } from './catalogs.js';

let translatorModule: typeof import('./translator.js');

beforeAll(async () => {
  const shipped = catalogDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firma-catalogs-'));
  for (const file of ['en.json', 'es.json']) fs.copyFileSync(path.join(shipped, file), path.join(dir, file));
  const languages = JSON.parse(fs.readFileSync(path.join(shipped, 'languages.json'), 'utf8')) as Record<
    string,
    Record<string, unknown>
  >;
  fs.writeFileSync(
    path.join(dir, 'languages.json'),
    JSON.stringify({
      en: languages['en'],
      es: languages['es'],
      pt: { name: 'Português', complete: false },
      'pt-BR': { ...languages['pt-BR'], parent: 'pt', complete: false },
    }),
  );
  // pt-BR has only the sign form's messages; pt has one more message, the dashboard's title.
  const ptBR = Object.fromEntries(Object.entries(readCatalog('pt-BR')).filter(([key]) => key.startsWith('sign.')));
  fs.writeFileSync(path.join(dir, 'pt-BR.json'), JSON.stringify(ptBR));
  fs.writeFileSync(path.join(dir, 'pt.json'), JSON.stringify({ 'dashboard.title': 'Painel (pt)' }));
  useCatalogDir(dir);
  translatorModule = await import('./translator.js');
  translatorModule.useLanguages(['es', 'en', 'pt-BR']);
});

describe('a partial catalog', () => {
  it('shows its own messages', () => {
    const pt = translatorModule.translator('pt-BR');
    expect(pt.t('sign.submit')).toBe(readCatalog('pt-BR')['sign.submit']);
  });

  it('takes what it lacks from its parent first', () => {
    expect(translatorModule.translator('pt-BR').t('dashboard.title')).toBe('Painel (pt)');
  });

  it('then from the site’s default language (here Spanish), never showing a key', () => {
    const es = translatorModule.translator('es');
    const pt = translatorModule.translator('pt-BR');
    expect(pt.t('nav.startPetition')).toBe(es.t('nav.startPetition'));
    expect(pt.t('nav.startPetition')).not.toBe('nav.startPetition');
  });

  it('notes its lack once, for the log, naming where the messages come from', () => {
    const notes = translatorModule.catalogProblems().filter((p) => p.startsWith('locales/pt-BR.json lacks'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/shown from pt, then es, then en$/);
  });

  it('the admin page’s completeness counts only its own messages', () => {
    expect(translatorModule.catalogSize('pt-BR')).toBe(
      Object.keys(readCatalog('pt-BR')).filter((key) => key.startsWith('sign.')).length,
    );
  });
});
