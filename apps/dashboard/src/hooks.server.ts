import type { HandleFetch } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { SSR_HEADERS } from '@asskomm/domain';

/**
 * SvelteKit answers same-origin fetches of a load function itself, without a network round trip.
 * /api belongs to apps/server though (the process this handler runs in, or the backend of
 * `vite dev`), so those requests go over loopback to it. API_ORIGIN overrides the target when the
 * server does not listen on 127.0.0.1.
 *
 * The loopback target is another origin, so SvelteKit would drop the visitor's cookie: it is
 * copied over explicitly, otherwise a signed-in user would be rendered the public view. The server
 * counts anonymous API requests per visitor address: the address it set on the page request goes
 * along, with the token that proves the request comes from here (apps/server/src/rate-limit.ts).
 */
export const handleFetch = (async ({ event, request, fetch }) => {
  const url = new URL(request.url);
  if (url.origin === event.url.origin && url.pathname.startsWith('/api/')) {
    const origin = env.API_ORIGIN ?? `http://127.0.0.1:${env.PORT ?? '3000'}`;
    const forwarded = new Request(`${origin}${url.pathname}${url.search}`, request);
    const cookie = event.request.headers.get('cookie');
    if (cookie && request.credentials !== 'omit') forwarded.headers.set('cookie', cookie);
    const visitor = event.request.headers.get(SSR_HEADERS.client);
    if (visitor && env.ASSKOMM_SSR_TOKEN) {
      forwarded.headers.set(SSR_HEADERS.client, visitor);
      forwarded.headers.set(SSR_HEADERS.token, env.ASSKOMM_SSR_TOKEN);
    }
    return fetch(forwarded);
  }
  return fetch(request);
}) satisfies HandleFetch;
