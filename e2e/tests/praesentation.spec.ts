import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import {
  SZENEN_TITEL,
  type KommuneDetail,
  type KommuneSummary,
  type KpiSnapshot,
  type PraesentationStand,
} from '@asskomm/domain';
import { BUEHNE, beobachte, expect, expectAxeClean, getJson, integer, test, today, zeitenMit } from './fixtures.ts';

const serverStand = (request: APIRequestContext) => getJson<PraesentationStand>(request, '/api/praesentation');

/** Every test starts from the first scene. */
async function zumAnfang(lpr: APIRequestContext): Promise<void> {
  const response = await lpr.put('/api/praesentation', { data: { szene: 'karte', stand: null } });
  expect(response.status(), await response.text()).toBe(200);
}

/** The presenter view on a 1920×1080 screen (`BUEHNE`) of a signed-in user or a visitor, live. */
async function buehne<T extends { context: BrowserContext; page: Page }>(screen: T, path = '/praesentation') {
  // A script error on stage (e.g. an effect that keeps triggering itself) fails the test.
  screen.page.on('pageerror', (error) => expect.soft(error.message, `Skriptfehler auf ${path}`).toBe(''));
  await screen.page.goto(path);
  await expect(screen.page.locator('[data-verbindung="live"]')).toBeVisible();
  return screen;
}

const szene = (page: Page) => page.locator('section[data-szene]');

test.describe.configure({ mode: 'serial' });

test('LPR steps through the scenes with the keyboard, chapter by chapter in the growth story; the server agrees', async ({
  als,
}) => {
  const { context, page } = await buehne(await als('lpr', BUEHNE));
  await zumAnfang(context.request);
  await expect(szene(page)).toHaveAttribute('data-szene', 'karte');
  await expect(page.getByRole('heading', { name: SZENEN_TITEL.karte })).toBeVisible();

  await page.keyboard.press('ArrowRight');
  await expect(szene(page)).toHaveAttribute('data-szene', 'wachstum');
  await expect(page.locator('[data-aktuelles-kapitel]')).toHaveText('Start der Allianz in Chemnitz');
  expect(await serverStand(context.request)).toMatchObject({ szene: 'wachstum', stand: '2019-02-06' });

  // A remote clicker: PageDown moves to the next chapter, still in the same scene.
  await page.keyboard.press('PageDown');
  await expect(page.locator('[data-aktuelles-kapitel]')).not.toHaveText('Start der Allianz in Chemnitz');
  const kapitel = await serverStand(context.request);
  expect(kapitel.szene).toBe('wachstum');
  expect(kapitel.stand! > '2019-02-06').toBe(true);

  // On through the chapters (Space as well) until the story has reached today, then the next scene.
  for (let i = 0; i < 20 && (await serverStand(context.request)).szene === 'wachstum'; i++) {
    const vorher = (await serverStand(context.request)).version;
    await page.keyboard.press(' ');
    await expect.poll(async () => (await serverStand(context.request)).version).toBeGreaterThan(vorher);
  }
  await expect(szene(page)).toHaveAttribute('data-szene', 'kpr-foerderung');
  expect(await serverStand(context.request)).toMatchObject({ szene: 'kpr-foerderung', stand: null });

  // Back: into the story at today, then forward twice to the last scene.
  await page.keyboard.press('PageUp');
  await expect(szene(page)).toHaveAttribute('data-szene', 'wachstum');
  expect(await serverStand(context.request)).toMatchObject({ szene: 'wachstum', stand: null });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(szene(page)).toHaveAttribute('data-szene', 'polizeidirektionen');
  expect(await serverStand(context.request)).toMatchObject({ szene: 'polizeidirektionen', stand: null });
  await expect(page.locator('tr[data-pd="dresden"] td').first()).not.toHaveText('–');

  // Escape does nothing to the presentation.
  await page.keyboard.press('Escape');
  expect((await serverStand(context.request)).szene).toBe('polizeidirektionen');
});

test('a kiosk link steps the presentation without an account; a visitor only follows', async ({ besucher, apiAls }) => {
  const lpr = await apiAls('lpr');
  await zumAnfang(lpr);
  const created = await lpr.post('/api/kiosk-links', { data: { name: 'Fachtag, Saal 1' } });
  expect(created.status(), await created.text()).toBe(201);
  const { token } = (await created.json()) as { token: string };

  const kiosk = await buehne(await besucher(BUEHNE), `/praesentation?kiosk=${encodeURIComponent(token)}`);
  const gast = await buehne(await besucher(BUEHNE));
  // The token leaves the visible address (a projected screen must not show it).
  await expect(kiosk.page).toHaveURL(/\/praesentation$/);
  await expect(kiosk.page.getByRole('button', { name: 'Weiter', exact: true })).toBeVisible();
  await kiosk.page.keyboard.press('ArrowRight');
  await expect(szene(kiosk.page)).toHaveAttribute('data-szene', 'wachstum');
  expect(await serverStand(lpr)).toMatchObject({ szene: 'wachstum', stand: '2019-02-06' });
  // The visitor's screen follows, but cannot step.
  await expect(szene(gast.page)).toHaveAttribute('data-szene', 'wachstum');
  await expect(gast.page.locator('[data-nur-mitverfolgen]')).toBeVisible();
  await expect(gast.page.getByRole('button', { name: 'Weiter', exact: true })).toHaveCount(0);
  const version = (await serverStand(lpr)).version;
  const schritte: string[] = [];
  gast.page.on('request', (request) => {
    if (request.method() !== 'GET') schritte.push(`${request.method()} ${request.url()}`);
  });
  await gast.page.keyboard.press('ArrowRight');
  // The page has handled the key (a step would have started its request by now), and sent nothing.
  await gast.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
  expect(schritte).toEqual([]);
  expect((await serverStand(lpr)).version).toBe(version);

  // A reload keeps the kiosk able to step (the token stays in this browser).
  await kiosk.page.reload();
  await expect(kiosk.page.locator('[data-verbindung="live"]')).toBeVisible();
  await kiosk.page.keyboard.press('ArrowLeft');
  await expect(szene(kiosk.page)).toHaveAttribute('data-szene', 'karte');
  expect((await serverStand(lpr)).szene).toBe('karte');
});

test('a unterzeichnung during the talk is celebrated on stage within a second: banner with its number, map, counter', async ({
  besucher,
  apiAls,
  baseURL,
}, testInfo) => {
  const lpr = await apiAls('lpr');
  await zumAnfang(lpr);
  const { page } = await buehne(await besucher(BUEHNE));
  const kommunen = await getJson<KommuneSummary[]>(lpr, '/api/kommunen');
  const gemeinde = kommunen.find((k) => k.ags.length === 8 && k.status === 'kein_kontakt')!;
  const detail = await getJson<KommuneDetail>(lpr, `/api/kommunen/${gemeinde.ags}`);
  const vorher = await getJson<KpiSnapshot>(lpr, '/api/kpi');
  await expect(page.locator('[data-kennzahl="mitglieder"]')).toHaveText(integer.format(vorher.mitglieder));
  await expect(page.locator(`svg path[data-ags="${gemeinde.ags}"]`)).toBeVisible();
  // Banner and mark, as the page shows them and when (by its clock, however busy the machine).
  const feier = await beobachte(page, '[data-feier]');
  const karte = await beobachte(page, `svg path[data-ags="${gemeinde.ags}"]`);

  const response = await lpr.post(`/api/kommunen/${gemeinde.ags}/meilensteine`, {
    data: { kind: 'kooperationsvereinbarung', date: today(), version: detail.version },
  });
  const unterzeichnet = Date.now();
  expect(response.status(), await response.text()).toBe(201);
  const banner = page.locator('[data-feier]');
  const text = `${vorher.mitglieder + 1}. Mitglied: ${gemeinde.name}`;
  await expect(banner).toHaveText(text);
  const gezeigt = (await feier.verlauf()).find(({ zustand }) => zustand?.text === text)!;
  expect(gezeigt.t - unterzeichnet).toBeLessThan(1000);
  await expect(page.locator('[data-kennzahl="mitglieder"]')).toHaveText(integer.format(vorher.mitglieder + 1));
  await expect.poll(async () => zeitenMit(await karte.verlauf(), 'data-markiert').length).toBeGreaterThan(0);
  await expect(page.locator(`svg path[data-ags="${gemeinde.ags}"]`)).toHaveAttribute('data-status', 'mitglied');

  const pfad = testInfo.outputPath('praesentation-1920x1080.png');
  await page.screenshot({ path: pfad });
  await testInfo.attach('Präsentation 1920×1080 mit Feier', { path: pfad, contentType: 'image/png' });
  await expect(page.getByRole('heading', { name: SZENEN_TITEL.karte })).toBeInViewport();
  for (const kennzahl of ['mitglieder', 'beraten', 'kpr']) {
    await expect(page.locator(`[data-kennzahl="${kennzahl}"]`)).toHaveText(/^\d[\d.]*$/);
    await expect(page.locator(`[data-kennzahl="${kennzahl}"]`)).toBeInViewport();
  }
  await expect(page.getByRole('img', { name: /QR-Code/ })).toBeInViewport();
  await expect(page.locator('[data-live-url]')).toHaveText(`${baseURL}/live`);
  // The banner goes again after a while (by the page's clock).
  await expect(banner).toHaveCount(0);
  const weg = (await feier.verlauf()).find(({ t, zustand }) => t > gezeigt.t && zustand === null)!;
  expect(weg.t - gezeigt.t).toBeLessThan(12_000);
});

test('axe finds nothing on the presenter view (map and growth story, reduced motion)', async ({ als }) => {
  const { context, page } = await buehne(await als('lpr', BUEHNE));
  try {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await expect(page.locator('[data-kennzahl="mitglieder"]')).toHaveText(/^\d/);
    await expectAxeClean(page);
    await page.keyboard.press('ArrowRight');
    await expect(szene(page)).toHaveAttribute('data-szene', 'wachstum');
    await expectAxeClean(page);
  } finally {
    await zumAnfang(context.request);
  }
});

test('a network cut keeps the scene with a „Stand hh:mm“ stamp, a reload offline shows it again, and it reconnects', async ({
  besucher,
  apiAls,
}) => {
  const lpr = await apiAls('lpr');
  await lpr.put('/api/praesentation', { data: { szene: 'kpr-foerderung', stand: null } });
  const { context, page } = await buehne(await besucher(BUEHNE));
  try {
    await expect(szene(page)).toHaveAttribute('data-szene', 'kpr-foerderung');
    // The service worker takes over this page; a second load then goes through it (and fills its cache).
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
      }
    });
    // Once connected the screen asks where the talk stands (praesentation.svelte.ts): the network is
    // cut only after that answer, whose time the stamp then shows (cut before it, nothing is known).
    const nachgefragt = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/praesentation' && r.ok());
    await page.reload();
    await expect(page.locator('[data-kennzahl="kpr"]')).toHaveText(/^\d/);
    await expect(page.locator('[data-verbindung="live"]')).toBeVisible();
    await nachgefragt;

    await context.setOffline(true);
    await expect(page.locator('[data-stand-stempel]')).toHaveText(/^Stand \d\d:\d\d Uhr$/, { timeout: 30_000 });
    await expect(szene(page)).toHaveAttribute('data-szene', 'kpr-foerderung');
    await expect(page.locator('[data-kennzahl="kpr"]')).toHaveText(/^\d/);

    await page.reload();
    await expect(szene(page)).toHaveAttribute('data-szene', 'kpr-foerderung');
    await expect(page.locator('[data-stand-stempel]')).toBeVisible();
    await expect(page.locator('[data-kennzahl="kpr"]')).toHaveText(/^\d/);

    // Meanwhile the presenter moved on: back online, the screen follows by itself.
    await lpr.put('/api/praesentation', { data: { szene: 'polizeidirektionen', stand: null } });
    await context.setOffline(false);
    await expect(page.locator('[data-verbindung="live"]')).toBeVisible({ timeout: 30_000 });
    await expect(szene(page)).toHaveAttribute('data-szene', 'polizeidirektionen');
  } finally {
    await zumAnfang(lpr);
  }
});
