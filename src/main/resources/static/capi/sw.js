// The CAPI app's service worker (scope /capi/): keeps the app's shell so that it opens with the
// network off. The page is fetched from the network first (fresh language, fresh login) and
// falls back to the copy kept; scripts and styles come from the copy kept and are refreshed in
// the background. Requests to /capi/api/ are never answered from a cache: they go to the server.

const CACHE = 'sipas-capi-1';
const SHELL = new URL('./', self.location).pathname;
const ASSETS = ['app.js', 'form.js', 'expression.js', 'store.js', 'sync.js', 'capi.css', 'manifest.webmanifest',
  'icon.svg', 'icon-192.png', 'icon-512.png'].map(file => new URL(file, self.location).pathname)
  .concat([new URL('../css/sipas.css', self.location).pathname]);
/** On a network this slow the kept page is shown rather than a blank screen. */
const NETWORK_WAIT_MS = 4000;

self.addEventListener('install', event => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(ASSETS);
    // the page needs the login session; when it is missing the page is kept on the next visit instead
    const page = await fetch(SHELL, { credentials: 'same-origin', redirect: 'manual' }).catch(() => null);
    if (page && page.ok) await cache.put(SHELL, page);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', event => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('sipas-capi-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', event => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && url.pathname === SHELL) {
    event.respondWith(page(request));
  } else if (ASSETS.includes(url.pathname)) {
    event.respondWith(asset(request));
  }
});

async function page(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await Promise.race([fetch(request),
      new Promise((_, reject) => setTimeout(() => reject(new Error('slow network')), NETWORK_WAIT_MS))]);
    // a redirect to the login page is passed on (the browser follows it); only the app itself is kept
    if (response.ok && response.type === 'basic') await cache.put(SHELL, response.clone());
    return response;
  } catch (offline) {
    const kept = await cache.match(SHELL, { ignoreSearch: true });
    return kept || Response.error();
  }
}

async function asset(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request, { ignoreSearch: true });
  const fresh = fetch(request).then(response => {
    if (response.ok) cache.put(request, response.clone());
    return response;
  }).catch(() => null);
  return kept || (await fresh) || Response.error();
}
