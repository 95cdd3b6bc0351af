import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ServerNode {
  url: string;
  child: ChildProcess;
  /** Everything it printed, for the message of a failing test. */
  output: string[];
  /** Resolves with the exit code (null after a signal). */
  exited: Promise<number | null>;
}

/**
 * One server node as in production: its own process from source, on a free port, in demo mode,
 * with `env` on top (`DATABASE_URL` for PostgreSQL, `DATA_DIR` for PGlite …).
 */
export async function startNode(env: Record<string, string>): Promise<ServerNode> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: join(import.meta.dirname, '..'),
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DEMO: 'true',
      // The API is what is tested; no dashboard build is loaded.
      DASHBOARD_BUILD: join(tmpdir(), 'asskomm-ohne-dashboard'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /läuft auf (http:\/\/\S+)/.exec(output.join(''));
      if (match) resolve(match[1]!.replace('localhost', '127.0.0.1'));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`Server beendet (${code}): ${output.join('')}`)));
  });
  return { url, child, output, exited };
}

/** The status of GET /api/health, undefined when the node does not answer. */
async function healthOf(url: string): Promise<number | undefined> {
  const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
  return response?.status;
}

/** Waits until GET /api/health answers `status` (works in hooks, where `expect.poll` does not). */
export async function untilHealth(node: ServerNode, status: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: number | undefined;
  while ((last = await healthOf(node.url)) !== status) {
    const { exitCode, signalCode } = node.child;
    const gone = exitCode !== null || signalCode !== null;
    if (gone || Date.now() > deadline) {
      const state = gone ? `ist beendet (${exitCode ?? signalCode})` : `antwortet ${last}`;
      throw new Error(`/api/health sollte ${status} sein, der Server ${state}; er schrieb:\n${node.output.join('')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Ends the node at once (SIGKILL) and waits until it is gone. */
export async function killNode(node: ServerNode): Promise<void> {
  node.child.kill('SIGKILL');
  await node.exited;
}
