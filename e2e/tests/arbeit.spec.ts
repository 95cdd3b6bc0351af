import type { Page } from '@playwright/test';
import type { Ansprechpartner, WiedervorlageZeile } from '@asskomm/domain';
import { deDate, expect, expectAxeClean, getJson, test, today } from './fixtures.ts';

// Löbau lies in the area of the Polizeidirektion Görlitz; the other suites leave it alone.
const LOEBAU = { ags: '14626290', name: 'Löbau' };

/** Opens Löbau's page and waits for hydration (the comment button is enabled only then). */
async function openLoebau(page: Page): Promise<void> {
  await page.goto(`/kommunen/${LOEBAU.ags}`);
  await expect(page.getByRole('heading', { level: 1, name: LOEBAU.name })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Kommentar senden' })).toBeEnabled();
}

const section = (page: Page, titel: string) =>
  page.locator('section', { has: page.getByRole('heading', { level: 2, name: titel }) });

/** The day `tage` days from today, as the date field takes it. */
function inTagen(tage: number): string {
  const d = new Date(`${today()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + tage);
  return d.toISOString().slice(0, 10);
}

test('a Polizeidirektion adds a police contact and a next step; the LPR sees both live, the list has it', async ({
  als,
  request,
}) => {
  const pd = await als('goerlitz');
  const lpr = await als('lpr');
  await openLoebau(pd.page);
  await openLoebau(lpr.page);
  const name = `Bernd Prüfling ${Date.now() % 100_000}`;

  // The police user may keep only the police's roles.
  const kontakte = section(pd.page, 'Ansprechpartner');
  await kontakte.locator('summary', { hasText: 'Ansprechpartner hinzufügen' }).click();
  const form = kontakte.locator('[data-kontakt-form]');
  await expect(form.getByLabel('Rolle', { exact: true }).locator('option')).toHaveText([
    'Polizeirevier',
    'Bürgerpolizist/in',
  ]);
  await form.getByLabel('Rolle', { exact: true }).selectOption('buergerpolizist');
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Telefon').fill('03585 0123 45');
  await form.getByLabel('E-Mail').fill('bernd.pruefling@polizei.e2e.invalid');
  // A wrong number is refused at the field, and nothing is lost.
  await form.getByLabel('Telefon').fill('bitte anrufen');
  await form.getByRole('button', { name: 'Ansprechpartner speichern' }).click();
  await expect(form.locator('[data-field-error="telefon"]')).toContainText('keine gültige Telefonnummer');
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue(name);
  await form.getByLabel('Telefon').fill('03585 0123 45');
  await form.getByRole('button', { name: 'Ansprechpartner speichern' }).click();
  await expect(form.locator('[data-form-erfolg]')).toContainText('Bürgerpolizist/in für Löbau wurde gespeichert');

  const karte = (page: Page) => section(page, 'Ansprechpartner').locator('[data-kontakt]', { hasText: name });
  await expect(karte(pd.page)).toBeVisible();
  await expect(karte(pd.page).getByRole('link', { name: 'Tel. 03585 0123 45' })).toHaveAttribute(
    'href',
    'tel:03585012345',
  );
  await expect(karte(pd.page).getByRole('link', { name: 'bernd.pruefling@polizei.e2e.invalid' })).toHaveAttribute(
    'href',
    'mailto:bernd.pruefling@polizei.e2e.invalid',
  );
  // The LPR colleague's open page shows it without a reload.
  await expect(karte(lpr.page)).toBeVisible();
  await expect(karte(lpr.page).locator('[data-sichtbarkeit]')).toHaveText('intern');

  // A next step for tomorrow, owned by the police user (the default).
  const vorlagen = section(pd.page, 'Wiedervorlagen');
  await vorlagen.locator('summary', { hasText: 'Wiedervorlage anlegen' }).click();
  const vorlageForm = vorlagen.locator('[data-wiedervorlage-form]');
  const was = `Rückruf beim Bürgerpolizisten ${name}`;
  await vorlageForm.getByLabel('Was ist zu tun?').fill(was);
  await vorlageForm.getByLabel('Fällig am').fill(inTagen(1));
  await vorlageForm.getByRole('button', { name: 'Wiedervorlage anlegen' }).click();
  await expect(vorlageForm.locator('[data-form-erfolg]')).toContainText(`zum ${deDate(inTagen(1))} angelegt`);
  const zeile = (page: Page) => section(page, 'Wiedervorlagen').locator('[data-wiedervorlage]', { hasText: was });
  await expect(zeile(pd.page)).toContainText('zuständig: Demo PD Görlitz');
  await expect(zeile(lpr.page)).toContainText(`fällig am ${deDate(inTagen(1))}`);
  // The history tells it, for both.
  await expect(section(lpr.page, 'Änderungsverlauf')).toContainText('Wiedervorlage angelegt');
  await expect(section(lpr.page, 'Änderungsverlauf')).toContainText(
    `Ansprechpartner erfasst: Bürgerpolizist/in: ${name}`,
  );
  await expectAxeClean(pd.page, 'Kommune mit Formularen: ');

  // „Meine Wiedervorlagen“ of the police user lists it, with its Kommune; done there, it leaves the open list.
  await pd.page.goto('/wiedervorlagen');
  await expect(pd.page.getByRole('heading', { level: 1, name: 'Wiedervorlagen' })).toBeVisible();
  const eintrag = pd.page.locator('[data-wiedervorlage]', { hasText: was });
  await expect(eintrag.getByRole('link', { name: LOEBAU.name })).toHaveAttribute('href', `/kommunen/${LOEBAU.ags}`);
  await expectAxeClean(pd.page, 'Wiedervorlagen: ');
  await eintrag.getByRole('button', { name: /^Erledigt/ }).click();
  await expect(pd.page.locator('[data-wiedervorlage-meldung]')).toContainText('ist erledigt');
  await expect(eintrag).toHaveCount(0);
  await expect(zeile(lpr.page)).toHaveAttribute('data-erledigt', 'true');

  // „Stockt“ on the same page: one click plans a next step for a stalled Kommune, owned by the clicker.
  const stockt = pd.page.locator('[data-stockt] > li').first();
  const stocktAgs = (await stockt.getAttribute('data-stockt-kommune'))!;
  const offenVorher = (
    await getJson<WiedervorlageZeile[]>(pd.page.request, `/api/wiedervorlagen?ags=${stocktAgs}&erledigt=nein`)
  ).length;
  await stockt
    .getByRole('button', { name: /^Wiedervorlage anlegen/ })
    .first()
    .click();
  await expect(pd.page.locator('[data-stockt-meldung]')).toContainText('zugewiesen');
  await expect(pd.page.locator(`[data-stockt-kommune="${stocktAgs}"] [data-offen]`)).toContainText(
    `${offenVorher + 1} offene Wiedervorlage`,
  );

  const gespeichert = await getJson<WiedervorlageZeile[]>(pd.page.request, `/api/wiedervorlagen?ags=${LOEBAU.ags}`);
  expect(gespeichert.find((w) => w.was === was)).toMatchObject({ erledigt: true, erledigtVon: 'Demo PD Görlitz' });
  // The public (not signed in) sees no internal contact of Löbau.
  const oeffentlich = await getJson<Ansprechpartner[]>(request, `/api/kommunen/${LOEBAU.ags}/ansprechpartner`);
  expect(oeffentlich.some((a) => a.name === name)).toBe(false);
});

test('„Löschen“ erases a contact person: gone from the page of everyone, and from the history too', async ({ als }) => {
  const lpr = await als('lpr');
  const pd = await als('goerlitz');
  await openLoebau(lpr.page);
  await openLoebau(pd.page);
  const name = `Gerda Löschbar ${Date.now() % 100_000}`;

  const kontakte = section(lpr.page, 'Ansprechpartner');
  await kontakte.locator('summary', { hasText: 'Ansprechpartner hinzufügen' }).click();
  const form = kontakte.locator('[data-kontakt-form]');
  await form.getByLabel('Rolle', { exact: true }).selectOption('buergerpolizist');
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Telefon').fill('03585 0999 11');
  await form.getByRole('button', { name: 'Ansprechpartner speichern' }).click();
  const karte = (page: Page) => section(page, 'Ansprechpartner').locator('[data-kontakt]', { hasText: name });
  await expect(karte(pd.page)).toBeVisible();

  await karte(lpr.page).getByRole('button', { name: 'Löschen' }).click();
  const dialog = lpr.page.locator('#kontakt-loeschen-dialog');
  await expect(dialog).toContainText(`Bürgerpolizist/in ${name}`);
  await expect(dialog).toContainText('lässt sich nicht rückgängig machen');
  await expectAxeClean(lpr.page, 'Dialog „Person löschen?“');
  await dialog.getByRole('button', { name: 'Endgültig löschen' }).click();
  await expect(dialog).toBeHidden();

  for (const page of [lpr.page, pd.page]) {
    await expect(karte(page)).toHaveCount(0);
    const verlauf = section(page, 'Änderungsverlauf');
    await expect(verlauf.locator('[data-verlauf-eintrag="ansprechpartner:erased"]').first()).toContainText(
      'Ansprechpartner gelöscht: Bürgerpolizist/in',
    );
    // Neither the entry that recorded the contact nor any other part of the page names the person.
    await expect(page.locator('main')).not.toContainText(name);
  }
});
