import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startNode, untilHealth } from './server-node.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'asskomm-process-'));

const startServer = () => startNode({ DATA_DIR: dataDir });

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the server process', () => {
  it('refuses to start on a bad environment variable and names it', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      cwd: join(import.meta.dirname, '..'),
      env: { ...process.env, PORT: 'achtzig' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    expect(await exited(child)).toBe(1);
    expect(stderr).toContain('PORT');
  });

  it('shuts down on SIGTERM within 5 s, and keeps its data through a kill -9', async () => {
    const first = await startServer();
    await untilHealth(first, 200, 30_000);
    const before = await (await fetch(`${first.url}/api/kpi?stand=2026-01-01`)).json();
    const started = Date.now();
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);

    const second = await startServer();
    await untilHealth(second, 200, 30_000);
    expect(await (await fetch(`${second.url}/api/kpi?stand=2026-01-01`)).json()).toEqual(before);
    second.child.kill('SIGKILL');
    await second.exited;

    const third = await startServer();
    await untilHealth(third, 200, 30_000);
    expect(await (await fetch(`${third.url}/api/kpi?stand=2026-01-01`)).json()).toEqual(before);
    expect(third.output.join('')).not.toContain('Demodaten angelegt');
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  }, 90_000);
});
