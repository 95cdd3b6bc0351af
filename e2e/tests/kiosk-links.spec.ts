import { expect, expectAxeClean, test } from './fixtures.ts';

test('an LPR creates a kiosk link, sees its address once, and revokes it after confirming', async ({
  als,
  baseURL,
}) => {
  const { page } = await als('lpr', { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto('/');
  await expect(page.locator('[data-konto="angemeldet"]')).toBeVisible();
  await page.getByRole('navigation', { name: 'Bereiche' }).getByRole('link', { name: 'Kiosk-Links' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kiosk-Links für die Präsentation');

  const anlegen = page.getByRole('button', { name: 'Link anlegen' });
  await expect(anlegen).toBeEnabled();
  await page.getByLabel('Name', { exact: true }).fill('x');
  await anlegen.click();
  await expect(page.locator('[data-field-error="name"]')).toContainText('mindestens 3 Zeichen');

  const name = `Fachtag Saal ${Date.now()}`;
  await page.getByLabel('Name', { exact: true }).fill(name);
  await anlegen.click();
  const neu = page.locator('[data-kiosk-neu]');
  await expect(neu).toBeFocused();
  await expect(neu).toContainText('Diese Adresse wird nur jetzt angezeigt.');
  const url = await page.getByLabel('Adresse des Kiosk-Links').inputValue();
  expect(url).toMatch(new RegExp(`^${baseURL}/praesentation\\?kiosk=[\\w-]{20,}$`));
  await page.getByRole('button', { name: 'Adresse kopieren' }).click();
  await expect(neu.getByRole('status')).toHaveText('Die Adresse ist in der Zwischenablage.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

  // The token steps the presentation as long as the link is valid.
  const token = new URL(url).searchParams.get('kiosk')!;
  const steps = (szene: string) =>
    page.request.put('/api/praesentation', {
      headers: { authorization: `Kiosk ${token}`, origin: baseURL! },
      data: { szene, stand: null },
    });
  expect((await steps('karte')).status()).toBe(200);

  const row = page.locator(`[data-kiosk-link="${name}"]`);
  await expect(row).toContainText('Demo LPR-Team');
  await expect(row.locator('[data-col="status"]')).toHaveText('aktiv');
  await expectAxeClean(page);

  // Shown once: after a reload only the list is there, without the address.
  await page.reload();
  await expect(page.locator('[data-kiosk-neu]')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(token);

  await row.getByRole('button', { name: `Widerrufen: ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Kiosk-Link widerrufen?' });
  await expect(dialog).toContainText(name);
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(dialog).toBeHidden();
  await expect(row.locator('[data-col="status"]')).toHaveText('aktiv');

  await row.getByRole('button', { name: `Widerrufen: ${name}` }).click();
  await dialog.getByRole('button', { name: 'Widerrufen' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('[data-kiosk-meldung]')).toContainText(`„${name}“ ist widerrufen`);
  await expect(row.locator('[data-col="status"]')).toContainText('widerrufen am');
  await expect(row.getByRole('button')).toHaveCount(0);
  expect((await steps('wachstum')).status()).toBe(401);
});

test('read-only roles get no kiosk links', async ({ als }) => {
  const { page } = await als('ministerium');
  await page.goto('/');
  await expect(page.locator('[data-konto="angemeldet"]')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Kiosk-Links' })).toHaveCount(0);
  expect((await page.request.get('/api/kiosk-links')).status()).toBe(403);
});
