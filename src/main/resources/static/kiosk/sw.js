// Keeps the kiosk page and its files loading through a network drop: the network first, the last
// copy when it fails. Ratings are never touched here: the page queues and resends them itself.
const CACHE = 'sipas-kiosk-v1';
const ASSETS = ['/kiosk/kiosk.css', '/kiosk/kiosk.js'];

self.addEventListener('install', event => {
  self.skipWaiting();
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(ASSETS)).catch(() => {}));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k.startsWith('sipas-kiosk-') && k !== CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const page = request.mode === 'navigate' && /^\/k\/[A-Za-z0-9_-]{32}$/.test(url.pathname);
  const asset = url.pathname.startsWith('/kiosk/');
  if (!page && !asset) return;
  event.respondWith(fetch(request).then(response => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then(cache => cache.put(request, copy));
    }
    return response;
  }).catch(() => caches.match(request, {ignoreSearch: page})
    .then(cached => cached || Response.error())));
});
