// The page's offline copy: a service worker that caches this folder's own files. Network
// first, so a new build shows at once; the cached copy when the network is gone. Requests
// to other origins are not touched (the page makes none). Addresses are cached without
// their query, so index.html?view=... works offline too.
'use strict';

const CACHE = 'hebbian-page';
const FILES = ['./', 'index.html', 'page.css', 'page.js', 'host_api.js', 'hebbian_app.js', 'hebbian_app.wasm'];

function withoutQuery(url) {
  const address = new URL(url);
  return address.origin + address.pathname;
}

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  const key = withoutQuery(request.url);
  event.respondWith(fetch(request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(key, copy));
    }
    return response;
  }).catch(() => caches.match(key).then((cached) => cached || Response.error())));
});
