import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { STATUS_LABELS, type KommuneDetail, type KommuneSummary, type KpiSnapshot, type Me } from '@asskomm/domain';

const PASSWORD = 'Demo-Passwort-2026';
const LPR = 'lpr@demo.asskomm.invalid';
const MINISTERIUM = 'ministerium@demo.asskomm.invalid';
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const integer = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const day = new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
const deDate = (iso: string) => day.format(new Date(`${iso}T00:00:00Z`));
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());

async function signIn(request: APIRequestContext, email: string): Promise<Me> {
  const response = await request.post('/api/auth/login', { data: { email, password: PASSWORD } });
  expect(response.status(), await response.text()).toBe(200);
  return (await (await request.get('/api/auth/me')).json()) as Me;
}

async function getJson<T>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** Opens a page on `path`, signed in as `email`, whose live connection is up. */
type Viewer = (email: string, path: string) => Promise<Page>;

const test = base.extend<{ viewer: Viewer; lpr: APIRequestContext }>({
  viewer: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (email, path) => {
      const context = await browser.newContext();
      contexts.push(context);
      await signIn(context.request, email);
      const page = await context.newPage();
      await page.goto(path);
      await expect(page.locator('svg path[data-ags]').first()).toBeVisible();
      await expect(page.locator('[data-live="live"]')).toBeVisible();
      // Marks this document: a page that reloaded would have lost it.
      await page.evaluate(() => ((window as unknown as { ohneNeuladen: boolean }).ohneNeuladen = true));
      return page;
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
  /** The LPR team through the API: it makes the changes the viewers should see. */
  lpr: async ({ playwright, baseURL }, use) => {
    const lpr = await playwright.request.newContext({ baseURL });
    await signIn(lpr, LPR);
    await use(lpr);
    await lpr.dispose();
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
  const page = await viewer(MINISTERIUM, '/');
  const lprName = (await getJson<Me>(lpr, '/api/auth/me')).benutzer.name;
  const [kommune] = await ohneKontakt(lpr, 1);
  const vorher = await getJson<KpiSnapshot>(lpr, '/api/kpi');
  await expect(page.locator('[data-kpi="beraten"]')).toHaveText(integer.format(vorher.beraten));
  await page.getByText('Karte als Tabelle').click();
  const zeile = page.locator('[data-table="karte-tabelle"] tbody tr').filter({ hasText: kommune!.name }).first();
  await expect(zeile).toContainText(STATUS_LABELS.kein_kontakt);
  await expect(page.getByRole('heading', { name: 'Letzte Änderungen' })).toBeVisible();

  await erstberatung(lpr, kommune!);

  const pfad = page.locator(`svg path[data-ags="${kommune!.ags}"]`);
  const kachel = page.locator('article').filter({ has: page.locator('[data-kpi="beraten"]') });
  await expect(page.locator('[data-kpi="beraten"]')).toHaveText(integer.format(vorher.beraten + 1));
  await expect(pfad).toHaveAttribute('data-status', 'beraten');
  await expect(zeile).toContainText(STATUS_LABELS.beraten);
  // What changed is marked for a moment, in words as well as in colour.
  await expect(kachel).toHaveAttribute('data-markiert');
  await expect(kachel).toContainText('aktualisiert');
  await expect(pfad).toHaveAttribute('data-markiert');
  await expect(zeile).toHaveAttribute('data-markiert');
  // Tiles whose figures stayed the same are not.
  await expect(page.locator('article').filter({ has: page.locator('[data-kpi="kpr"]') })).not.toHaveAttribute(
    'data-markiert',
  );

  const neueste = page.locator('[data-aktivitaet] li').first();
  await expect(neueste).toContainText(`Meilenstein erfasst: Erstberatung vom ${deDate(today())}`);
  await expect(neueste).toContainText(lprName);
  await expect(neueste.getByRole('link', { name: kommune!.name })).toHaveAttribute('href', `/kommunen/${kommune!.ags}`);
  await expect(page.locator('[data-live-ansage]')).toHaveText(
    `Neue Änderung: Meilenstein erfasst: Erstberatung vom ${deDate(today())} (${kommune!.name})`,
  );

  // The marks go after about two seconds; the figures stay.
  await expect(kachel).not.toHaveAttribute('data-markiert', { timeout: 4000 });
  await expect(pfad).not.toHaveAttribute('data-markiert');
  await expect(zeile).not.toHaveAttribute('data-markiert');
  expect(await notReloaded(page)).toBe(true);

  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test('the highlight has no animation with reduced motion, and is still visible', async ({ viewer, lpr }) => {
  const page = await viewer(MINISTERIUM, '/');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const [kommune] = await ohneKontakt(lpr, 1);
  await erstberatung(lpr, kommune!);
  const kachel = page.locator('article[data-markiert]').filter({ has: page.locator('[data-kpi="beraten"]') });
  await expect(kachel).toBeVisible();
  const stil = await kachel.evaluate((el) => {
    const style = getComputedStyle(el);
    return { animation: style.animationName, outline: style.outlineStyle };
  });
  expect(stil).toEqual({ animation: 'none', outline: 'solid' });
  await expect(kachel).toContainText('aktualisiert');
});

test('a burst of changes reloads the view once, and screen readers hear one summary', async ({ viewer, lpr }) => {
  const page = await viewer(MINISTERIUM, '/');
  const kommunen = await ohneKontakt(lpr, 21);
  const erste = kommunen.shift()!;
  const vorher = await getJson<KpiSnapshot>(lpr, '/api/kpi');
  await erstberatung(lpr, erste);
  await expect(page.locator('[data-kpi="beraten"]')).toHaveText(integer.format(vorher.beraten + 1));
  await expect(page.locator('[data-live-ansage]')).toContainText('Neue Änderung: ');

  const reloads: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/kommunen') reloads.push(request.url());
  });
  // 20 changes in quick succession, while the last announcement is less than 5 s old.
  const start = Date.now();
  await Promise.all(kommunen.map((kommune) => erstberatung(lpr, kommune)));
  await expect(page.locator('[data-kpi="beraten"]')).toHaveText(integer.format(vorher.beraten + 21));
  const ansage = page.locator('[data-live-ansage]');
  expect(await ansage.innerText()).toMatch(/^Neue Änderung: /);
  await expect(ansage).toHaveText(/^20 neue Änderungen, zuletzt: Meilenstein erfasst: Erstberatung vom /, {
    timeout: 8000,
  });
  // Announced no earlier than 5 s after the first.
  expect(Date.now() - start).toBeGreaterThan(3000);
  // Each reload asks for the Kommunen once; the commits came one by one, so a few reloads at most.
  expect(reloads.length).toBeGreaterThanOrEqual(1);
  expect(reloads.length).toBeLessThanOrEqual(5);
});

test('a past view keeps its figures and offers to jump to today', async ({ viewer, lpr }) => {
  const page = await viewer(MINISTERIUM, '/?stand=2023-06-30');
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
  const page = await viewer(MINISTERIUM, '/');
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
  const page = await viewer('pd-leipzig@demo.asskomm.invalid', '/');
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
