import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // apps/server loads build/handler.js and mounts it behind /api and /socket.io.
    adapter: adapter({ out: 'build' }),
  },
};

export default config;
