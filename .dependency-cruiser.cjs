// The import boundaries of Firma's three rings (docs/architecture.md, CONTRIBUTING.md), checked in `npm test`:
//   src/platform/  knows no feature: database, i18n runtime, HTTP kernel, mail transport...
//   src/<feature>/ domain types, stores and services; no Hono, no web/;
//   src/web/       the Hono sub-apps and pages, mounted per URL prefix; calls services.
const FEATURE = '^src/(?!platform/|web/)[^/]+/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'platform-knows-no-feature',
      comment: 'src/platform/ is the inner ring: it may not import a feature, web/ or the composition root.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/', pathNot: '^src/platform/' },
    },
    {
      name: 'features-do-not-import-web',
      comment: 'A feature holds services and stores; pages and routes live in src/web/ and call them.',
      severity: 'error',
      from: { path: FEATURE },
      to: { path: '^src/web/' },
    },
    {
      name: 'features-do-not-import-the-composition-root',
      comment:
        'main.ts, app.ts, deps.ts and the rest build the features; a feature names the few dependencies it needs.',
      severity: 'error',
      from: { path: FEATURE },
      to: { path: '^src/[^/]+$' },
    },
    {
      name: 'features-do-not-use-hono',
      comment:
        "HTTP belongs to src/web/; a feature is callable without it. Hono's templating (JSX, html``) is allowed: emails are composed with it.",
      severity: 'error',
      from: { path: FEATURE },
      to: { path: '^node_modules/(hono|@hono)/', pathNot: '^node_modules/hono/dist/(jsx|helper/html)/' },
    },
    {
      name: 'no-other-features-store',
      comment:
        "A feature reaches another's data through that feature's services or events, not its store. src/demo/ is seed data, not a feature: like the tests' factories it writes the rows a month of history would have made.",
      severity: 'error',
      from: { path: '^src/([^/]+)/', pathNot: ['^src/web/', '^src/demo/'] },
      to: { path: '^src/[^/]+/.*-store[.]ts$', pathNot: ['^src/$1/', '^src/platform/'] },
    },
    {
      name: 'no-circular',
      comment: 'No file may import itself, however indirectly.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycle',
      comment:
        'No folder may depend on itself through others: the features form layers (signing uses petitions and abuse, never the other way round), and so do the areas of web/.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-not-to-tests',
      comment: 'Firma never imports its tests, benchmarks or ../shared.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench)/|(^|/)shared/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.tsx?$' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
