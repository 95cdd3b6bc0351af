import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createDb } from '@asskomm/db';
import pkg from '../package.json' with { type: 'json' };
import { createApp, type PageHandler } from './app.ts';
import { loadConfig, type Config } from './config.ts';

const SHUTDOWN_DEADLINE_MS = 5_000;

async function loadPages(config: Config): Promise<PageHandler | undefined> {
  const buildDir = config.DASHBOARD_BUILD ?? fileURLToPath(new URL('../../dashboard/build', import.meta.url));
  const handlerFile = resolve(buildDir, 'handler.js');
  if (!existsSync(handlerFile)) {
    console.warn(`Dashboard-Build fehlt (${handlerFile}); es läuft nur die API. Erst „pnpm build“ ausführen.`);
    return undefined;
  }
  const module = (await import(pathToFileURL(handlerFile).href)) as { handler: PageHandler };
  return module.handler;
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const handle = createDb({ databaseUrl: config.DATABASE_URL, dataDir: resolve(config.DATA_DIR) });
  const where = [
    handle.kind === 'pglite' ? `PGlite in ${resolve(config.DATA_DIR)}` : 'PostgreSQL',
    config.DEMO ? 'Demobetrieb' : 'Produktionsbetrieb',
  ].join(', ');
  // The page handler runs in this process and reads the token from the environment (rate-limit.ts).
  const ssrToken = randomBytes(24).toString('base64url');
  process.env.ASSKOMM_SSR_TOKEN = ssrToken;
  const pages = await loadPages(config);
  const app = createApp({
    handle,
    demoMode: config.DEMO,
    admin:
      config.ADMIN_EMAIL && config.ADMIN_PASSWORD
        ? { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD }
        : undefined,
    session: { idleMs: config.SESSION_IDLE_MINUTES * 60_000, absoluteMs: config.SESSION_MAX_HOURS * 3_600_000 },
    trustProxy: config.TRUST_PROXY,
    metricsToken: config.METRICS_TOKEN,
    socketsPerAddress: config.SOCKETS_PER_ADDRESS,
    socketsPerBenutzer: config.SOCKETS_PER_BENUTZER,
    requestsPerMinute: config.API_REQUESTS_PER_MINUTE,
    ssrToken,
    chromiumPath: config.CHROMIUM_PATH,
    version: pkg.version,
    pages,
  });

  app.server.listen(config.PORT, config.HOST, () => {
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    console.log(`ASSKomm Lagebild läuft auf http://localhost:${port} (${where})`);
  });
  app.ready.then(
    () => console.log('Datenbank bereit'),
    () => undefined,
  );

  const shutdown = (signal: string) => {
    console.log(`${signal} empfangen, fahre herunter …`);
    setTimeout(() => {
      console.error('Herunterfahren dauerte zu lange; beende hart.');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

void main();
