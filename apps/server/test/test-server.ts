import type { AddressInfo } from 'node:net';
import { forTheSuite } from '@asskomm/db/test-hooks';
import { createTestDatabase, type TestDatabase } from '@asskomm/db/testing';
import {
  benutzer,
  createDb,
  recordMeilenstein,
  type DatabaseKind,
  type DbConfig,
  type MeilensteinCreate,
} from '@asskomm/db';
import type { Actor, DomainEventOf, Role } from '@asskomm/domain';
import { createApp, type App, type AppOptions } from '../src/app.ts';

export interface RunningServer {
  app: App;
  test: TestDatabase;
  url: string;
  stop(): Promise<void>;
}

/** What a test may set of a node's options. */
type NodeOptions = Partial<
  Pick<
    AppOptions,
    'demoMode' | 'admin' | 'session' | 'pages' | 'trustProxy' | 'requestsPerMinute' | 'ssrToken' | 'chromiumPath'
  >
>;

/** A real server on a free port over a fresh database of that kind, demo data seeded by the app itself. */
export async function startTestServer(kind: DatabaseKind, options: NodeOptions = {}): Promise<RunningServer> {
  const test = await createTestDatabase(kind);
  const app = createApp({ handle: test, demoMode: true, ...options, log: () => undefined });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  await app.ready;
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    test,
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await app.close();
      await test.drop();
    },
  };
}

/**
 * A second server node on the same PostgreSQL database as `first`, as in a deployment behind a load
 * balancer, with its own options (e.g. a short statement budget).
 */
export async function startSecondNode(
  first: RunningServer,
  { statementTimeoutMs, ...options }: NodeOptions & Pick<DbConfig, 'statementTimeoutMs'> = {},
): Promise<{ url: string; stop(): Promise<void> }> {
  if (!first.test.url) throw new Error('A second node needs PostgreSQL');
  const handle = createDb({ statementTimeoutMs, databaseUrl: first.test.url });
  const app = createApp({ handle, demoMode: true, ...options, log: () => undefined });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  await app.ready;
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, stop: () => app.close() };
}

/** A demo account (e.g. `lpr`) as the actor of commands run directly, not through HTTP. */
async function demoActor(server: RunningServer, who: string): Promise<Actor> {
  const row = await benutzer.findByEmail(server.test.db, `${who}@demo.asskomm.invalid`);
  if (!row) throw new Error(`Kein Demo-Zugang ${who}`);
  const principal = {
    benutzerId: row.id,
    role: row.role as Role,
    polizeidirektion: row.polizeidirektion_id,
    readOnly: false,
  };
  return { principal, name: row.name };
}

/** Records a milestone through the command path as the demo LPR colleague; answers its event. */
export async function recordMeilensteinAsLpr(
  server: RunningServer,
  input: MeilensteinCreate,
): Promise<DomainEventOf<'meilenstein:recorded'>> {
  const [event] = (await recordMeilenstein(server.test, await demoActor(server, 'lpr'), input)).events;
  if (event?.type !== 'meilenstein:recorded') throw new Error('Kein Meilenstein erfasst');
  return event;
}

/**
 * The test server of a suite: started before its tests, stopped after them. Call it in a
 * `describe` callback; the returned handle reads the running server.
 */
export function useTestServer(kind: DatabaseKind, options: NodeOptions = {}): RunningServer {
  const running = forTheSuite(
    () => startTestServer(kind, options),
    (server) => server.stop(),
  );
  return {
    get app() {
      return running().app;
    },
    get test() {
      return running().test;
    },
    get url() {
      return running().url;
    },
    stop: () => running().stop(),
  };
}

/** Two server nodes on one PostgreSQL database for a suite, as behind a load balancer. */
export function useTwoNodes(): { first: RunningServer; second: { readonly url: string } } {
  const first = useTestServer('postgres');
  // After-hooks run last-registered first: this node stops before the first one.
  const second = forTheSuite(
    () => startSecondNode(first),
    (node) => node.stop(),
  );
  return {
    first,
    second: {
      get url() {
        return second().url;
      },
    },
  };
}
