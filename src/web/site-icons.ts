// The icons a browser asks for by itself: /favicon.ico (every browser, every first visit), the icon a phone
// shows for a page added to its home screen (/apple-touch-icon.png, also asked for by iOS without a link),
// and the web app manifest that names the larger icons. Files under public/ made by scripts/make-icons.mjs,
// as static-files.ts read them, sent with a day's caching.
import { Hono } from 'hono';
import type { AppEnv } from './env.js';
import { staticFiles } from './static-files.js';

const ONE_DAY = 'public, max-age=86400';

export function siteIconRoutes(publicDir: string) {
  const app = new Hono<AppEnv>();
  const file = (name: string) => {
    const found = staticFiles(publicDir).get(`/static/${name}`);
    if (found === undefined) throw new Error(`public/${name} is missing (scripts/make-icons.mjs makes it)`);
    return found.body;
  };
  const favicon = file('favicon.ico');
  const touchIcon = file('apple-touch-icon.png');
  const manifest = JSON.stringify({
    name: 'Firma',
    short_name: 'Firma',
    start_url: '/',
    display: 'browser',
    background_color: '#ffffff',
    theme_color: '#b3261e',
    icons: [
      { src: '/static/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/static/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/static/icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  });
  const send = (body: Uint8Array<ArrayBuffer> | string, type: string) => () =>
    new Response(body, { headers: { 'Content-Type': type, 'Cache-Control': ONE_DAY } });
  app.get('/favicon.ico', send(favicon, 'image/x-icon'));
  app.get('/apple-touch-icon.png', send(touchIcon, 'image/png'));
  app.get('/apple-touch-icon-precomposed.png', send(touchIcon, 'image/png'));
  app.get('/manifest.webmanifest', send(manifest, 'application/manifest+json'));
  return app;
}
