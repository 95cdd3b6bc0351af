/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, version } from '$service-worker';

/*
 * Keeps the Fachtag presentation working through a network cut at the venue: the build's assets
 * are cached on install, the presentation pages and the public figures they show are fetched from
 * the network first and fall back to the last answer. Nothing else is touched: other API answers
 * depend on who asks, and are never cached.
 */
const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `asskomm-${version}`;
const ASSETS = new Set([...build, ...files]);
/** Page shells (rendered in the browser, the same for everyone). */
const SEITEN = ['/praesentation', '/live'];
/** Public answers the scenes need; only requests without the session cookie are kept. */
const OEFFENTLICH = ['/api/praesentation', '/api/kpi', '/api/kommunen', '/api/foerderung'];

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // The shells one by one: a page missing from this build must not cost the assets.
      .then((cache) => cache.addAll([...ASSETS]).then(() => Promise.allSettled(SEITEN.map((s) => cache.add(s)))))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => sw.clients.claim()),
  );
});

/** Network first; the last good answer when the network fails. Pages are kept by path (a `?kiosk=` is no new page). */
async function netzZuerst(request: Request, key: string): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (failure) {
    const kept = await cache.match(key);
    if (kept) return kept;
    throw failure;
  }
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;

  if (ASSETS.has(url.pathname)) {
    event.respondWith(caches.match(url.pathname).then((kept) => kept ?? fetch(request)));
  } else if (request.mode === 'navigate' && SEITEN.includes(url.pathname)) {
    event.respondWith(netzZuerst(request, url.pathname));
  } else if (
    request.credentials === 'omit' &&
    OEFFENTLICH.some((pfad) => url.pathname === pfad || url.pathname.startsWith(`${pfad}/`))
  ) {
    event.respondWith(netzZuerst(request, url.pathname + url.search));
  }
});
