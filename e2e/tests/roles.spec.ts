import { expect, test, DEMO, PASSWORD, expectAxeClean, getJson, parseGermanNumber, submitLogin } from './fixtures.ts';
import type { Page } from '@playwright/test';
import type { AuditEntry, KommuneSummary, KpiSnapshot, Me, PolizeidirektionId } from '@asskomm/domain';

/** Kreise (first five AGS digits) of the two Polizeidirektionen the demo has accounts for. */
const KREISE: Record<'goerlitz' | 'leipzig', string[]> = {
  goerlitz: ['14625', '14626'],
  leipzig: ['14713', '14729', '14730'],
};

/** Signs in through the form and waits for the overview with the map drawn. */
async function loginThroughForm(page: Page, email: string): Promise<void> {
  await submitLogin(page, email);
  await expect(page).toHaveURL('/');
  await openedOverview(page);
}

/** The overview of a signed-in user, with the map drawn. */
async function openedOverview(page: Page): Promise<void> {
  await expect(page.locator('[data-konto="angemeldet"]')).toBeVisible();
  await expect(page.locator('svg path[data-ags]').first()).toBeVisible();
}

async function openOverview(page: Page): Promise<void> {
  await page.goto('/');
  await openedOverview(page);
}

/** What the API gives the page's own session (page.request shares the browser context's cookies). */
const apiAsPage = <T>(page: Page, path: string) => getJson<T>(page.request, path);

async function expectTilesMatchApi(page: Page): Promise<KpiSnapshot> {
  const kpi = await apiAsPage<KpiSnapshot>(page, '/api/kpi');
  for (const key of ['mitglieder', 'beraten', 'kpr'] as const) {
    const text = await page.locator(`[data-kpi="${key}"]`).innerText();
    expect({ key, value: parseGermanNumber(text) }).toEqual({ key, value: kpi[key] });
  }
  return kpi;
}

async function expectWholeLand(page: Page): Promise<void> {
  const gemeinden = (await apiAsPage<KommuneSummary[]>(page, '/api/kommunen')).filter((k) => k.ags.length === 8);
  expect(gemeinden.length).toBeGreaterThanOrEqual(418);
  await expect(page.locator('svg path[data-ags][data-status]')).toHaveCount(gemeinden.length);
  await expect(page.locator('svg path[data-ausserhalb]')).toHaveCount(0);
  await expect(page.locator('[data-bereich]')).toHaveCount(0);
  const kpi = await expectTilesMatchApi(page);
  expect(kpi.polizeidirektion).toBeNull();
}

async function expectOnlyArea(page: Page, pd: 'goerlitz' | 'leipzig', name: string): Promise<void> {
  const other = pd === 'goerlitz' ? 'leipzig' : 'goerlitz';
  const gemeinden = (await apiAsPage<KommuneSummary[]>(page, '/api/kommunen')).filter((k) => k.ags.length === 8);
  expect(gemeinden.length).toBeGreaterThan(0);
  expect(gemeinden.length).toBeLessThan(418);
  expect(gemeinden.every((g) => g.polizeidirektion === pd && KREISE[pd].includes(g.kreis))).toBe(true);

  // Coloured: exactly the area's Gemeinden.
  const coloured = page.locator('svg path[data-ags][data-status]');
  await expect(coloured).toHaveCount(gemeinden.length);
  const colouredAgs = await coloured.evaluateAll((els) => els.map((el) => el.getAttribute('data-ags') ?? ''));
  expect(colouredAgs.every((ags) => KREISE[pd].includes(ags.slice(0, 5)))).toBe(true);

  // Every Gemeinde of the other area: grey, no status, not focusable, hidden from assistive technology.
  const foreign = page.locator(KREISE[other].map((kreis) => `svg path[data-ags^="${kreis}"]`).join(', '));
  expect(await foreign.count()).toBeGreaterThan(0);
  const states = await foreign.evaluateAll((els) =>
    els.map((el) => ({
      ausserhalb: el.hasAttribute('data-ausserhalb'),
      status: el.getAttribute('data-status'),
      tabindex: el.getAttribute('tabindex'),
      hidden: el.closest('[aria-hidden="true"]') !== null,
      fill: getComputedStyle(el).fill,
    })),
  );
  for (const state of states) {
    expect(state).toMatchObject({ ausserhalb: true, status: null, tabindex: null, hidden: true });
  }
  // One neutral fill for all of them, different from every status colour on the map.
  expect(new Set(states.map((s) => s.fill)).size).toBe(1);
  const statusFills = await coloured.evaluateAll((els) => [...new Set(els.map((el) => getComputedStyle(el).fill))]);
  expect(statusFills).not.toContain(states[0]!.fill);

  // The map's single tab stop is inside the area.
  const tabStop = page.locator('svg path[tabindex="0"]');
  await expect(tabStop).toHaveCount(1);
  expect(KREISE[pd]).toContain((await tabStop.getAttribute('data-ags'))!.slice(0, 5));

  // Heading and caption name the area; the legend counts only its Gemeinden; tiles are its KPIs.
  await expect(page.locator(`[data-bereich="${pd}"]`)).toContainText(name);
  await expect(page.locator('#karte-titel')).toContainText(name);
  const legend = await page
    .locator('[data-legend-count]')
    .evaluateAll((els) => els.map((el) => (el as HTMLElement).innerText));
  expect(legend.map(parseGermanNumber).reduce((a, b) => a + b, 0)).toBe(gemeinden.length);
  const kpi = await expectTilesMatchApi(page);
  expect(kpi.polizeidirektion).toBe(pd);
}

for (const role of ['lpr', 'ministerium'] as const) {
  test(`${role} sees every Gemeinde of Saxony`, async ({ als }) => {
    const { page } = await als(role);
    await openOverview(page);
    await expect(page.locator('[data-me-role]')).toHaveAttribute('data-me-role', role);
    await expectWholeLand(page);
    // No administration for them: no links, and the pages answer 404.
    await expect(page.getByRole('link', { name: 'Benutzer' })).toHaveCount(0);
    await expect(page.locator('#ansicht-auswahl')).toHaveCount(0);
    const response = await page.goto('/verwaltung/benutzer');
    expect(response?.status()).toBe(404);
    await expect(page.getByText('Seite nicht gefunden').first()).toBeVisible();
  });
}

const AREAS: { pd: 'goerlitz' | 'leipzig'; name: string }[] = [
  { pd: 'goerlitz', name: 'Polizeidirektion Görlitz' },
  { pd: 'leipzig', name: 'Polizeidirektion Leipzig' },
];

for (const { pd, name } of AREAS) {
  test(`pd-${pd} sees only the Gemeinden and figures of its area`, async ({ als }) => {
    const { page } = await als(pd);
    await openOverview(page);
    await expect(page.locator('[data-me-role]')).toContainText(name);
    await expectOnlyArea(page, pd, name);
    // Still so after a reload: the server-rendered page uses the session cookie too.
    await page.reload();
    await expect(page.locator('[data-konto="angemeldet"]')).toBeVisible();
    await expect(page.locator(`[data-bereich="${pd}"]`)).toBeVisible();
    await expectOnlyArea(page, pd, name);
  });
}

test('a wrong password shows the German error and signs nobody in', async ({ page }) => {
  await submitLogin(page, DEMO.lpr, 'Falsches-Passwort-123');
  await expect(page.getByRole('alert').filter({ hasText: 'E-Mail-Adresse oder Passwort ist falsch.' })).toBeVisible();
  await expect(page).toHaveURL('/anmelden');
  expect((await page.request.get('/api/auth/me')).status()).toBe(401);
});

test('logout returns to the public view', async ({ page }) => {
  // Signs in through the form here: the test ends its session.
  await loginThroughForm(page, DEMO.goerlitz);
  await expect(page.locator('[data-bereich="goerlitz"]')).toBeVisible();
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page.locator('[data-konto="oeffentlich"]')).toBeVisible();
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('link', { name: 'Anmelden' })).toBeVisible();
  expect((await page.request.get('/api/auth/me')).status()).toBe(401);
  await expect(page.locator('[data-bereich]')).toHaveCount(0);
  const kommunen = await apiAsPage<KommuneSummary[]>(page, '/api/kommunen');
  await expect(page.locator('svg path[data-ags][data-status]')).toHaveCount(
    kommunen.filter((k) => k.ags.length === 8).length,
  );
  await expectTilesMatchApi(page);
});

test('admin sees the demo users and their logins in the Protokoll', async ({ page, request }) => {
  // The other demo users sign in (through the API, as any client may).
  const others = [DEMO.lpr, DEMO.ministerium, DEMO.goerlitz, DEMO.leipzig];
  for (const email of others) {
    const response = await request.post('/api/auth/login', { data: { email, password: PASSWORD } });
    expect(response.status(), email).toBe(200);
  }
  // Through the form, as the admin's own login is one of those the Protokoll is to show.
  await loginThroughForm(page, DEMO.admin);
  await page.getByRole('link', { name: 'Benutzer' }).click();
  await expect(page).toHaveURL('/verwaltung/benutzer');
  await expect(page).toHaveTitle(/Benutzer/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Benutzerverwaltung');
  for (const email of Object.values(DEMO)) {
    await expect(page.locator(`tr[data-user="${email}"]`)).toBeVisible();
  }
  await expect(page.locator(`tr[data-user="${DEMO.goerlitz}"] [data-col="polizeidirektion"]`)).toHaveText('Görlitz');
  await expect(page.locator(`tr[data-user="${DEMO.lpr}"] [data-col="last-login"] time`)).toBeVisible();

  // Deactivating oneself is refused by the server; the page shows its message.
  await page.locator(`tr[data-user="${DEMO.admin}"] [data-toggle-active]`).click();
  await expect(page.locator('[data-aktion-fehler]')).toContainText('nicht selbst deaktivieren');
  await expect(page.locator(`tr[data-user="${DEMO.admin}"] [data-col="active"]`)).toHaveText('aktiv');

  await page.getByRole('link', { name: 'Protokoll' }).click();
  await expect(page).toHaveURL('/verwaltung/protokoll');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Protokoll');
  const entries = await apiAsPage<AuditEntry[]>(page, '/api/audit?limit=200');
  const logins = page.locator('tr[data-audit="login"]');
  for (const email of [...others, DEMO.admin]) {
    expect(entries.some((e) => e.action === 'login' && e.details.email === email)).toBe(true);
    await expect(logins.filter({ hasText: email }).first()).toBeVisible();
  }
  await expect(logins.first().locator('time')).toHaveText(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2} Uhr$/);
  await expect(page.locator('tr[data-audit]').first()).not.toContainText('{');
});

test('admin views the dashboard as Polizeidirektion Leipzig, read-only, and back', async ({ eigeneSitzung }) => {
  // A session of its own: „Ansicht als“ changes the session.
  const { page } = await eigeneSitzung('admin');
  await openOverview(page);
  await page.getByLabel('Ansicht als').selectOption('polizei:leipzig');
  await page.getByRole('button', { name: 'Anzeigen' }).click();
  const banner = page.locator('[data-ansicht-banner]');
  await expect(banner).toContainText('Sie sehen das Dashboard als Polizeidirektion Leipzig – nur lesen');
  const me = await apiAsPage<Me>(page, '/api/auth/me');
  expect(me.ansicht).toEqual({ role: 'polizei', polizeidirektion: 'leipzig' satisfies PolizeidirektionId });
  await expectOnlyArea(page, 'leipzig', 'Polizeidirektion Leipzig');
  await expect(page.getByRole('link', { name: 'Benutzer' })).toHaveCount(0);

  await banner.getByRole('button', { name: 'Ansicht beenden' }).click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Benutzer' })).toBeVisible();
  await expectWholeLand(page);
});

test('an admin page sends visitors to the login and back there afterwards', async ({ page }) => {
  await page.goto('/verwaltung/protokoll');
  await expect(page).toHaveURL('/anmelden?ziel=%2Fverwaltung%2Fprotokoll');
  await page.getByLabel('E-Mail-Adresse').fill(DEMO.admin);
  await page.getByLabel('Passwort').fill(PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page).toHaveURL('/verwaltung/protokoll');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Protokoll');
});

test('the login page has no WCAG 2.1 AA violations', async ({ page }) => {
  await page.goto('/anmelden');
  await expect(page).toHaveTitle(/Anmelden/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await page.getByRole('button', { name: 'Anmelden' }).click(); // empty form: field errors shown
  await expect(page.getByRole('alert').filter({ hasText: 'Bitte' })).toBeVisible();
  await expectAxeClean(page);
});

test('the admin pages have no WCAG 2.1 AA violations', async ({ als }) => {
  const { page } = await als('admin');
  for (const path of ['/verwaltung/benutzer', '/verwaltung/protokoll']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.locator('tbody tr').first()).toBeVisible();
    await expectAxeClean(page, `${path} `);
  }
  // With the edit dialog open, too.
  await page.goto('/verwaltung/benutzer');
  await page.getByRole('button', { name: `Bearbeiten für Demo PD Leipzig` }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.getByRole('dialog').getByLabel('Rolle').selectOption('ministerium');
  await expect(page.getByRole('dialog').getByLabel('Polizeidirektion')).toHaveCount(0);
  await expectAxeClean(page, 'dialog ');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('login and admin pages fit a phone screen without sideways scrolling', async ({ page, als }) => {
  const phone = { width: 390, height: 844 };
  await page.setViewportSize(phone);
  await page.goto('/anmelden');
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  ({ page } = await als('admin', { viewport: phone }));
  for (const path of ['/', '/verwaltung/benutzer', '/verwaltung/protokoll']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect({ path, overflow }).toEqual({ path, overflow: 0 });
  }
});

test('the user table shows every action of every account on a 1280 px projector, without scrolling', async ({
  als,
}) => {
  const { page } = await als('admin', { viewport: { width: 1280, height: 720 } });
  await page.goto('/verwaltung/benutzer');
  const region = page.locator('.tabelle-scroll').filter({ has: page.locator('[data-table="benutzer"]') });
  await expect(region.getByRole('button', { name: /^Deaktivieren/ }).first()).toBeVisible();
  expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
});

test('the pages an LPR colleague edits on fit a phone screen, forms included', async ({ als }) => {
  const { page } = await als('lpr', { viewport: { width: 390, height: 844 } });
  for (const path of ['/kommunen/14626110', '/foerderung']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('form:visible').first()).toBeVisible();
    // The forms folded away (a new contact, a next step) must fit as well once opened.
    await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect({ path, overflow }).toEqual({ path, overflow: 0 });
  }
});

test('the overview of a polizei user has no WCAG 2.1 AA violations', async ({ als }) => {
  const { page } = await als('goerlitz');
  await openOverview(page);
  await expectAxeClean(page);
});
