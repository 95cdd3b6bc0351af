// Playwright cannot download its own browser here; fail early with a useful hint instead.
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(`Chromium fehlt unter ${path}. Installieren: apt-get install -y chromium (oder CHROMIUM_PATH setzen).`);
  process.exit(1);
}
