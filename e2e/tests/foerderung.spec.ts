import type { Page } from '@playwright/test';
import type { FoerderantragRecord, FoerderungUebersicht } from '@asskomm/domain';
import { expect, expectAxeClean, test } from './fixtures.ts';

/** „1.234.568 €“ → 1234568 */
function euros(text: string): number {
  return Number(text.replace(/[^\d-]/g, ''));
}

test('the per-year table equals /api/foerderung, also with filters in the URL', async ({ page }) => {
  for (const query of ['', '?pd=goerlitz&jahr=2024', '?kreis=14626&stand=2024-06-30']) {
    const api = (await (await page.request.get(`/api/foerderung${query}`)).json()) as FoerderungUebersicht;
    await page.goto(`/foerderung${query}`);
    await expect(page.getByLabel('Haushaltsjahr', { exact: true })).toHaveValue(String(api.haushaltsjahr));
    const rows = page.locator('[data-table="jahre"] tbody tr');
    await expect(rows).toHaveCount(api.jahre.length);
    for (const jahr of api.jahre) {
      const row = page.locator(`[data-table="jahre"] tr[data-jahr="${jahr.haushaltsjahr}"]`);
      expect(euros(await row.locator('[data-col="budget"]').innerText())).toBe(Math.round(jahr.budgetCent / 100));
      if (jahr.verborgen) {
        await expect(row.locator('[data-verborgen]')).toHaveText('weniger als 3 Anträge – nicht öffentlich');
        continue;
      }
      const cells = {
        beantragt: euros(await row.locator('[data-col="beantragt"]').innerText()),
        bewilligt: euros(await row.locator('[data-col="bewilligt"]').innerText()),
        ausgezahlt: euros(await row.locator('[data-col="ausgezahlt"]').innerText()),
      };
      expect({ jahr: jahr.haushaltsjahr, ...cells }).toEqual({
        jahr: jahr.haushaltsjahr,
        beantragt: Math.round(jahr.beantragtCent / 100),
        bewilligt: Math.round(jahr.bewilligtCent / 100),
        ausgezahlt: Math.round(jahr.ausgezahltCent / 100),
      });
      await expect(row.locator('[data-ueberzeichnet]')).toHaveCount(jahr.ausschoepfung > 1 ? 1 : 0);
    }
    await expect(page.locator('[data-aufteilung="handlungsfeld"]')).toContainText('Mehrfachnennungen möglich');
  }
});

test('the public sees the sums but no list of applications', async ({ page }) => {
  await page.goto('/foerderung');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('[data-table="jahre"]')).toBeVisible();
  await expect(page.locator('[data-antraege]')).toHaveCount(0);
  await expect(page.locator('[data-antrag-form]')).toHaveCount(0);
  expect((await page.request.get('/api/foerderantraege')).status()).toBe(401);
});

test('an LPR creates an application through the form', async ({ als }) => {
  const { page } = await als('lpr');
  await page.goto('/foerderung?jahr=2026');
  await expect(page.locator('[data-antraege]')).toBeVisible();
  const form = page.locator('[data-antrag-form]');
  // Hydrated: values typed before it would be reset.
  await expect(form.getByRole('button', { name: 'Antrag anlegen' })).toBeEnabled();
  await form.getByLabel('Kommune').selectOption('14626110');
  await form.getByLabel('Haushaltsjahr').fill('2026');
  await form.getByLabel('Zweck').selectOption('projekt');
  await form.getByLabel('Gewalt').check();
  await form.getByLabel('Eingereicht am').fill('2026-01-12');

  // More requested than eligible: the rule's message appears at the amount.
  await form.getByLabel('Beantragt (€)').fill('30.000');
  await form.getByLabel('Förderfähige Kosten (€)').fill('20.000,00');
  await form.getByRole('button', { name: 'Antrag anlegen' }).click();
  await expect(form.locator('[data-field-error="beantragtCent"]')).toContainText('förderfähigen Kosten');

  await form.getByLabel('Beantragt (€)').fill('12.345,67');
  await form.getByRole('button', { name: 'Antrag anlegen' }).click();
  await expect(form.locator('[data-form-erfolg]')).toContainText('Görlitz');

  const antraege = (await (await page.request.get('/api/foerderantraege?jahr=2026')).json()) as FoerderantragRecord[];
  const neu = antraege.find((a) => a.ags === '14626110' && a.beantragtCent === 1234567);
  expect(neu).toBeDefined();
  const row = page.locator(`[data-table="foerderantraege"] tr[data-antrag="${neu!.id}"]`);
  await expect(row).toContainText('Görlitz');
  await expect(row.locator('[data-col="beantragt"]')).toHaveText(/12\.345,67\s€/);
  await expect(row.locator('[data-col="status"]')).toHaveText('Antrag gestellt');

  // The decision: approved with an amount and a date.
  await row.getByRole('button', { name: /Entscheidung/ }).click();
  const dialog = page.locator('#entscheidung-dialog');
  await dialog.getByLabel('Entscheidung', { exact: true }).selectOption('bewilligt');
  await dialog.getByLabel('Datum der Entscheidung').fill('2026-02-01');
  await dialog.getByLabel('Bewilligter Betrag (€)').fill('10.000');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toBeHidden();
  await expect(row.locator('[data-col="status"]')).toHaveText('bewilligt');
  await expect(row.locator('[data-col="bewilligt"]')).toHaveText(/10\.000,00\s€/);
});

test('an LPR records the Verwendungsnachweis and the status changes', async ({ als }) => {
  const { page } = await als('lpr');
  // An application paid out without a Verwendungsnachweis yet, in any year.
  let gefunden: FoerderantragRecord | undefined;
  for (let jahr = new Date().getFullYear(); jahr >= 2019 && !gefunden; jahr--) {
    const antraege = (await (
      await page.request.get(`/api/foerderantraege?jahr=${jahr}`)
    ).json()) as FoerderantragRecord[];
    gefunden = antraege.find((a) => a.status === 'ausgezahlt' && !a.verwendungsnachweisAm && !a.zurueckgezogenAm);
  }
  expect(gefunden).toBeDefined();
  const antrag = gefunden!;
  await page.goto(`/foerderung?jahr=${antrag.haushaltsjahr}`);
  await expect(page.locator('[data-antrag-form]').getByRole('button', { name: 'Antrag anlegen' })).toBeEnabled();
  const row = page.locator(`[data-table="foerderantraege"] tr[data-antrag="${antrag.id}"]`);
  await expect(row.locator('[data-col="status"]')).toHaveText('ausgezahlt');

  await row.getByRole('button', { name: /Bearbeiten/ }).click();
  const dialog = page.locator('#bearbeiten-dialog');
  const heute = await dialog.getByLabel('Verwendungsnachweis am').getAttribute('max');
  await dialog.getByLabel('Verwendungsnachweis am').fill(heute!);
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toBeHidden();
  await expect(row.locator('[data-col="status"]')).toHaveText('Verwendungsnachweis eingereicht');
});

test('a Kreis with one or two applications shows no amounts to the public, but to the LPR', async ({ page, als }) => {
  let gefunden: { jahr: number; kreis: string } | undefined;
  for (let jahr = new Date().getFullYear() + 1; jahr >= 2019 && !gefunden; jahr--) {
    const api = (await (await page.request.get(`/api/foerderung?jahr=${jahr}`)).json()) as FoerderungUebersicht;
    const klein = api.nachKreis.find((k) => k.verborgen && k.anzahl < 3);
    if (klein) gefunden = { jahr, kreis: klein.kreis };
  }
  expect(gefunden).toBeDefined();
  const { jahr, kreis } = gefunden!;
  await page.goto(`/foerderung?jahr=${jahr}`);
  const row = (page: Page) => page.locator(`[data-aufteilung="kreis"] tr[data-key="${kreis}"]`);
  await expect(row(page).getByRole('cell', { name: 'weniger als 3 Anträge – nicht öffentlich' })).toBeVisible();
  await expect(row(page)).not.toContainText('€');
  await expectAxeClean(page);

  const lpr = (await als('lpr')).page;
  await lpr.goto(`/foerderung?jahr=${jahr}`);
  await expect(row(lpr).locator('[data-verborgen]')).toHaveCount(0);
  await expect(row(lpr)).toContainText('€');
});
