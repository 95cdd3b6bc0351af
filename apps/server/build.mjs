// Bundles the server and our workspace packages (TypeScript source) into dist/; every
// third-party package stays an import from node_modules, so the bundle's runtime dependencies
// (including those of packages/db: kysely, pg, PGlite with its WebAssembly files) are listed in
// this package's dependencies.
import { copyFileSync } from 'node:fs';
import { build } from 'esbuild';

await build({
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'external-dependencies',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@asskomm/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});

// The PGlite thread's script is loaded by URL beside the bundle (packages/db/src/pglite-thread.ts).
copyFileSync('../../packages/db/src/pglite-worker.js', 'dist/pglite-worker.js');
