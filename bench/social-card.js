// The social card: how long one takes to draw, and how fast a drawn one is served.
//   1. Drawing, in this process: the first card (fonts written and scanned once per machine and process), then
//      distinct cards (each a new version: another count, title or language) with and without a picture, as the
//      1200×630 card and the 1080×1920 story: p50 / p99 / max.
//   2. Serving, through the real server under load (64 connections): GET /en/p/<demo>/card.png once it is drawn,
//      the same with If-None-Match (a 304), and the petition page itself, beside the same run's bare-Node GET of
//      a body as large as the card (bench/hello.js), as a ratio.
// Usage: npm run build && node bench/social-card.js [--cards 60] [--duration 10]
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { benchHello } from './hello.js';
import { runAutocannon } from './lib/load.js';
import { haveWrk, runWrk } from './lib/wrk.js';
import { DEMO_SLUG, startFirma } from './lib/server.js';

const { values } = parseArgs({
  options: {
    cards: { type: 'string', default: '60' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '64' },
  },
});
const CARDS = Number(values.cards);
const durationS = Number(values.duration);
const connections = Number(values.connections);

const ms = (v) => v.toFixed(1);
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const summary = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `p50 ${ms(percentile(sorted, 50))} / p99 ${ms(percentile(sorted, 99))} / max ${ms(sorted[sorted.length - 1])} ms`;
};

const { renderCard } = await import('../dist/sharing/social-card.js');

// 1. Drawing.
const TITLES = [
  ['Pass the Trust Act: keep Connecticut families together', 'ltr'],
  ['Protejan a los residentes de Connecticut de la deportación: ¡Apoyen la Ley de Confianza de Connecticut!', 'ltr'],
  ['أقرّوا قانون الثقة: أبقوا عائلات كونيتيكت معًا', 'rtl'],
  ['Pwoteje rezidan Connecticut kont depòtasyon: sipòte Lwa Konfyans Connecticut la!', 'ltr'],
];
const content = (i) => {
  const [title, dir] = TITLES[i % TITLES.length];
  return {
    title: `${title} ${i}`,
    to: 'To: Connecticut General Assembly',
    count: `${(1000 * (i + 1)).toLocaleString('en-US')} signatures and counting`,
    site: 'petitions.example.org',
    dir,
  };
};
const photo = await sharp({ create: { width: 1600, height: 1067, channels: 3, background: '#5a8fd6' } })
  .composite([
    {
      input: await sharp({ create: { width: 1600, height: 500, channels: 3, background: '#b3261e' } })
        .png()
        .toBuffer(),
      left: 0,
      top: 560,
    },
  ])
  .jpeg({ quality: 82 })
  .toBuffer();
const picture = { bytes: new Uint8Array(photo), focusX: 0.5, focusY: 1 };

let t0 = performance.now();
const first = await renderCard(content(0), 'card');
console.log(`first card in this process (fonts prepared): ${ms(performance.now() - t0)} ms, ${first.byteLength} bytes`);
for (const [label, shape, withPicture] of [
  ['card 1200×630, plain', 'card', false],
  ['card 1200×630, with a picture', 'card', true],
  ['story 1080×1920, plain', 'story', false],
  ['story 1080×1920, with a picture', 'story', true],
]) {
  const times = [];
  let bytes = 0;
  for (let i = 1; i <= CARDS; i += 1) {
    t0 = performance.now();
    const png = await renderCard({ ...content(i), ...(withPicture ? { picture } : {}) }, shape);
    times.push(performance.now() - t0);
    bytes += png.byteLength;
  }
  console.log(`drawing a ${label} (${CARDS} distinct): ${summary(times)}, ${Math.round(bytes / CARDS / 1024)} KB each`);
}

// 2. Serving. autocannon spends more of its own CPU on each byte of a large body than the server does (on a
// 2-core machine it caps the card at a third of what wrk measures), so both are run when wrk is installed.
const server = await startFirma({ label: 'firma-card' });
try {
  const cardPath = `/en/p/${DEMO_SLUG}/card.png`;
  const warm = await fetch(`${server.baseUrl}${cardPath}`);
  const cardBytes = (await warm.arrayBuffer()).byteLength;
  const etag = warm.headers.get('etag') ?? '';
  const cases = [
    ['GET card.png (drawn, from memory)', cardPath, {}],
    ['GET card.png with If-None-Match (304)', cardPath, { 'if-none-match': etag }],
    ['GET the petition page', `/en/p/${DEMO_SLUG}`, {}],
  ];
  for (const generator of ['autocannon', ...(haveWrk() ? ['wrk'] : [])]) {
    const [helloGet, helloBody] = await benchHello({ generator, durationS, connections, pageBytes: cardBytes });
    console.log(
      `[${generator}] bare Node GET /: ${Math.round(helloGet.load.rps)}/s; GET of a ${cardBytes}-byte body: ${Math.round(helloBody.load.rps)}/s, p50 ${helloBody.load.latencyMs.p50} / p99 ${helloBody.load.latencyMs.p99} / max ${helloBody.load.latencyMs.max} ms`,
    );
    for (const [label, path, headers] of cases) {
      const load =
        generator === 'wrk'
          ? await runWrk({ url: server.baseUrl, path, connections, durationS, headers })
          : await runAutocannon({
              url: server.baseUrl,
              connections,
              durationS,
              requests: [{ method: 'GET', path, headers }],
            });
      console.log(
        `[${generator}] ${label}: ${Math.round(load.rps)}/s (${(load.rps / helloBody.load.rps).toFixed(3)} of bare Node's ${cardBytes}-byte GET), p50 ${load.latencyMs.p50} / p99 ${load.latencyMs.p99} / max ${load.latencyMs.max} ms, statuses ${JSON.stringify(load.statusCodes)}, errors ${load.errors}`,
      );
    }
  }
} finally {
  await server.cleanUp();
}
