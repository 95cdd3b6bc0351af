import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // apps/server loads build/handler.js and mounts it behind /api and /socket.io.
    adapter: adapter({ out: 'build' }),
    // The presentation pages register src/service-worker.ts themselves (lib/praesentation/offline.ts):
    // the rest of the dashboard never installs it. It is served from 'self', which script-src allows.
    serviceWorker: { register: false },
    // SvelteKit adds nonces/hashes for its own inline scripts; styles stay inline-capable because
    // Svelte and Chart.js set style attributes.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
  },
};

export default config;
