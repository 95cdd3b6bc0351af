import { execSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.mjs';

// Playwright reads this file in the main process and again in every worker. The main process
// decides port and data folder once and hands them on through the environment, which the
// workers inherit, so all agree; only the main process starts the server.
if (!process.env.TEST_WORKER_INDEX) {
  // A free port unless E2E_PORT names one: two runs at once (another clone) must not collide.
  // The config is read synchronously, so a child process asks the kernel for one (port 0).
  process.env.E2E_PORT ??= execSync(
    `"${process.execPath}" -e "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); })"`,
    { encoding: 'utf8' },
  ).trim();
  process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'asskomm-e2e-'));
}
const port = Number(process.env.E2E_PORT);
const dataDir = process.env.E2E_DATA_DIR ?? '';

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  // Generous, for a machine busy with other suites: tests wait for conditions, and a passing test
  // takes no longer for it. Where a test is about a time limit, it measures that in the page.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    launchOptions: chromiumLaunchOptions,
  },
  // The production build on a fresh embedded PGlite, seeded on first start like a new installation.
  webServer: {
    command: 'node ../apps/server/dist/index.js',
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    // Every browser of the suite comes from 127.0.0.1: the per-address limit is for the internet.
    env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, API_REQUESTS_PER_MINUTE: '1000000' },
    stdout: 'pipe',
  },
});
