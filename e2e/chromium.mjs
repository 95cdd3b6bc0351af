// The Chromium the browser tests and `pnpm bench:foundation` start, and how: one place for both,
// and the same places and flags as the server's PDF renderer (apps/server/src/bericht/chromium.json).
import { existsSync } from 'node:fs';
import CHROMIUM from '../apps/server/src/bericht/chromium.json' with { type: 'json' };

/** `CHROMIUM_PATH`, else the first installed (Playwright cannot download its own browser here). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? CHROMIUM.wo.find((path) => existsSync(path)) ?? CHROMIUM.wo[0];

/** Without sandbox (containers run as root), GPU, and the browser's own background traffic. */
export const chromiumLaunchOptions = { executablePath: chromiumPath, args: CHROMIUM.schalter };
