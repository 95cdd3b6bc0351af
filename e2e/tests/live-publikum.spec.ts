import type { APIRequestContext, BrowserContext, BrowserContextOptions, Page } from '@playwright/test';
import { SZENEN_TITEL } from '@asskomm/domain';
import type { KommuneDetail, KommuneSummary, KpiSnapshot, PraesentationStand } from '@asskomm/domain';
import {
  BUEHNE,
  HANDY,
  beobachte,
  expect,
  expectAxeClean,
  getJson,
  test as base,
  today,
  wiederholt,
} from './fixtures.ts';

async function setze(lpr: APIRequestContext, szene: PraesentationStand['szene'], stand: string | null = null) {
  const response = await lpr.put('/api/praesentation', { data: { szene, stand } });
  expect(response.status(), await response.text()).toBe(200);
}

/** A phone of the audience: a fresh context without login, on /live, connected. */
async function handy(besucher: (options: BrowserContextOptions) => Promise<{ context: BrowserContext; page: Page }>) {
  const { context, page } = await besucher(HANDY);
  page.on('pageerror', (error) => expect.soft(error.message, 'Skriptfehler auf /live').toBe(''));
  await page.goto('/live');
  await expect(page.locator('[data-verbindung="live"]')).toBeVisible();
  return { context, page };
}

/** The LPR team through the API: it steps the talk and records the signing. */
const test = base.extend<{ lpr: APIRequestContext }>({
  lpr: async ({ apiAls }, use) => {
    await use(await apiAls('lpr'));
  },
});

const szene = (page: Page) => page.locator('section[data-szene]');

test.describe.configure({ mode: 'serial' });

// The suites after this one start from the first scene.
test.afterAll(async ({ playwright, anmeldungen }) => {
  const lpr = wiederholt(
    await playwright.request.newContext({
      baseURL: test.info().project.use.baseURL,
      storageState: await anmeldungen.state('lpr'),
    }),
  );
  try {
    await setze(lpr, 'karte');
  } finally {
    await lpr.dispose();
  }
});

test('two phones follow the presenter; one explores on its own, keeps its scene and snaps back; a unterzeichnung reaches both', async ({
  als,
  besucher,
  lpr,
}, testInfo) => {
  await setze(lpr, 'karte');
  const [a, b] = [await handy(besucher), await handy(besucher)];
  const { page: presenter } = await als('lpr', BUEHNE);
  await presenter.goto('/praesentation');
  await expect(presenter.locator('[data-verbindung="live"]')).toBeVisible();
  for (const { page } of [a, b]) {
    await expect(szene(page)).toHaveAttribute('data-szene', 'karte');
    await expect(page.locator('[data-modus]')).toHaveAttribute('data-modus', 'folgen');
  }

  // B explores the Polizeidirektionen on its own.
  await b.page.getByRole('button', { name: 'Selbst erkunden' }).click();
  await b.page.getByRole('button', { name: SZENEN_TITEL.polizeidirektionen }).click();
  await expect(szene(b.page)).toHaveAttribute('data-szene', 'polizeidirektionen');
  await expect(b.page.getByRole('button', { name: SZENEN_TITEL.polizeidirektionen })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // The presenter steps on: A follows, B stays and is told where the talk is.
  await presenter.keyboard.press('ArrowRight');
  await expect(szene(a.page)).toHaveAttribute('data-szene', 'wachstum');
  await expect(a.page.getByRole('heading', { name: SZENEN_TITEL.wachstum })).toBeVisible();
  await expect(b.page.locator('[data-vortrag-weiter]')).toContainText(SZENEN_TITEL.wachstum);
  await expect(szene(b.page)).toHaveAttribute('data-szene', 'polizeidirektionen');
  const vortrag = await getJson<PraesentationStand>(lpr, '/api/praesentation');
  expect(vortrag.szene).toBe('wachstum');

  // A signing during the talk: both phones celebrate it.
  const kommunen = await getJson<KommuneSummary[]>(lpr, '/api/kommunen');
  const gemeinde = kommunen.find((k) => k.ags.length === 8 && k.status === 'kein_kontakt')!;
  const detail = await getJson<KommuneDetail>(lpr, `/api/kommunen/${gemeinde.ags}`);
  const vorher = await getJson<KpiSnapshot>(lpr, '/api/kpi');
  // When each phone shows the banner, by its own clock (however busy the machine).
  const feiern = [await beobachte(a.page, '[data-feier]'), await beobachte(b.page, '[data-feier]')];
  const signed = await lpr.post(`/api/kommunen/${gemeinde.ags}/meilensteine`, {
    data: { kind: 'kooperationsvereinbarung', date: today(), version: detail.version },
  });
  const unterzeichnet = Date.now();
  expect(signed.status(), await signed.text()).toBe(201);
  const text = `${vorher.mitglieder + 1}. Mitglied: ${gemeinde.name}`;
  const phones = [
    ['folgt', a],
    ['erkundet', b],
  ] as const;
  // Both phones first (the banner stays for some seconds only), then their screenshots.
  for (const [index, [name, { page }]] of phones.entries()) {
    await expect(page.locator('[data-feier]')).toHaveText(text);
    const gezeigt = (await feiern[index]!.verlauf()).find(({ zustand }) => zustand?.text === text)!;
    expect(gezeigt.t - unterzeichnet, name).toBeLessThan(2000);
    await expect(page.locator('[data-feier]')).toBeInViewport();
    await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
    await expect(page.locator('#szene-titel')).toBeInViewport();
  }
  for (const [name, { page }] of phones) {
    const pfad = testInfo.outputPath(`live-390x844-${name}.png`);
    await page.screenshot({ path: pfad, animations: 'disabled' });
    await testInfo.attach(`/live 390×844 (${name}) mit Feier`, { path: pfad, contentType: 'image/png' });
  }
  // On a phone nothing is wider than the screen.
  expect(await a.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expect(szene(b.page)).toHaveAttribute('data-szene', 'polizeidirektionen');

  // Snap back: B shows the talk again and follows its next step.
  await b.page.getByRole('button', { name: 'Zurück zum Vortrag' }).click();
  await expect(b.page.locator('[data-modus]')).toHaveAttribute('data-modus', 'folgen');
  await expect(szene(b.page)).toHaveAttribute('data-szene', 'wachstum');
  await expect(b.page.locator('#szene-titel')).toContainText(SZENEN_TITEL.wachstum);
  await setze(lpr, 'kpr-foerderung');
  for (const { page } of [a, b]) await expect(szene(page)).toHaveAttribute('data-szene', 'kpr-foerderung');
});

test('exploring picks a scene and a date; big touch targets; axe finds nothing on /live', async ({ besucher, lpr }) => {
  await setze(lpr, 'karte');
  const { page } = await handy(besucher);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect(page.locator('[data-kennzahl="mitglieder"]')).toHaveText(/^\d/);
  await expectAxeClean(page);

  // By keyboard too: focus moves to the button that replaces the one pressed.
  await page.getByRole('button', { name: 'Selbst erkunden' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Zurück zum Vortrag' })).toBeFocused();
  await page.getByRole('button', { name: SZENEN_TITEL.wachstum }).click();
  await page.getByLabel('Stand (Datum)').fill('2021-09-23');
  await page.getByLabel('Stand (Datum)').dispatchEvent('change');
  await expect(page.locator('.position')).toContainText('Stand 23.09.2021');
  for (const button of await page.getByRole('button').all()) {
    const box = (await button.boundingBox())!;
    expect(box.height, await button.innerText()).toBeGreaterThanOrEqual(44);
  }
  await expectAxeClean(page);
});

test('a phone offline keeps its scene with „Stand hh:mm“ and follows the talk again once back online', async ({
  besucher,
  lpr,
}) => {
  await setze(lpr, 'kpr-foerderung');
  const { context, page } = await handy(besucher);
  await expect(szene(page)).toHaveAttribute('data-szene', 'kpr-foerderung');
  await expect(page.locator('[data-kennzahl="kpr"]')).toHaveText(/^\d/);
  // A phone that has had the page open a moment: the service worker holds the app's files.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
    }
  });

  await context.setOffline(true);
  await expect(page.locator('[data-stand-stempel]')).toHaveText(/^Stand \d\d:\d\d Uhr$/, { timeout: 30_000 });
  await expect(szene(page)).toHaveAttribute('data-szene', 'kpr-foerderung');
  await expect(page.locator('[data-kennzahl="kpr"]')).toHaveText(/^\d/);

  await setze(lpr, 'polizeidirektionen');
  await context.setOffline(false);
  await expect(page.locator('[data-verbindung="live"]')).toBeVisible({ timeout: 30_000 });
  await expect(szene(page)).toHaveAttribute('data-szene', 'polizeidirektionen');
  await expect(page.locator('[data-stand-stempel]')).toHaveCount(0);
});
