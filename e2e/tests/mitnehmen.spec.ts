import { readFile } from 'node:fs/promises';
import type { KpiSnapshot } from '@asskomm/domain';
import { deDate, expect, getJson, integer, test } from './fixtures';

// Taking figures away from the overview: the KPI line as text, a chart as a picture, its numbers as a file.

const STAND = '2025-12-31';

test('„Zahlen kopieren“ puts the KPI line of the view on the clipboard', async ({ besucher }) => {
  const { context, page } = await besucher();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`/?stand=${STAND}`);
  const kpi = await getJson<KpiSnapshot>(page.request, `/api/kpi?stand=${STAND}`);
  await page.locator('[data-zahlen-kopieren]').click();
  await expect(page.locator('[data-kopiert]')).toHaveText('Kennzahlen kopiert.');
  const text = (await page.evaluate(() => navigator.clipboard.readText())).replace(/\u00a0/g, ' ');
  expect(text).toContain(`Sachsen, Stand ${deDate(STAND)}: ${integer.format(kpi.mitglieder)} Mitglieder;`);
  expect(text).toContain(`${integer.format(kpi.beraten)} beratene Kommunen`);
  expect(text).toContain(`${integer.format(kpi.kpr)} Kommunale Präventionsräte`);
});

test('a chart downloads as a PNG picture and its numbers as CSV', async ({ besucher }) => {
  const { page } = await besucher();
  await page.goto(`/?stand=${STAND}&pd=goerlitz`);
  const figur = page
    .locator('figure')
    .filter({ has: page.locator('[data-table-knopf], canvas') })
    .first();
  await expect(figur.locator('canvas[data-gezeichnet]')).toBeAttached();
  const bild = page.waitForEvent('download');
  await figur.getByRole('button', { name: /Als Bild \(PNG\)/ }).click();
  const download = await bild;
  expect(download.suggestedFilename()).toBe(`Entwicklung_${STAND}.png`);
  const bytes = await readFile(await download.path());
  // A PNG (its signature), wider than tall and larger than an empty canvas would be.
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.readUInt32BE(16)).toBeGreaterThan(bytes.readUInt32BE(20));
  expect(bytes.length).toBeGreaterThan(5_000);

  const csv = figur.getByRole('link', { name: /^CSV/ });
  expect(await csv.getAttribute('href')).toBe(`/api/kpi/verlauf?bis=${STAND}&pd=goerlitz&format=csv`);
  const response = await page.request.get((await csv.getAttribute('href'))!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
});

test('the map downloads as SVG and PNG with title, Stand, legend and attribution', async ({ besucher }) => {
  const { page } = await besucher();
  await page.goto(`/?stand=${STAND}`);
  await expect(page.locator('svg[data-karte-bereit]')).toBeAttached();
  const knoepfe = page.locator('[data-karte-datei]');

  const svgDownload = page.waitForEvent('download');
  await knoepfe.getByRole('button', { name: /^SVG/ }).click();
  const svg = await readFile(await (await svgDownload).path(), 'utf8');
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg).toContain(`Status der Gemeinden: Sachsen, Stand ${deDate(STAND)}`);
  expect(svg).toContain('Kartengrundlage: © GeoBasis-DE / BKG');
  expect(svg).toMatch(/Mitglied mit KPR: \d+/);
  expect(svg.match(/<path [^>]*data-ags="\d{8}"/g)).toHaveLength(418);

  const pngDownload = page.waitForEvent('download');
  await knoepfe.getByRole('button', { name: /^PNG/ }).click();
  const download = await pngDownload;
  expect(download.suggestedFilename()).toBe(`Karte_${STAND}.png`);
  const png = await readFile(await download.path());
  expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  expect(png.readUInt32BE(16)).toBe(2000);
});
