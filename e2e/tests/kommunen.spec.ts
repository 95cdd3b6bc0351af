import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { MEILENSTEIN_LABELS, type KommuneDetail, type KommuneSummary } from '@asskomm/domain';
import { deDate, expect, expectAxeClean, getJson, test } from './fixtures.ts';

const GOERLITZ = '14626110';

const collator = new Intl.Collator('de-DE', { sensitivity: 'base' });

const api = <T>(page: Page, path: string) => getJson<T>(page.request, path);

async function rowNames(page: Page): Promise<string[]> {
  return page.locator('[data-table="kommunen"] tbody th a').allInnerTexts();
}

/** Opens a Kommune's page as an editor and waits for hydration: input typed before it would be reset. */
async function openKommune(page: Page, ags: string): Promise<void> {
  await page.goto(`/kommunen/${ags}`);
  await expect(page.getByRole('button', { name: 'Meilenstein erfassen' })).toBeEnabled();
}

test('the Kommunen table filters and sorts, and the URL reproduces it', async ({ page }) => {
  const alle = await api<KommuneSummary[]>(page, '/api/kommunen');
  // The filters act through JavaScript: a choice made before the page has hydrated would be lost.
  await page.goto('/kommunen', { waitUntil: 'networkidle' });
  await expect(page.getByRole('heading', { level: 1, name: 'Kommunen' })).toBeVisible();
  await expect(page.locator('[data-anzahl]')).toHaveAttribute('data-anzahl', String(alle.length));

  await page.getByLabel('Polizeidirektion').selectOption('goerlitz');
  await expect(page).toHaveURL(/[?&]pd=goerlitz/);
  const goerlitz = alle.filter((k) => k.polizeidirektion === 'goerlitz');
  await expect(page.locator('[data-anzahl]')).toHaveAttribute('data-anzahl', String(goerlitz.length));

  await page.getByLabel('Status').selectOption('mitglied_kpr');
  await expect(page).toHaveURL(/[?&]status=mitglied_kpr/);
  const kpr = goerlitz.filter((k) => k.status === 'mitglied_kpr');
  await expect(page.locator('[data-table="kommunen"] tbody tr')).toHaveCount(kpr.length);
  expect(await rowNames(page)).toEqual(kpr.map((k) => k.name).sort(collator.compare));

  // Sorting by clicking the column header: descending on the second click.
  const nameHeader = page.locator('th[data-col="name"]');
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/[?&]sort=-name/);
  const descending = kpr.map((k) => k.name).sort((a, b) => collator.compare(b, a));
  expect(await rowNames(page)).toEqual(descending);

  await page.getByLabel('Name oder Gemeindeschlüssel').fill('gör');
  await expect(page).toHaveURL(/[?&]q=g%C3%B6r/);
  await expect(page.locator('[data-table="kommunen"] tbody tr')).toHaveCount(
    kpr.filter((k) => k.name.toLowerCase().includes('gör')).length,
  );

  // The same URL in a fresh page shows the same table.
  const url = page.url();
  const shown = await rowNames(page);
  const again = await page.context().newPage();
  await again.goto(url);
  await expect(again.locator('th[data-col="name"]')).toHaveAttribute('aria-sort', 'descending');
  await expect(again.getByLabel('Polizeidirektion')).toHaveValue('goerlitz');
  expect(await rowNames(again)).toEqual(shown);
  await again.close();

  // Rows link to their Kommune.
  await page.getByRole('link', { name: 'Görlitz', exact: true }).click();
  await expect(page).toHaveURL(`/kommunen/${GOERLITZ}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Görlitz' })).toBeVisible();
});

test('the filtered Kommunen table downloads as CSV and Excel with exactly its rows', async ({ page }) => {
  await page.goto('/kommunen?pd=leipzig&status=mitglied&sort=-name', { waitUntil: 'networkidle' });
  const shown = await rowNames(page);
  expect(shown.length).toBeGreaterThan(1);
  const herunterladen = page.locator('[data-herunterladen]');

  const csvDownload = page.waitForEvent('download');
  await herunterladen.getByRole('link', { name: /^CSV/ }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^Kommunen_\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parse(await readFile(await csv.path()), { bom: true, delimiter: ';' }) as string[][];
  expect(rows[0]?.slice(0, 2)).toEqual(['Gemeindeschlüssel', 'Name']);
  expect(rows.slice(1).map((row) => row[1])).toEqual(shown);

  const xlsxDownload = page.waitForEvent('download');
  await herunterladen.getByRole('link', { name: /^Excel/ }).click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const sheet = await readSheet(await readFile(await xlsx.path()), 'Kommunen');
  expect(sheet.slice(1).map((row) => row[1])).toEqual(shown);
  const angaben = await readSheet(await readFile(await xlsx.path()), 'Angaben');
  expect(angaben).toContainEqual([
    'Filter',
    'Status: Mitglied; Polizeidirektion: Leipzig; sortiert nach Name, absteigend',
  ]);
});

test('the page of Görlitz shows the meilensteine the API has', async ({ page }) => {
  const detail = await api<KommuneDetail>(page, `/api/kommunen/${GOERLITZ}`);
  await page.goto(`/kommunen/${GOERLITZ}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Görlitz' })).toBeVisible();
  const items = page.locator('[data-timeline] > li');
  await expect(items).toHaveCount(detail.meilensteine.length);
  const shown = await items.evaluateAll((lis) =>
    lis.map((li) => ({
      id: Number(li.getAttribute('data-meilenstein')),
      date: li.querySelector('[data-date]')?.textContent?.trim(),
      label: li.querySelector('[data-label]')?.textContent?.trim(),
    })),
  );
  const expected = detail.meilensteine.map((m) => ({
    id: m.id,
    date: deDate(m.date),
    label: MEILENSTEIN_LABELS[m.kind],
  }));
  expect(shown.toSorted((a, b) => a.id - b.id)).toEqual(expected.toSorted((a, b) => a.id - b.id));
  if (detail.demodaten) await expect(page.locator('.titel [data-demodaten]')).toBeVisible();
  await expect(page.locator('[data-locator] [data-ziel]')).toHaveCount(1);
  // The public sees no forms.
  await expect(page.locator('[data-meilenstein-form]')).toHaveCount(0);
});

test('an unknown AGS answers with a German 404 page', async ({ page }) => {
  const response = await page.goto('/kommunen/14999999');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Kommune nicht gefunden' })).toBeVisible();
});

test('an LPR records a meilenstein through the form and sees it in the timeline', async ({ als }) => {
  const { page, me } = await als('lpr');
  await openKommune(page, GOERLITZ);
  const form = page.locator('[data-meilenstein-form]');
  await form.getByLabel('Meilenstein').selectOption('koordinierungsstelle_eingerichtet');
  await form.getByLabel('Datum').fill('2025-06-30');
  await form.getByLabel('Notiz (optional)').fill('Stelle im Rathaus besetzt');
  await form.getByLabel('Quelle (optional)').fill('https://www.goerlitz.de/presse');
  await form.getByRole('button', { name: 'Meilenstein erfassen' }).click();
  await expect(form.locator('[data-form-erfolg]')).toContainText('Koordinierungsstelle eingerichtet');
  const item = page.locator('[data-timeline] > li[data-kind="koordinierungsstelle_eingerichtet"]');
  await expect(item).toContainText('30.06.2025');
  await expect(item).toContainText('Stelle im Rathaus besetzt');
  await expect(item).toContainText(`Erfasst von ${me.benutzer.name}`);
  await expect(item.getByRole('link', { name: /goerlitz\.de/ })).toBeVisible();
  await expect(page.locator('[data-flag="koordinierungsstelle"]')).toHaveText('ja');
});

test('a rule violation (422) is shown at its field', async ({ als }) => {
  const { page } = await als('lpr');
  const alle = await api<KommuneSummary[]>(page, '/api/kommunen');
  const keinKontakt = alle.find((k) => k.status === 'kein_kontakt' && k.ags.length === 8)!;
  await openKommune(page, keinKontakt.ags);
  const form = page.locator('[data-meilenstein-form]');
  await form.getByLabel('Meilenstein').selectOption('austritt');
  await form.getByLabel('Datum').fill('2025-03-01');
  await form.getByRole('button', { name: 'Meilenstein erfassen' }).click();
  const fehler = form.locator('[data-field-error="kind"]');
  await expect(fehler).toContainText('Austritt ist nur für ein Mitglied möglich');
  await expect(form.getByLabel('Meilenstein')).toHaveAttribute('aria-invalid', 'true');
});

test('two colleagues adding different milestones at once both succeed: no false conflict', async ({ als }) => {
  const a = await als('admin');
  const b = await als('lpr');
  await openKommune(b.page, GOERLITZ);
  const formB = b.page.locator('[data-meilenstein-form]');
  // B starts a new milestone on the page as it is now…
  await formB.getByLabel('Meilenstein').selectOption('praeventionskonzept_beschlossen');
  await formB.getByLabel('Datum').fill('2025-09-10');

  // …while A records another milestone for the same Kommune.
  await openKommune(a.page, GOERLITZ);
  const formA = a.page.locator('[data-meilenstein-form]');
  await formA.getByLabel('Meilenstein').selectOption('kpr_reaktiviert');
  await formA.getByLabel('Datum').fill('2025-08-01');
  await formA.getByRole('button', { name: 'Meilenstein erfassen' }).click();
  await expect(formA.locator('[data-form-erfolg]')).toContainText('KPR reaktiviert');

  await formB.getByRole('button', { name: 'Meilenstein erfassen' }).click();
  await expect(formB.locator('[data-form-erfolg]')).toContainText('Präventionskonzept beschlossen');
  await expect(formB.locator('[data-konflikt]')).toHaveCount(0);
  for (const [kind, tag] of [
    ['praeventionskonzept_beschlossen', '10.09.2025'],
    ['kpr_reaktiviert', '01.08.2025'],
  ]) {
    await expect(b.page.locator(`[data-timeline] > li[data-kind="${kind}"]`, { hasText: tag })).toBeVisible();
  }
});

test('a stale correction gets the 409 notice naming the other user, and can be re-applied', async ({ als }) => {
  const a = await als('admin');
  const b = await als('lpr');
  await openKommune(b.page, GOERLITZ);
  // B opens the correction of a milestone on the version shown now…
  const itemB = b.page.locator('[data-timeline] > li[data-kind="kooperationsvereinbarung"]').first();
  await itemB.getByRole('button', { name: /Korrigieren/ }).click();
  const dialogB = b.page.locator('#korrektur-dialog');
  await dialogB.getByLabel('Notiz').fill('Unterzeichnet im Ratssaal');

  // …while A corrects the same milestone.
  await openKommune(a.page, GOERLITZ);
  const itemA = a.page.locator('[data-timeline] > li[data-kind="kooperationsvereinbarung"]').first();
  await itemA.getByRole('button', { name: /Korrigieren/ }).click();
  const dialogA = a.page.locator('#korrektur-dialog');
  await dialogA.getByLabel('Quelle').fill('Pressemitteilung der Stadt');
  await dialogA.getByRole('button', { name: 'Korrektur speichern' }).click();
  await expect(dialogA).toBeHidden();

  await dialogB.getByRole('button', { name: 'Korrektur speichern' }).click();
  const konflikt = dialogB.locator('[data-konflikt]');
  await expect(konflikt).toBeVisible();
  await expect(konflikt).toContainText(`Inzwischen von ${a.me.benutzer.name} geändert`);
  await konflikt.getByRole('button', { name: 'Meine Änderung erneut anwenden' }).click();
  await expect(dialogB).toBeHidden();
  await expect(itemB).toContainText('Unterzeichnet im Ratssaal');
  await expect(itemB).toContainText('Pressemitteilung der Stadt');
});

test('an LPR corrects and withdraws a meilenstein', async ({ als }) => {
  const { page } = await als('lpr');
  await openKommune(page, GOERLITZ);
  const item = page.locator('[data-timeline] > li[data-kind="koordinierungsstelle_eingerichtet"]').first();
  await item.getByRole('button', { name: /Korrigieren/ }).click();
  const korrektur = page.locator('#korrektur-dialog');
  await korrektur.getByLabel('Notiz').fill('Stelle zum 1. Juli besetzt');
  await korrektur.getByRole('button', { name: 'Korrektur speichern' }).click();
  await expect(korrektur).toBeHidden();
  await expect(item).toContainText('Stelle zum 1. Juli besetzt');

  await item.getByRole('button', { name: /Zurückziehen/ }).click();
  const rueckzug = page.locator('#rueckzug-dialog');
  await expect(rueckzug.getByRole('heading', { name: 'Meilenstein zurückziehen?' })).toBeVisible();
  await rueckzug.getByLabel('Grund').fill('Doppelt erfasst');
  await rueckzug.getByRole('button', { name: 'Zurückziehen' }).click();
  await expect(rueckzug).toBeHidden();
  await expect(item.locator('[data-rueckzug]')).toContainText('Doppelt erfasst');
  await expect(item.locator('s[data-label]')).toBeVisible();
});

test('an LPR signs the Kooperationsvereinbarung for two untouched Kommunen at once', async ({ als }) => {
  const { page } = await als('lpr');
  const alle = await api<KommuneSummary[]>(page, '/api/kommunen');
  const [erste, zweite] = alle.filter((k) => k.status === 'kein_kontakt' && k.ags.length === 8 && !k.kpr);
  expect(erste).toBeDefined();
  expect(zweite).toBeDefined();
  await openKommune(page, erste!.ags);
  const form = page.locator('[data-unterzeichnung-form]');
  await form.getByLabel('Datum der Unterzeichnung').fill('2025-10-01');
  await form.getByLabel('Landespräventionsrat Sachsen').check();
  await form.getByLabel('Bürgermeister/in').check();
  await form.getByLabel('Weitere Unterzeichnende (optional)').fill('Landrat des Kreises');
  await form.getByLabel('Kommune suchen').fill(zweite!.ags);
  await form.getByLabel(/Kommune auswählen/).selectOption(zweite!.ags);
  await form.getByRole('button', { name: 'Kommune hinzufügen' }).click();
  await expect(form.locator(`[data-weitere-ags="${zweite!.ags}"]`)).toContainText(zweite!.name);
  await form.getByRole('button', { name: 'Kooperationsvereinbarung unterzeichnen' }).click();
  await expect(form.locator('[data-form-erfolg]')).toContainText(zweite!.name);
  await expect(page.locator('.titel [data-status]')).toHaveText('Mitglied');
  await expect(page.locator('[data-timeline] > li[data-kind="kooperationsvereinbarung"]')).toContainText('01.10.2025');

  await page.goto(`/kommunen/${zweite!.ags}`);
  await expect(page.locator('.titel [data-status]')).toHaveText('Mitglied');
  const detail = await api<KommuneDetail>(page, `/api/kommunen/${zweite!.ags}`);
  expect(detail.status).toBe('mitglied');
});

test('the Kommunen pages and the foerderung page are axe clean', async ({ page, als }) => {
  for (const path of ['/kommunen', `/kommunen/${GOERLITZ}`, '/foerderung']) {
    await page.goto(path);
    await expect(page.locator('h1')).toBeVisible();
    await expectAxeClean(page);
  }
  // Signed in as LPR the forms are there too.
  const lpr = (await als('lpr')).page;
  for (const path of [`/kommunen/${GOERLITZ}`, '/foerderung']) {
    await lpr.goto(path);
    await expect(lpr.locator('h1')).toBeVisible();
    await expectAxeClean(lpr);
  }
});
