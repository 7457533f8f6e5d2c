// Firma's kiosk service worker (scope /kiosk/): the kiosk page and what it loads are kept, so that an installed
// kiosk opens and takes signatures with no connection. Pages go to the network first (a turned-off link must stop
// working as soon as the tablet is online), and fall back to the copy kept. Signatures are not handled here:
// kiosk.js keeps them, encrypted, in IndexedDB until the server has them.
'use strict';

const CACHE = 'firma-kiosk-v1';
const SHELL = ['/static/firma.css', '/static/kiosk.js', '/static/icon.svg'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)));
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const kept = url.pathname.startsWith('/kiosk/') || SHELL.includes(url.pathname);
  if (!kept) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        // Only a working kiosk page is kept: a closed link's page must not replace it.
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() =>
        caches
          .match(request, { ignoreSearch: false })
          .then((hit) => hit || caches.match(request, { ignoreSearch: true }))
          .then((hit) => hit || Response.error()),
      ),
  );
});
