import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'asskomm-process-'));

interface Started {
  child: ChildProcess;
  url: string;
  output: string[];
}

/** Starts the real server process from source on a free port, with its PGlite data in `dataDir`. */
async function startServer(env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: join(import.meta.dirname, '..'),
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DASHBOARD_BUILD: join(dataDir, 'none'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /läuft auf (http:\/\/\S+)/.exec(output.join(''));
      if (match) resolve(match[1]!.replace('localhost', '127.0.0.1'));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Server beendet (${code}): ${output.join('')}`)));
  });
  return { child, url, output };
}

async function healthy(url: string): Promise<void> {
  await expect
    .poll(async () => (await fetch(`${url}/api/health`).catch(() => undefined))?.status, { timeout: 30_000 })
    .toBe(200);
}

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
    await healthy(first.url);
    const before = await (await fetch(`${first.url}/api/kpi?stand=2026-01-01`)).json();
    const started = Date.now();
    first.child.kill('SIGTERM');
    expect(await exited(first.child)).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);

    const second = await startServer();
    await healthy(second.url);
    expect(await (await fetch(`${second.url}/api/kpi?stand=2026-01-01`)).json()).toEqual(before);
    second.child.kill('SIGKILL');
    await exited(second.child);

    const third = await startServer();
    await healthy(third.url);
    expect(await (await fetch(`${third.url}/api/kpi?stand=2026-01-01`)).json()).toEqual(before);
    expect(third.output.join('')).not.toContain('Demodaten angelegt');
    third.child.kill('SIGTERM');
    expect(await exited(third.child)).toBe(0);
  }, 90_000);
});
