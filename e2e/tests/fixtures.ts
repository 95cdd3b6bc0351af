import AxeBuilder from '@axe-core/playwright';
import {
  test as base,
  expect,
  type APIRequestContext,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from '@playwright/test';
import type { Me } from '@asskomm/domain';

export { expect };

/** The demo accounts of the README (demo mode, which the e2e server runs in). */
export const PASSWORD = 'Demo-Passwort-2026';
export const DEMO = {
  admin: 'admin@demo.asskomm.invalid',
  lpr: 'lpr@demo.asskomm.invalid',
  ministerium: 'ministerium@demo.asskomm.invalid',
  goerlitz: 'pd-goerlitz@demo.asskomm.invalid',
  leipzig: 'pd-leipzig@demo.asskomm.invalid',
} as const;
export type Konto = keyof typeof DEMO;

export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** A phone of the audience. */
export const HANDY: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
/** A projected stage. */
export const BUEHNE: BrowserContextOptions = { viewport: { width: 1920, height: 1080 } };

export const integer = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const day = new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
/** „2025-06-30“ → „30.06.2025“ */
export const deDate = (iso: string) => day.format(new Date(`${iso}T00:00:00Z`));
/** Today in Saxony, as an ISO date. */
export const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());

/** „1.234,5 €“ → 1234.5 */
export function parseGermanNumber(text: string): number {
  return Number(
    text
      .replace(/\./g, '')
      .replace(',', '.')
      .replace(/[^\d.-]/g, ''),
  );
}

export async function getJson<T>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

export async function expectAxeClean(page: Page, label = ''): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(results.violations.map((v) => `${label}${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/** Fills and sends the login form (for the tests about the login itself; the others reuse a session). */
export async function submitLogin(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/anmelden');
  await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}

/**
 * The server closes a keep-alive connection after 5 s without requests; one that the test sends on
 * it just then fails with ECONNRESET (often on a busy machine). A browser sends such a request
 * again; so does each API client here (Playwright's `maxRetries` retries ECONNRESET only).
 */
export function wiederholt<T extends APIRequestContext>(request: T): T {
  const fetch = request.fetch.bind(request);
  request.fetch = (urlOrRequest, options = {}) => fetch(urlOrRequest, { maxRetries: 3, ...options });
  return request;
}

async function apiLogin(request: APIRequestContext, email: string): Promise<void> {
  const response = await request.post('/api/auth/login', { data: { email, password: PASSWORD } });
  expect(response.status(), await response.text()).toBe(200);
}

type StorageState = Awaited<ReturnType<APIRequestContext['storageState']>>;

/** A browser of its own (own cookies, own socket) and the user it is signed in as. */
export interface Sitzung {
  context: BrowserContext;
  page: Page;
  me: Me;
}

interface WorkerFixtures {
  /**
   * One session per demo account and worker, signed in through the API on first use. Tests share
   * it through its cookie (Playwright's storage state), so they need not sign in again. Checked
   * before each use (a session unused for the idle timeout has ended) and renewed then. Only the
   * state is kept: API clients are made per use, as one idle for long would meet the server's
   * keep-alive closing its connection (ECONNRESET).
   */
  anmeldungen: { state(konto: Konto): Promise<StorageState> };
}

interface TestFixtures {
  /**
   * A fresh browser context with a page, signed in as `konto` through its shared session. Closed
   * after the test. A test that logs out, signs in again or changes its session (an admin's
   * „Ansicht als“) must not use it: it takes `eigeneSitzung`.
   */
  als(konto: Konto, options?: BrowserContextOptions): Promise<Sitzung>;
  /** Like `als`, but with a session of its own, from the login form, that the test may end or change. */
  eigeneSitzung(konto: Konto, options?: BrowserContextOptions): Promise<Sitzung>;
  /** A fresh browser context with a page, without login. Closed after the test. */
  besucher(options?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }>;
  /** An API client in the shared session of `konto` (the changes a test's viewers should see). Disposed after the test. */
  apiAls(konto: Konto): Promise<APIRequestContext>;
  /** Browser contexts that are closed after the test, however it ended. */
  neuerKontext(options: BrowserContextOptions): Promise<BrowserContext>;
}

/** Closes all, even if one fails, without hiding the test's own error behind a second one. */
async function closeAll(items: { close?: () => Promise<void>; dispose?: () => Promise<void> }[]): Promise<void> {
  const results = await Promise.allSettled(items.map((item) => (item.close ?? item.dispose)!.call(item)));
  for (const result of results) {
    if (result.status === 'rejected') console.warn(`Aufräumen fehlgeschlagen: ${String(result.reason)}`);
  }
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  // Playwright's own API clients (`request`, and `page.request` of the default page) retry too.
  context: async ({ context }, use) => {
    wiederholt(context.request);
    await use(context);
  },
  request: async ({ request }, use) => {
    await use(wiederholt(request));
  },

  anmeldungen: [
    async ({ playwright }, use, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL;
      const states = new Map<Konto, StorageState>();
      /** Runs `fn` with an API client in `storageState` (a fresh one without). */
      async function mit<T>(storageState: StorageState | undefined, fn: (c: APIRequestContext) => Promise<T>) {
        const client = wiederholt(await playwright.request.newContext({ baseURL, storageState }));
        try {
          return await fn(client);
        } finally {
          await client.dispose();
        }
      }
      async function state(konto: Konto): Promise<StorageState> {
        const known = states.get(konto);
        if (known && (await mit(known, async (c) => (await c.get('/api/auth/me')).status())) === 200) return known;
        const fresh = await mit(undefined, async (client) => {
          await apiLogin(client, DEMO[konto]);
          return client.storageState();
        });
        states.set(konto, fresh);
        return fresh;
      }
      await use({ state });
    },
    { scope: 'worker' },
  ],

  neuerKontext: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (options) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      wiederholt(context.request);
      return context;
    });
    await closeAll(contexts);
  },

  als: async ({ neuerKontext, anmeldungen }, use) => {
    await use(async (konto, options = {}) => {
      const context = await neuerKontext({ ...options, storageState: await anmeldungen.state(konto) });
      const me = await getJson<Me>(context.request, '/api/auth/me');
      return { context, page: await context.newPage(), me };
    });
  },

  eigeneSitzung: async ({ neuerKontext }, use) => {
    await use(async (konto, options = {}) => {
      const context = await neuerKontext(options);
      const page = await context.newPage();
      await submitLogin(page, DEMO[konto]);
      await expect(page.locator('[data-konto="angemeldet"]')).toBeVisible();
      return { context, page, me: await getJson<Me>(page.request, '/api/auth/me') };
    });
  },

  besucher: async ({ neuerKontext }, use) => {
    await use(async (options = {}) => {
      const context = await neuerKontext(options);
      return { context, page: await context.newPage() };
    });
  },

  apiAls: async ({ playwright, baseURL, anmeldungen }, use) => {
    const clients: APIRequestContext[] = [];
    await use(async (konto) => {
      const client = wiederholt(
        await playwright.request.newContext({ baseURL, storageState: await anmeldungen.state(konto) }),
      );
      clients.push(client);
      return client;
    });
    await closeAll(clients);
  },
});

/** What `beobachte` saw of an element at one moment (null: no such element). */
export interface Zustand {
  text: string;
  attribute: Record<string, string>;
  sichtbar: boolean;
  /** The computed style properties asked for. */
  stil: Record<string, string>;
}

/**
 * Records, by the page's own clock, every change of the first element matching `selector` (and
 * containing `hasText`): its text, attributes, visibility and the computed `stil` properties. A
 * test can so check what the page showed for a moment, and a time limit of the page itself, however
 * long its own steps take on a busy machine. Start it before the change to be watched.
 */
export async function beobachte(
  page: Page,
  selector: string,
  { hasText = '', stil = [] }: { hasText?: string; stil?: string[] } = {},
): Promise<{ verlauf(): Promise<{ t: number; zustand: Zustand | null }[]> }> {
  const id = await page.evaluate(
    ({ selector, hasText, stil }) => {
      type Verlauf = { t: number; zustand: unknown; json: string }[];
      const w = window as unknown as { __beobachtet?: Verlauf[] };
      const alle = (w.__beobachtet ??= []);
      const verlauf: Verlauf = [];
      const lies = () => {
        const el = [...document.querySelectorAll(selector)].find((e) => (e.textContent ?? '').includes(hasText));
        if (!el) return null;
        const style = getComputedStyle(el);
        return {
          text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
          attribute: Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])),
          sichtbar: el.checkVisibility(),
          stil: Object.fromEntries(stil.map((name) => [name, style.getPropertyValue(name)])),
        };
      };
      const merke = () => {
        const zustand = lies();
        const json = JSON.stringify(zustand);
        if (json !== verlauf.at(-1)?.json) verlauf.push({ t: Date.now(), zustand, json });
      };
      merke();
      new MutationObserver(merke).observe(document, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
      return alle.push(verlauf) - 1;
    },
    { selector, hasText, stil },
  );
  return {
    verlauf: () =>
      page.evaluate(
        (id) =>
          (window as unknown as { __beobachtet: { t: number; zustand: Zustand | null }[][] }).__beobachtet[id]!.map(
            ({ t, zustand }) => ({ t, zustand }),
          ),
        id,
      ),
  };
}

/** The spans of time (page clock) in which the watched element had `attribute`; `bis` undefined: still has it. */
export function zeitenMit(
  verlauf: { t: number; zustand: Zustand | null }[],
  attribute: string,
): { von: number; bis: number | undefined; zustand: Zustand }[] {
  const spannen: { von: number; bis: number | undefined; zustand: Zustand }[] = [];
  for (const { t, zustand } of verlauf) {
    const hat = zustand !== null && attribute in zustand.attribute;
    const offen = spannen.at(-1)?.bis === undefined ? spannen.at(-1) : undefined;
    if (hat && !offen) spannen.push({ von: t, bis: undefined, zustand: zustand! });
    else if (!hat && offen) offen.bis = t;
  }
  return spannen;
}
