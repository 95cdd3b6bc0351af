// The Chromium the browser tests and `pnpm bench:foundation` start, and how: one place for both.

/** Debian's Chromium (Playwright cannot download its own browser here); `CHROMIUM_PATH` overrides it. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Without sandbox (containers run as root), GPU, and the browser's own background traffic. */
export const chromiumLaunchOptions = {
  executablePath: chromiumPath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
