import type { Page } from '@playwright/test';
import type { KommuneSummary, KpiSnapshot } from '@asskomm/domain';
import { expect, expectAxeClean, parseGermanNumber, test } from './fixtures.ts';

const VIEWPORTS = [
  { name: 'desktop-1920x1080', width: 1920, height: 1080 },
  { name: 'projector-1280x720', width: 1280, height: 720 },
  { name: 'phone-390x844', width: 390, height: 844 },
];

async function openOverview(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.locator('svg path[data-ags]').first()).toBeVisible();
}

test('the overview shows every Gemeinde on the map, coloured by status, with names', async ({ page, request }) => {
  const kommunen = (await (await request.get('/api/kommunen')).json()) as KommuneSummary[];
  const gemeinden = kommunen.filter((k) => k.ags.length === 8);
  expect(gemeinden.length).toBeGreaterThanOrEqual(418);
  await openOverview(page);
  const paths = page.locator('svg path[data-ags]');
  await expect(paths).toHaveCount(gemeinden.length);
  const heidenau = gemeinden.find((k) => k.name === 'Heidenau')!;
  await expect(page.locator(`svg path[data-ags="${heidenau.ags}"]`)).toHaveAttribute('aria-label', /Heidenau/);
  const fills = await paths.evaluateAll((els) => new Set(els.map((el) => getComputedStyle(el).fill)).size);
  expect(fills).toBeGreaterThanOrEqual(3);
  await expect(
    page.locator('figure, section').filter({ has: paths.first() }).getByText('© GeoBasis-DE / BKG'),
  ).toBeVisible();
});

test('the KPI tiles show the numbers the API gives', async ({ page, request }) => {
  const kpi = (await (await request.get('/api/kpi')).json()) as KpiSnapshot;
  await openOverview(page);
  for (const key of ['mitglieder', 'beraten', 'kpr'] as const) {
    const text = await page.locator(`[data-kpi="${key}"]`).innerText();
    expect({ key, value: parseGermanNumber(text) }).toEqual({ key, value: kpi[key] });
  }
});

for (const viewport of VIEWPORTS) {
  test(`the overview looks complete at ${viewport.name}`, async ({ page }, testInfo) => {
    await page.setViewportSize(viewport);
    await openOverview(page);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('ASSKomm');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // No figure or word runs over the edge of its KPI tile.
    const tiles = page.locator('article[aria-labelledby^="kpi-"]');
    await expect(tiles).toHaveCount(7);
    const overrun = await tiles.evaluateAll((all) =>
      all.filter((tile) => tile.scrollWidth > tile.clientWidth).map((tile) => tile.querySelector('h3')?.textContent),
    );
    expect(overrun).toEqual([]);
    await page.locator('canvas').first().waitFor();
    const path = testInfo.outputPath(`overview-${viewport.name}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`overview-${viewport.name}`, { path, contentType: 'image/png' });
  });
}

test('the overview has no WCAG 2.1 AA violations', async ({ page }) => {
  await openOverview(page);
  await expectAxeClean(page);
});

test('pages are served with a Content-Security-Policy and security headers, and work under them', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const response = await page.goto('/');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  await expect(page.locator('svg path[data-ags]').first()).toBeVisible();
  await expect(page.locator('[data-live="live"]')).toBeVisible();
  expect(errors).toEqual([]);
});

test('an unknown page answers with a German 404 page', async ({ page }) => {
  const response = await page.goto('/gibt-es-nicht');
  expect(response?.status()).toBe(404);
  await expect(page.getByText('Seite nicht gefunden')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Zur Übersicht' })).toBeVisible();
});
