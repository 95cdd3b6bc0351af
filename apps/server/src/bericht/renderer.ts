import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { HttpError } from '@asskomm/domain';
import { createLine } from '../line.ts';

/**
 * Where Debian, Ubuntu and Google install their Chromium (`wo`, tried in this order without
 * CHROMIUM_PATH), and its flags for a headless browser on a server without a desktop (`schalter`):
 * no sandbox (the server's own pages only, and containers run as root), no GPU, nothing fetched
 * from Google. The browser tests and benches start theirs the same way (e2e/chromium.mjs).
 */
import CHROMIUM from './chromium.json' with { type: 'json' };

/** The Chromium to render with: the configured one if it exists, else the first one installed. */
export function findChromium(configured: string | undefined): string | undefined {
  if (configured !== undefined) return existsSync(configured) ? configured : undefined;
  return CHROMIUM.wo.find((path) => existsSync(path));
}

/** The German answer (503) when no PDF can be made here: what is missing and how to add it. */
export function chromiumMissing(configured: string | undefined): string {
  const missing = configured
    ? `Das unter CHROMIUM_PATH angegebene Programm „${configured}“ gibt es nicht.`
    : 'Auf dem Server ist kein Chromium installiert.';
  return `PDF-Berichte sind hier nicht verfügbar: ${missing} Abhilfe: „apt-get install chromium“ (Debian/Ubuntu) oder CHROMIUM_PATH auf ein Chromium bzw. Google Chrome setzen. Die Druckansicht des Berichts funktioniert auch ohne.`;
}

/** Reports rendered at the same time (each on a page of its own). */
const PLAETZE = 2;

/** How long one report may take, from opening the page to the last PDF byte. */
const RENDER_TIMEOUT_MS = 30_000;

// The report page is laid out for A4 portrait at 96 dpi: 210 mm − 2 × 15 mm margin ≈ 680 px.
const A4_CONTENT = { width: 680, height: 1000 };

/** Page numbers in the footer of every page; the report itself has no running header. */
const FOOTER = `<div style="width:100%;padding:0 15mm;font:8pt sans-serif;color:#444;display:flex;justify-content:space-between">
<span>ASSKomm Lagebild – Lagebericht</span><span>Seite <span class="pageNumber"></span> von <span class="totalPages"></span></span></div>`;

export interface PdfRenderer {
  /**
   * Prints a page of this server to a tagged A4 PDF, as the caller would see it: its cookie
   * header is passed on, so the page loads the caller's scope and nothing more.
   */
  pdf(path: string, cookie: string | undefined): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * One headless Chromium, started on the first report and reused. Rendering runs in the browser's
 * own processes (not on the server's event loop), at the lowest CPU priority where `chrt`
 * exists, and at most two reports at a time, with a short line behind them: a burst of PDF
 * requests cannot take the cores from the live pushes.
 */
export function createPdfRenderer(
  executablePath: string,
  baseUrl: () => string,
  /** bin/chromium-niedrig.sh: starts Chromium at the lowest CPU priority, used where `chrt` exists. */
  niedrig?: string,
): PdfRenderer {
  const nachrangig = niedrig !== undefined && existsSync(niedrig) && ['/usr/bin/chrt', '/bin/chrt'].some(existsSync);
  let browser: Promise<Browser> | undefined;
  let closed = false;
  /*
   * Opening a page starts a renderer process: a third of a report's time. So each of the line's
   * places keeps its page for the next report. Nothing of one caller reaches the next: the cookie
   * goes as a header set anew for every report, the jar is cleared after each, the pages are
   * `no-store` (never served from Chromium's cache) and run no script (no storage written); every
   * report is a new document. A page that failed in any way is closed, not reused.
   */
  let idle: Page[] = [];
  const line = createLine(
    PLAETZE,
    8,
    'Gerade werden viele PDF-Berichte erstellt. Bitte in einer Minute noch einmal versuchen.',
  );

  const launch = (): Promise<Browser> => {
    const started = chromium.launch({
      executablePath: nachrangig ? niedrig : executablePath,
      env: nachrangig ? { ...process.env, ASSKOMM_CHROMIUM: executablePath } : process.env,
      args: CHROMIUM.schalter,
      timeout: RENDER_TIMEOUT_MS,
    });
    // A crashed browser is started again for the next report, with new pages.
    started.then(
      (b) =>
        b.on('disconnected', () => {
          if (browser !== started) return;
          browser = undefined;
          idle = [];
        }),
      () => browser === started && (browser = undefined),
    );
    return started;
  };

  /** A context of its own with its page, set up for print. */
  const newPage = async (): Promise<Page> => {
    const context = await (browser ??= launch()).then((b) =>
      b.newContext({ viewport: A4_CONTENT, locale: 'de-DE', timezoneId: 'Europe/Berlin' }),
    );
    const page = await context.newPage();
    page.setDefaultTimeout(RENDER_TIMEOUT_MS);
    await page.emulateMedia({ media: 'print' });
    return page;
  };

  const render = async (path: string, cookie: string | undefined): Promise<Buffer> => {
    const page = idle.pop() ?? (await newPage());
    let reusable = false;
    try {
      await page.setExtraHTTPHeaders(cookie ? { cookie } : {});
      const response = await page.goto(new URL(path, baseUrl()).href, { waitUntil: 'load' });
      if (!response?.ok()) throw new Error(`Die Berichtsseite antwortete ${response?.status() ?? 'nicht'}.`);
      // The print page is complete when loaded (drawn on the server, no script); a page without its
      // map is not the report.
      await page.locator('[data-karte-bereit]').waitFor({ state: 'attached' });
      const pdf = await page.pdf({
        format: 'A4',
        margin: { top: '15mm', right: '15mm', bottom: '18mm', left: '15mm' },
        printBackground: true,
        tagged: true,
        outline: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: FOOTER,
      });
      await page.context().clearCookies();
      reusable = true;
      return pdf;
    } finally {
      if (reusable && !closed && idle.length < PLAETZE) idle.push(page);
      else
        await page
          .context()
          .close()
          .catch(() => undefined);
    }
  };

  return {
    pdf: (path, cookie) => {
      if (closed) return Promise.reject(new HttpError(503, 'Der Server fährt herunter.'));
      return line.run(async () => {
        try {
          return await render(path, cookie);
        } catch (error) {
          throw new HttpError(
            503,
            `Der PDF-Bericht konnte nicht erstellt werden (${(error as Error).message.split('\n')[0]}). Bitte gleich noch einmal versuchen oder die Druckansicht nutzen.`,
          );
        }
      });
    },
    close: async () => {
      closed = true;
      const running = browser;
      browser = undefined;
      idle = [];
      await running?.then((b) => b.close()).catch(() => undefined);
    },
  };
}
