#!/usr/bin/env node
// Measures the foundation targets on this machine and prints them:
//   fresh clone → install + build, the whole test command (with --with-tests),
//   start → /api/health 200 (first start with seeding, and a second start),
//   JavaScript and map geometry the overview page loads, gzipped.
// Usage: pnpm bench:foundation [--with-tests]
import { execSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { gzipSync } from 'node:zlib';
import { chromiumLaunchOptions } from '../e2e/chromium.mjs';

const root = join(import.meta.dirname, '..');
const withTests = process.argv.includes('--with-tests');
const work = mkdtempSync(join(tmpdir(), 'asskomm-bench-'));
const clone = join(work, 'repo');
const results = [];

function timed(label, command, cwd) {
  const start = performance.now();
  execSync(command, { cwd, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CI: '' } });
  const seconds = (performance.now() - start) / 1000;
  results.push([label, `${seconds.toFixed(1)} s`]);
  return seconds;
}

/** A port free now (the kernel's choice), so that the benchmark runs beside other servers. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startUntilHealthy(dataDir, port) {
  const start = performance.now();
  const child = spawn(process.execPath, ['apps/server/dist/index.js'], {
    cwd: clone,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: 'ignore',
  });
  for (;;) {
    const status = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    if (performance.now() - start > 120_000) throw new Error('Server wurde nicht gesund');
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, seconds: (performance.now() - start) / 1000 };
}

async function stop(child) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function overviewPayload(port) {
  const require = createRequire(join(clone, 'e2e', 'package.json'));
  const { chromium } = require('@playwright/test');
  const browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage();
  const bodies = [];
  page.on('response', async (response) => {
    const type = response.headers()['content-type'] ?? '';
    const url = response.url();
    if (!type.includes('javascript') && !url.endsWith('.js')) return;
    const body = await response.body();
    bodies.push(['js', url, body]);
    // The map geometry travels as its own lazily loaded chunk: the one holding the TopoJSON.
    if (/type:\s*["'`]Topology["'`]|"type":"Topology"/.test(body.toString())) bodies.push(['geo', url, body]);
  });
  await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'networkidle' });
  await browser.close();
  const gz = (kind) =>
    bodies.filter(([k]) => k === kind).reduce((sum, [, , body]) => sum + gzipSync(body, { level: 9 }).length, 0);
  const count = (kind) => bodies.filter(([k]) => k === kind).length;
  return { js: gz('js'), jsFiles: count('js'), geo: gz('geo'), geoFiles: count('geo') };
}

try {
  execSync(`git clone -q ${root} ${clone}`);
  timed(
    'fresh clone: pnpm install --frozen-lockfile (package store warm)',
    'pnpm install --frozen-lockfile --reporter=silent',
    clone,
  );
  timed('fresh clone: turbo run build (no cache)', 'pnpm exec turbo run build --output-logs=none', clone);

  const port = await freePort();
  const dataDir = join(work, 'data');
  const first = await startUntilHealthy(dataDir, port);
  results.push(['start → /api/health 200, first start (migrations + seeding)', `${first.seconds.toFixed(1)} s`]);
  const payload = await overviewPayload(port);
  await stop(first.child);
  const second = await startUntilHealthy(dataDir, port);
  results.push(['start → /api/health 200, later start', `${second.seconds.toFixed(1)} s`]);
  await stop(second.child);
  results.push([
    `overview page JavaScript, gzip -9 (${payload.jsFiles} files)`,
    `${(payload.js / 1024).toFixed(1)} KiB`,
  ]);
  results.push([
    `map geometry chunk (TopoJSON + its decoder), gzip -9 (${payload.geoFiles} file, included above)`,
    `${(payload.geo / 1024).toFixed(1)} KiB`,
  ]);

  if (withTests) {
    timed('test command (npm test, incl. install check)', 'npm test', clone);
  }

  console.log(
    `\nMachine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  console.log(`Commit: ${execSync('git rev-parse --short HEAD', { cwd: clone }).toString().trim()}\n`);
  for (const [label, value] of results) console.log(`${label.padEnd(70)} ${value}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
