#!/usr/bin/env node
// The two commands of the README: `npm start` and `npm test`. They work on a machine with only
// Node and npm: pnpm (the version in package.json's packageManager) is fetched when missing.
import { spawnSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { packageManager } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const [command] = process.argv.slice(2);

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function hasPnpm() {
  return spawnSync('pnpm', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** The pnpm command line: the installed pnpm, a freshly installed one, or one run through npx. */
function pnpm() {
  if (hasPnpm()) return ['pnpm'];
  console.log(`pnpm fehlt – installiere ${packageManager} …`);
  if (spawnSync('npm', ['install', '--global', packageManager], { stdio: 'inherit' }).status === 0 && hasPnpm()) {
    return ['pnpm'];
  }
  return ['npx', '--yes', packageManager];
}

const [bin, ...pre] = pnpm();
const pnpmRun = (...args) => run(bin, [...pre, ...args]);

pnpmRun('install', '--frozen-lockfile', '--reporter=append-only');

if (command === 'start') {
  pnpmRun('exec', 'turbo', 'run', 'build', '--filter=@asskomm/server', '--filter=@asskomm/dashboard');
  const server = spawn(process.execPath, ['apps/server/dist/index.js'], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
} else if (command === 'test') {
  pnpmRun('exec', 'prettier', '--check', '.');
  // Two cores: more parallel suites only make each slower and the timings noisy.
  pnpmRun('exec', 'turbo', 'run', 'check', 'lint', 'test', '--concurrency=2', '--output-logs=errors-only');
  console.log('Alle Prüfungen bestanden: Format, Typen, Lint, Unit-, Datenbank-, Server- und Browser-Tests.');
} else {
  console.error('Aufruf: node scripts/asskomm.mjs start|test');
  process.exit(2);
}
