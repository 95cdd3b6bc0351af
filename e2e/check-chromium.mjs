// Playwright cannot download its own browser here; fail early with a useful hint instead.
import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium.mjs';

if (!existsSync(chromiumPath)) {
  console.error(
    `Chromium fehlt unter ${chromiumPath}. Installieren: apt-get install -y chromium (oder CHROMIUM_PATH setzen).`,
  );
  process.exit(1);
}
