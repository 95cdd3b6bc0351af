import type { Locator } from '@playwright/test';
import { VERBORGEN_TEXT, type FoerderantragRecord, type FoerderungUebersicht } from '@asskomm/domain';
import { deDate, expect, expectAxeClean, test, today } from './fixtures.ts';

const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

/** „1.234.568 €“ → 1234568 */
function euros(text: string): number {
  return Number(text.replace(/[^\d-]/g, ''));
}

/** The amount a cell shows, without the Stand line a lagging public figure carries under it. */
async function betrag(cell: Locator): Promise<number> {
  return euros(await cell.evaluate((el) => el.firstChild?.textContent ?? ''));
}

test('the per-year table equals /api/foerderung, for the public and the LPR, also with filters', async ({
  page,
  als,
}) => {
  const lpr = (await als('lpr')).page;
  for (const [wer, seite] of [
    ['öffentlich', page],
    ['lpr', lpr],
  ] as const) {
    for (const query of ['', '?pd=goerlitz&jahr=2024', '?kreis=14626&stand=2024-06-30']) {
      const api = (await (await seite.request.get(`/api/foerderung${query}`)).json()) as FoerderungUebersicht;
      await seite.goto(`/foerderung${query}`);
      await expect(seite.locator('#f-jahr')).toHaveValue(String(api.haushaltsjahr));
      const rows = seite.locator('[data-table="jahre"] tbody tr');
      await expect(rows).toHaveCount(api.jahre.length);
      // A public figure that lags behind the view's quarter end says so under its amount.
      const quartalsende = api.jahre
        .flatMap((j) => (j.oeffentlichAm ? Object.values(j.oeffentlichAm) : []))
        .sort()
        .at(-1);
      for (const jahr of api.jahre) {
        const row = seite.locator(`[data-table="jahre"] tr[data-jahr="${jahr.haushaltsjahr}"]`);
        expect(euros(await row.locator('[data-col="budget"]').innerText())).toBe(Math.round(jahr.budgetCent / 100));
        if (jahr.verborgen) {
          expect(wer).toBe('öffentlich');
          await expect(row.locator('[data-verborgen]')).toHaveText(VERBORGEN_TEXT);
          continue;
        }
        const spalten = {
          anzahl: 'anzahl',
          beantragt: 'beantragtCent',
          bewilligt: 'bewilligtCent',
          ausgezahlt: 'ausgezahltCent',
        } as const;
        for (const [col, kennzahl] of Object.entries(spalten)) {
          const cell = row.locator(`[data-col="${col}"]`);
          const wert = kennzahl === 'anzahl' ? jahr.anzahl : Math.round(jahr[kennzahl] / 100);
          expect({ wer, query, jahr: jahr.haushaltsjahr, col, wert: await betrag(cell) }).toEqual({
            wer,
            query,
            jahr: jahr.haushaltsjahr,
            col,
            wert,
          });
          const am = jahr.oeffentlichAm?.[kennzahl];
          await expect(cell.locator('[data-stand]')).toHaveText(am && am !== quartalsende ? `Stand ${deDate(am)}` : []);
        }
        await expect(row.locator('[data-ueberzeichnet]')).toHaveCount(jahr.ausschoepfung > 1 ? 1 : 0);
      }
    }
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

test('the public sees Land sums as of a quarter end and no breakdown; the LPR sees the breakdowns', async ({
  page,
  als,
}) => {
  const api = (await (await page.request.get('/api/foerderung')).json()) as FoerderungUebersicht;
  const staende = api.jahre.flatMap((j) => (j.oeffentlichAm ? Object.values(j.oeffentlichAm) : []));
  expect(staende.length).toBeGreaterThan(0);
  const quartalsende = staende.sort().at(-1)!;
  expect(quartalsende.slice(5)).toMatch(/^(03-31|06-30|09-30|12-31)$/);
  await page.goto('/foerderung');
  await expect(page.locator('[data-intro]')).toContainText(`für ganz Sachsen, Stand ${deDate(quartalsende)}`);
  await expect(page.locator('[data-aufteilung]')).toHaveCount(0);
  await expect(page.getByLabel('Polizeidirektion')).toHaveCount(0);
  await expectAxeClean(page);

  const lpr = (await als('lpr')).page;
  const intern = (await (await lpr.request.get('/api/foerderung')).json()) as FoerderungUebersicht;
  expect(intern.nachKreis.length).toBeGreaterThan(0);
  await lpr.goto('/foerderung');
  await expect(lpr.locator('[data-aufteilung="kreis"] tbody tr')).toHaveCount(intern.nachKreis.length);
  for (const kreis of intern.nachKreis) {
    const row = lpr.locator(`[data-aufteilung="kreis"] tr[data-key="${kreis.kreis}"]`);
    await expect(row.locator('td').nth(2)).toHaveText(euro.format(Math.round(kreis.bewilligtCent / 100)));
  }
  await expect(lpr.locator('[data-intro]')).toContainText(`Stand ${deDate(intern.stand)}`);
  await expect(lpr.locator('[data-stand]')).toHaveCount(0);
});

test('a public figure changed by only one application keeps its older Stand and says so', async ({ page, als }) => {
  const lpr = (await als('lpr')).page;
  // A year no one has applied for yet, and the last quarter that has ended: one application in it.
  const jahr = 2029;
  const [jahrHeute, monatHeute] = today().split('-').map(Number) as [number, number];
  const quartalsende = (quartale: number) => {
    // The end of the quarter `quartale` before the current one, as an ISO date (UTC month arithmetic).
    const erster = Date.UTC(jahrHeute, Math.floor((monatHeute - 1) / 3) * 3 - 3 * (quartale - 1), 1);
    return new Date(erster - 86_400_000).toISOString().slice(0, 10);
  };
  const [vorletztes, letztes] = [quartalsende(2), quartalsende(1)];
  const imQuartal = new Date(Date.parse(vorletztes) + 14 * 86_400_000).toISOString().slice(0, 10);
  const created = await lpr.request.post('/api/foerderantraege', {
    data: {
      ags: '14626110',
      haushaltsjahr: jahr,
      zweck: 'projekt',
      handlungsfelder: ['gewalt'],
      eingereichtAm: imQuartal,
      beantragtCent: 1_234_500,
      foerderfaehigCent: 2_469_000,
    },
  });
  expect(created.status()).toBe(201);

  await page.goto(`/foerderung?jahr=${jahr}`);
  const row = page.locator(`[data-table="jahre"] tr[data-jahr="${jahr}"]`);
  // Still the figures of the quarter end before it: the one application cannot be read off.
  await expect(row.locator('[data-col="anzahl"]')).toContainText('0');
  await expect(row.locator('[data-col="beantragt"]')).toContainText('0 €');
  await expect(row.locator('[data-col="anzahl"] [data-stand]')).toHaveText(`Stand ${deDate(vorletztes)}`);
  await expect(row.locator('[data-col="beantragt"] [data-stand]')).toHaveText(`Stand ${deDate(vorletztes)}`);
  await expect(page.locator('[data-table="jahre"] tr[data-jahr="2025"] [data-stand]')).toHaveCount(0);
  await expect(page.locator('[data-intro]')).toContainText(`Stand ${deDate(letztes)}`);

  // The LPR sees it on the day.
  await lpr.goto(`/foerderung?jahr=${jahr}`);
  await expect(lpr.locator(`[data-table="jahre"] tr[data-jahr="${jahr}"] [data-col="anzahl"]`)).toHaveText('1');
});
