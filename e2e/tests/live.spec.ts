import type { APIRequestContext, Page } from '@playwright/test';
import { STATUS_LABELS, type KommuneDetail, type KommuneSummary, type KpiSnapshot, type Me } from '@asskomm/domain';
import {
  beobachte,
  deDate,
  expect,
  expectAxeClean,
  getJson,
  integer,
  test as base,
  today,
  zeitenMit,
  type Konto,
} from './fixtures.ts';

/** Opens a page on `path`, signed in as `konto`, whose live connection is up. */
type Viewer = (konto: Konto, path: string) => Promise<Page>;

const test = base.extend<{ viewer: Viewer; lpr: APIRequestContext }>({
  viewer: async ({ als }, use) => {
    await use(async (konto, path) => {
      const { page } = await als(konto);
      await page.goto(path);
      await expect(page.locator('svg path[data-ags]').first()).toBeVisible();
      await expect(page.locator('[data-live="live"]')).toBeVisible();
      // Marks this document: a page that reloaded would have lost it.
      await page.evaluate(() => ((window as unknown as { ohneNeuladen: boolean }).ohneNeuladen = true));
      return page;
    });
  },
  /** The LPR team through the API: it makes the changes the viewers should see. */
  lpr: async ({ apiAls }, use) => {
    await use(await apiAls('lpr'));
  },
});

const notReloaded = (page: Page) =>
  page.evaluate(() => (window as unknown as { ohneNeuladen?: boolean }).ohneNeuladen === true);

/** Gemeinden without any contact yet, as LPR sees them, each with its current version. */
async function ohneKontakt(lpr: APIRequestContext, count: number): Promise<KommuneDetail[]> {
  const kommunen = await getJson<KommuneSummary[]>(lpr, '/api/kommunen');
  const gesucht = kommunen.filter((k) => k.ags.length === 8 && k.status === 'kein_kontakt').slice(0, count);
  expect(gesucht).toHaveLength(count);
  return Promise.all(gesucht.map((k) => getJson<KommuneDetail>(lpr, `/api/kommunen/${k.ags}`)));
}

async function erstberatung(lpr: APIRequestContext, kommune: KommuneDetail): Promise<void> {
  const response = await lpr.post(`/api/kommunen/${kommune.ags}/meilensteine`, {
    data: { kind: 'erstberatung', date: today(), version: kommune.version },
  });
  expect(response.status(), await response.text()).toBe(201);
}

test('a meilenstein recorded by LPR reaches the ministry overview at once: figures, map, table, feed, announcement', async ({
  viewer,
  lpr,
}) => {
  const page = await viewer('ministerium', '/');
  const lprName = (await getJson<Me>(lpr, '/api/auth/me')).benutzer.name;
  const [kommune] = await ohneKontakt(lpr, 1);
  const vorher = await getJson<KpiSnapshot>(lpr, '/api/kpi');
  await expect(page.locator('[data-kpi="beraten"]')).toHaveText(integer.format(vorher.beraten));
  await page.getByText('Karte als Tabelle').click();
  const zeile = page.locator('[data-table="karte-tabelle"] tbody tr').filter({ hasText: kommune!.name }).first();
  await expect(zeile).toContainText(STATUS_LABELS.kein_kontakt);
  await expect(page.getByRole('heading', { name: 'Letzte Änderungen' })).toBeVisible();
  // The marks last a moment only: the page records them, so that a busy machine cannot miss one.
  const marken = {
    kachel: await beobachte(page, 'article:has([data-kpi="beraten"])'),
    pfad: await beobachte(page, `svg path[data-ags="${kommune!.ags}"]`),
    zeile: await beobachte(page, '[data-table="karte-tabelle"] tbody tr', { hasText: kommune!.name }),
    kprKachel: await beobachte(page, 'article:has([data-kpi="kpr"])'),
  };

  await erstberatung(lpr, kommune!);

  const pfad = page.locator(`svg path[data-ags="${kommune!.ags}"]`);
  const kachel = page.locator('article').filter({ has: page.locator('[data-kpi="beraten"]') });
  await expect(page.locator('[data-kpi="beraten"]')).toHaveText(integer.format(vorher.beraten + 1));
  await expect(pfad).toHaveAttribute('data-status', 'beraten');
  await expect(zeile).toContainText(STATUS_LABELS.beraten);

  const neueste = page.locator('[data-aktivitaet] li').first();
  await expect(neueste).toContainText(`Meilenstein erfasst: Erstberatung vom ${deDate(today())}`);
  await expect(neueste).toContainText(lprName);
  await expect(neueste.getByRole('link', { name: kommune!.name })).toHaveAttribute('href', `/kommunen/${kommune!.ags}`);
  await expect(page.locator('[data-live-ansage]')).toHaveText(
    `Neue Änderung: Meilenstein erfasst: Erstberatung vom ${deDate(today())} (${kommune!.name})`,
  );

  // What changed is marked for a moment, in words as well as in colour; the marks go after about
  // two seconds (by the page's clock), the figures stay.
  await expect(kachel).not.toHaveAttribute('data-markiert');
  await expect(pfad).not.toHaveAttribute('data-markiert');
  await expect(zeile).not.toHaveAttribute('data-markiert');
  for (const [name, marke] of Object.entries({ kachel: marken.kachel, pfad: marken.pfad, zeile: marken.zeile })) {
    const spannen = zeitenMit(await marke.verlauf(), 'data-markiert');
    expect(spannen.length, name).toBeGreaterThanOrEqual(1);
    for (const { von, bis } of spannen) expect(bis! - von, name).toBeLessThan(4000);
  }
  expect(zeitenMit(await marken.kachel.verlauf(), 'data-markiert')[0]!.zustand.text).toContain('aktualisiert');
  await expect(page.locator('[data-kpi="beraten"]')).toHaveText(integer.format(vorher.beraten + 1));
  await expect(pfad).toHaveAttribute('data-status', 'beraten');
  // Tiles whose figures stayed the same are not marked.
  expect(zeitenMit(await marken.kprKachel.verlauf(), 'data-markiert')).toEqual([]);
  expect(await notReloaded(page)).toBe(true);

  await expectAxeClean(page);
});

test('a change arriving while the user follows a link does not keep them on the old page', async ({ als, lpr }) => {
  const { page } = await als('ministerium');
  const [kommune] = await ohneKontakt(lpr, 1);
  let angekommen!: () => void;
  const gepusht = new Promise<void>((resolve) => (angekommen = resolve));
  page.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => {
      if (String(payload).includes('domain:event') && String(payload).includes(kommune!.ags)) angekommen();
    }),
  );
  await page.goto('/');
  await expect(page.locator('[data-live="live"]')).toBeVisible();
  // The next page's data is held back until the change has reached this page.
  await page.route('**/api/kommunen?*', async (route) => {
    await gepusht;
    await route.continue();
  });
  await page.getByRole('navigation', { name: 'Bereiche' }).getByRole('link', { name: 'Kommunen' }).click();
  await erstberatung(lpr, kommune!);
  await gepusht;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kommunen');
  await expect(page).toHaveURL(/\/kommunen$/);
});

test('a change that arrives just before the user follows a link does not keep them on the old page', async ({
  als,
  lpr,
}) => {
  const { page } = await als('ministerium');
  const [kommune] = await ohneKontakt(lpr, 1);
  // The page's clock stands still: the reload a change schedules waits until the test moves it on.
  await page.clock.install();
  let angekommen!: () => void;
  const gepusht = new Promise<void>((resolve) => (angekommen = resolve));
  page.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => {
      if (String(payload).includes('domain:event') && String(payload).includes(kommune!.ags)) angekommen();
    }),
  );
  await page.goto('/');
  await expect(page.locator('[data-live="live"]')).toBeVisible();
  await erstberatung(lpr, kommune!);
  await gepusht;
  let freigeben!: () => void;
  const freigegeben = new Promise<void>((resolve) => (freigeben = resolve));
  await page.route('**/api/kommunen?*', async (route) => {
    await freigegeben;
    await route.continue();
  });
  const unterwegs = page.waitForRequest('**/api/kommunen?*');
  await page.getByRole('navigation', { name: 'Bereiche' }).getByRole('link', { name: 'Kommunen' }).click();
  await unterwegs;
  // The reload comes due while the next page's data is on its way.
  await page.clock.runFor(1000);
  freigeben();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kommunen');
  await expect(page).toHaveURL(/\/kommunen$/);
});

test('the highlight has no animation with reduced motion, and is still visible', async ({ viewer, lpr }) => {
  const page = await viewer('ministerium', '/');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const [kommune] = await ohneKontakt(lpr, 1);
  // The page records the tile as it looks while marked (for two seconds only).
  const kachel = await beobachte(page, 'article:has([data-kpi="beraten"])', {
    stil: ['animation-name', 'outline-style'],
  });
  await erstberatung(lpr, kommune!);
  await expect.poll(async () => zeitenMit(await kachel.verlauf(), 'data-markiert').length).toBeGreaterThan(0);
  const markiert = zeitenMit(await kachel.verlauf(), 'data-markiert')[0]!.zustand;
  expect(markiert.sichtbar).toBe(true);
  expect(markiert.stil).toEqual({ 'animation-name': 'none', 'outline-style': 'solid' });
  expect(markiert.text).toContain('aktualisiert');
});

test('a burst of changes reloads the view once, and screen readers hear one summary', async ({ viewer, lpr }) => {
  const page = await viewer('ministerium', '/');
  const kommunen = await ohneKontakt(lpr, 21);
  const erste = kommunen.shift()!;
  const vorher = await getJson<KpiSnapshot>(lpr, '/api/kpi');
  // What screen readers hear, and when (by the page's clock), and when the figure changed.
  const ansagen = await beobachte(page, '[data-live-ansage]');
  const beraten = await beobachte(page, '[data-kpi="beraten"]');
  await erstberatung(lpr, erste);
  await expect(page.locator('[data-kpi="beraten"]')).toHaveText(integer.format(vorher.beraten + 1));
  await expect(page.locator('[data-live-ansage]')).toContainText('Neue Änderung: ');

  const reloads: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/kommunen') reloads.push(request.url());
  });
  // 20 changes in quick succession, while the last announcement is less than 5 s old.
  await Promise.all(kommunen.map((kommune) => erstberatung(lpr, kommune)));
  await expect(page.locator('[data-kpi="beraten"]')).toHaveText(integer.format(vorher.beraten + 21));
  const ansage = page.locator('[data-live-ansage]');
  await expect(ansage).toHaveText(/^20 neue Änderungen, zuletzt: Meilenstein erfasst: Erstberatung vom /);
  // One summary after the first announcement, nothing in between; it came after the figure showed
  // all 21, and no earlier than 5 s after the first (by the page's clock).
  const gehoert = (await ansagen.verlauf()).filter(({ zustand }) => zustand?.text);
  expect(gehoert.map(({ zustand }) => zustand!.text)).toEqual([
    expect.stringMatching(/^Neue Änderung: /),
    expect.stringMatching(/^20 neue Änderungen, zuletzt: Meilenstein erfasst: Erstberatung vom /),
  ]);
  const [ersteAnsage, summe] = gehoert.map(({ t }) => t) as [number, number];
  const alle21 = (await beraten.verlauf()).find(({ zustand }) => zustand?.text === integer.format(vorher.beraten + 21));
  expect(alle21).toBeDefined();
  expect(alle21!.t).toBeLessThanOrEqual(summe);
  expect(summe - ersteAnsage).toBeGreaterThan(3000);
  // Each reload asks for the Kommunen once; the commits came one by one, so a few reloads at most.
  expect(reloads.length).toBeGreaterThanOrEqual(1);
  expect(reloads.length).toBeLessThanOrEqual(5);
});

test('a past view keeps its figures and offers to jump to today', async ({ viewer, lpr }) => {
  const page = await viewer('ministerium', '/?stand=2023-06-30');
  const [kommune] = await ohneKontakt(lpr, 1);
  const damals = await page.locator('[data-kpi="beraten"]').innerText();
  const pfad = page.locator(`svg path[data-ags="${kommune!.ags}"]`);
  const statusDamals = await pfad.getAttribute('data-status');

  await erstberatung(lpr, kommune!);

  const hinweis = page.locator('[data-neuere-aenderungen]');
  await expect(hinweis).toContainText('Ansicht zum Stand 30.06.2023; neuere Änderungen sind vorhanden.');
  // The feed is a log, not a view of the day: it shows the change anyway.
  await expect(page.locator('[data-aktivitaet] li').first()).toContainText('Meilenstein erfasst: Erstberatung');
  await expect(page.locator('[data-kpi="beraten"]')).toHaveText(damals);
  await expect(pfad).toHaveAttribute('data-status', statusDamals!);
  await expect(page.locator('[data-markiert]')).toHaveCount(0);
  await expect(page.locator('[data-stand]')).toHaveText('30.06.2023');

  await hinweis.getByRole('button', { name: 'Zum heutigen Stand' }).click();
  await expect(page).toHaveURL(/\/$/);
  const jetzt = await getJson<KpiSnapshot>(lpr, '/api/kpi');
  await expect(page.locator('[data-kpi="beraten"]')).toHaveText(integer.format(jetzt.beraten));
  await expect(pfad).toHaveAttribute('data-status', 'beraten');
  await expect(hinweis).toHaveCount(0);
  expect(await notReloaded(page)).toBe(true);
});

test('the playback is not interrupted by a live change; it says so and can jump to today', async ({ viewer, lpr }) => {
  const page = await viewer('ministerium', '/');
  const [kommune] = await ohneKontakt(lpr, 1);
  await page.getByRole('button', { name: 'Abspielen' }).click();
  await expect(page.getByRole('button', { name: 'Anhalten' })).toBeVisible();
  await expect(page.locator('[data-stand]')).not.toHaveAttribute('datetime', today());

  await erstberatung(lpr, kommune!);

  const hinweis = page.locator('[data-neuere-aenderungen]');
  await expect(hinweis).toContainText('Wiedergabe der Entwicklung; neuere Änderungen sind vorhanden.');
  // Still playing: the frames move on in the past.
  await expect(page.getByRole('button', { name: 'Anhalten' })).toBeVisible();
  expect((await page.locator('[data-stand]').getAttribute('datetime'))! < today()).toBe(true);

  await hinweis.getByRole('button', { name: 'Zum heutigen Stand' }).click();
  await expect(page.getByRole('button', { name: 'Abspielen' })).toBeVisible();
  await expect(page.locator('[data-stand]')).toHaveAttribute('datetime', today());
  const jetzt = await getJson<KpiSnapshot>(lpr, '/api/kpi');
  await expect(page.locator('[data-kpi="beraten"]')).toHaveText(integer.format(jetzt.beraten));
  await expect(page.locator(`svg path[data-ags="${kommune!.ags}"]`)).toHaveAttribute('data-status', 'beraten');
  await expect(hinweis).toHaveCount(0);
});

test('a police user hears of changes in their own area only', async ({ viewer, lpr }) => {
  const page = await viewer('leipzig', '/');
  const kommunen = await getJson<KommuneSummary[]>(lpr, '/api/kommunen');
  const frei = (pd: string) =>
    kommunen.find((k) => k.ags.length === 8 && k.status === 'kein_kontakt' && k.polizeidirektion === pd)!;
  const [goerlitz, inLeipzig] = await Promise.all(
    [frei('goerlitz'), frei('leipzig')].map((k) => getJson<KommuneDetail>(lpr, `/api/kommunen/${k.ags}`)),
  );
  await erstberatung(lpr, goerlitz!);
  await erstberatung(lpr, inLeipzig!);

  // One change only: the one in Görlitz never reached this page.
  await expect(page.locator('[data-live-ansage]')).toHaveText(
    `Neue Änderung: Meilenstein erfasst: Erstberatung vom ${deDate(today())} (${inLeipzig!.name})`,
  );
  const feed = page.locator('[data-aktivitaet]');
  await expect(feed.getByRole('link', { name: inLeipzig!.name })).toBeVisible();
  await expect(feed.getByRole('link', { name: goerlitz!.name })).toHaveCount(0);
});

test('visitors see no activity feed, but the overview still follows live changes', async ({ page, lpr }) => {
  await page.goto('/');
  await expect(page.locator('[data-live="live"]')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Letzte Änderungen' })).toHaveCount(0);
  const [kommune] = await ohneKontakt(lpr, 1);
  await erstberatung(lpr, kommune!);
  await expect(page.locator(`svg path[data-ags="${kommune!.ags}"]`)).toHaveAttribute('data-status', 'beraten');
  // Announced to visitors too (the public event has the milestone and the Kommune, not who).
  await expect(page.locator('[data-live-ansage]')).toHaveText(
    `Neue Änderung: Meilenstein erfasst: Erstberatung vom ${deDate(today())} (${kommune!.name})`,
  );
});
