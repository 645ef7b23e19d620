/**
 * Docker Lab's service worker: a second visit, and an offline one, start from cache (issue 16).
 * Built files under assets/ carry a content hash in their names, so a cached copy is never stale:
 * they are served from the cache first. Everything else (index.html, icons) is fetched first and
 * the cached copy is the fallback when the network is gone. The first visit fills the cache as the
 * page and its worker fetch their files (clients.claim makes that visit controlled at once).
 */
const CACHE = 'docker-lab-v1';
const HASHED = /\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.\w+$/;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(HASHED.test(url.pathname) ? cacheFirst(req) : networkFirst(req));
});

async function cacheFirst(req) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(req);
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok) await cache.put(req, res.clone());
  return res;
}

async function networkFirst(req) {
  const cache = await caches.open(CACHE);
  try {
    const res = await fetch(req);
    if (res.ok) await cache.put(req, res.clone());
    return res;
  } catch (e) {
    const hit = await cache.match(req, { ignoreSearch: true });
    if (hit) return hit;
    throw e;
  }
}
