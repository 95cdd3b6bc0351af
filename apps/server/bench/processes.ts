import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** Server and load generator each get a core of their own when the machine has two and taskset exists. */
const CAN_PIN = availableParallelism() >= 2 && spawnSync('taskset', ['-V']).status === 0;
const SERVER_CORE = '0';
const GENERATOR_CORE = '1';

/** Moves every thread of this process (V8's and libuv's included) onto the load generator's core. */
export function pinLoadGenerator(): void {
  if (CAN_PIN) spawnSync('taskset', ['-a', '-cp', GENERATOR_CORE, String(process.pid)], { stdio: 'ignore' });
}

/** The line a bench's report says about pinning. */
export const PINNING = CAN_PIN
  ? `Server on core ${SERVER_CORE}, load generator on core ${GENERATOR_CORE} (taskset).`
  : 'Not pinned (fewer than 2 cores or no taskset).';

/** apps/server: the benches start their processes here. */
const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));

/**
 * The flags every bench takes, with their defaults: the built server to measure, e.g. of another
 * checkout; the PostgreSQL to create its database on; how many seconds to wait for late messages.
 */
const COMMON_FLAGS = {
  server: join(SERVER_DIR, 'dist/index.js'),
  postgres: process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  grace: '5',
};

/**
 * A bench's command line (`pnpm bench:… -- --flag value`): its own flags and the common ones, each a
 * string with the default given. Stops when the server to measure has not been built.
 */
export function benchFlags<K extends string>(
  defaults: Record<K, string>,
): Record<K | keyof typeof COMMON_FLAGS, string> {
  const all: Record<string, string> = { ...COMMON_FLAGS, ...defaults };
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: Object.fromEntries(
      Object.entries(all).map(([name, fallback]) => [name, { type: 'string', default: fallback }]),
    ),
  });
  // Every option is a string with a default, so every value is a string.
  const flags = values as Record<K | keyof typeof COMMON_FLAGS, string>;
  requireBuilt(flags.server);
  return flags;
}

/** Stops a bench whose server to measure has not been built. */
function requireBuilt(entry: string): void {
  if (!existsSync(entry)) throw new Error(`${entry} fehlt: erst „pnpm build“ ausführen`);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no free port');
  return address.port;
}

export interface Spawned {
  url: string;
  pid: number;
  /** CPU seconds (user + system) the process has used so far. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

const CLOCK_TICKS = 100;

function cpuSecondsOf(pid: number): number {
  // /proc/<pid>/stat: fields after the command's closing parenthesis; utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/**
 * Starts `node --expose-gc <args>` on the server core and waits until `readyPath` answers 200.
 * Its output is kept and shown only if it fails to come up or dies early.
 */
export async function startNode(
  args: string[],
  options: { env: NodeJS.ProcessEnv; readyPath: string; label: string },
): Promise<Spawned> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const nodeArgs = [process.execPath, '--expose-gc', ...args];
  const [command, ...rest] = CAN_PIN ? ['taskset', '-c', SERVER_CORE, ...nodeArgs] : nodeArgs;
  const child: ChildProcess = spawn(command!, rest, {
    cwd: SERVER_DIR,
    // Every simulated client connects from loopback: one address holds them all.
    env: {
      ...process.env,
      SOCKETS_PER_ADDRESS: '1000000',
      // Every simulated screen shares the bench's one login, too.
      SOCKETS_PER_BENUTZER: '1000000',
      API_REQUESTS_PER_MINUTE: '10000000',
      ...options.env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${options.label} exited early:\n${output}`);
    const status = await fetch(`${url}${options.readyPath}`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.label} not ready after 120 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    pid: child.pid!,
    cpuSeconds: () => cpuSecondsOf(child.pid!),
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 8_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** The bare Socket.IO server every bench measures the product against. */
export function startBare(): Promise<Spawned> {
  return startNode(['--import', 'tsx', join(SERVER_DIR, 'bench/bare-server.ts')], {
    env: {},
    readyPath: '/heap',
    label: 'bare Socket.IO server',
  });
}
