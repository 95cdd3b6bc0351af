import { dev } from '$app/environment';

/**
 * Registers the service worker that keeps the presentation's assets and last public answers, so a
 * reload at the venue works without network. Only the presentation pages register it: visitors of
 * the rest of the dashboard never download its cache.
 */
export function registriereOffline(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/service-worker.js', { type: dev ? 'module' : 'classic' }).catch(() => undefined);
}
