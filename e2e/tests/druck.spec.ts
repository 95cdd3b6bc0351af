import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Every page printed: the content only, with no control, navigation or toggle left, the tables of
// the charts open and the map's attribution kept. Checked on the print-media page itself.

/** What must not be on paper: anything to click, type in or open. */
const BEDIENELEMENTE = 'button, select, input, textarea, summary, nav, [role="button"], .button';

async function drucken(page: Page, pfad: string): Promise<void> {
  await page.goto(pfad);
  await page.locator('main').waitFor();
  // What the browser does before it lays out a printout (Ctrl+P), then the print media itself.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
}

async function sichtbareBedienelemente(page: Page): Promise<string[]> {
  return page
    .locator(BEDIENELEMENTE)
    .evaluateAll((elemente) =>
      elemente
        .filter((e) => e.checkVisibility())
        .map((e) => `${e.tagName.toLowerCase()}: ${(e.textContent ?? '').trim().slice(0, 40)}`),
    );
}

const SEITEN: { pfad: string; konto: 'lpr' | 'admin' | null }[] = [
  { pfad: '/', konto: null },
  { pfad: '/', konto: 'lpr' },
  { pfad: '/bericht?stand=2025-12-31&pd=goerlitz', konto: 'lpr' },
  { pfad: '/kommunen', konto: 'lpr' },
  { pfad: '/kommunen/14626110', konto: 'lpr' },
  { pfad: '/foerderung', konto: 'lpr' },
  { pfad: '/live', konto: 'lpr' },
  { pfad: '/verwaltung/benutzer', konto: 'admin' },
  { pfad: '/verwaltung/protokoll', konto: 'admin' },
  { pfad: '/verwaltung/kiosk', konto: 'admin' },
];

for (const { pfad, konto } of SEITEN) {
  test(`printed, ${pfad} (${konto ?? 'öffentlich'}) shows no controls`, async ({ als, besucher }, testInfo) => {
    const { page } = konto ? await als(konto) : await besucher();
    await drucken(page, pfad);
    expect(await sichtbareBedienelemente(page)).toEqual([]);
    // Closed disclosures have no toggle on paper: what is printed of them is open.
    const geschlossen = await page
      .locator('details:not([open])')
      .evaluateAll((d) => d.filter((e) => e.checkVisibility()));
    expect(geschlossen).toHaveLength(0);
    await testInfo.attach('druck', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  });
}

test('printed, the overview keeps the chart tables open, the legend drawn and the attribution', async ({
  besucher,
}) => {
  const { page } = await besucher();
  await drucken(page, '/');
  await expect(page.locator('[data-table="verlauf-tabelle"]')).toBeVisible();
  await expect(page.locator('[data-table="karte-tabelle"]')).toBeVisible();
  // Legend swatches are drawn shapes, which every browser prints (backgrounds may be dropped).
  await expect(page.locator('.legend svg rect').first()).toBeVisible();
  await expect(page.getByText('Kartengrundlage: © GeoBasis-DE / BKG').first()).toBeVisible();
  await expect(page.locator('[data-stand]')).toBeVisible();
});
