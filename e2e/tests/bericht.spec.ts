import type { APIRequestContext, APIResponse } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createHash } from 'node:crypto';
import type {
  BerichtPruefung,
  FoerderungUebersicht,
  KommuneDetail,
  KommuneSummary,
  KpiSnapshot,
} from '@asskomm/domain';
import { deDate, expect, expectAxeClean, getJson, integer, test } from './fixtures';

// The Lagebericht as a PDF read back by a PDF parser (pdf.js), compared with the API's figures.

/** A day in the past, so the suite's own changes of today cannot move the figures between requests. */
const STAND = '2025-12-31';
const SEIT = '2025-06-30';

interface GelesenesPdf {
  /** All text, whitespace collapsed, soft hyphens removed. */
  text: string;
  seiten: number;
  /** Roles of the structure tree (tagged PDF): H1, H2, Table, TH, … */
  rollen: Set<string>;
  markiert: boolean;
  bytes: Buffer;
}

async function liesPdf(response: APIResponse): Promise<GelesenesPdf> {
  expect(response.status(), await response.text().catch(() => '')).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  const bytes = await response.body();
  const doc = await getDocument({ data: new Uint8Array(bytes) }).promise;
  const teile: string[] = [];
  const rollen = new Set<string>();
  const sammle = (node: { role?: string; children?: unknown[] } | null) => {
    if (!node) return;
    if (node.role) rollen.add(node.role);
    for (const kind of node.children ?? []) sammle(kind as { role?: string; children?: unknown[] });
  };
  for (let nummer = 1; nummer <= doc.numPages; nummer++) {
    const seite = await doc.getPage(nummer);
    const inhalt = await seite.getTextContent();
    for (const item of inhalt.items) if ('str' in item) teile.push(item.str);
    sammle(await seite.getStructTree());
  }
  const markInfo = (await doc.getMarkInfo()) as { Marked?: boolean } | null;
  const text = teile
    .join(' ')
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ');
  return { text, seiten: doc.numPages, rollen, markiert: markInfo?.Marked === true, bytes };
}

/** The KPI tiles' figures as the PDF's text has them (label, then its number). */
function kennzahlen(text: string): { mitglieder: number; beraten: number; kpr: number } {
  const zahl = (muster: RegExp) => Number(muster.exec(text)?.[1]?.replace(/\./g, '') ?? Number.NaN);
  return {
    mitglieder: zahl(/Mitglieder ([\d.]+) /),
    beraten: zahl(/Beratene Kommunen ([\d.]+) /),
    kpr: zahl(/Kommunale Präventions ?räte ([\d.]+) /),
  };
}

const woerter = (name: string) =>
  new RegExp(`(^|[^\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u');

async function bericht(request: APIRequestContext, query: string): Promise<GelesenesPdf> {
  return liesPdf(await request.get(`/api/bericht?${query}`, { timeout: 60_000 }));
}

test('the public Lagebericht of Saxony: a tagged German PDF whose figures equal /api/kpi', async ({ request }) => {
  const response = await request.get(`/api/bericht?stand=${STAND}&seit=${SEIT}`, { timeout: 60_000 });
  expect(response.headers()['content-disposition']).toBe(`attachment; filename="Lagebericht_Sachsen_${STAND}.pdf"`);
  const pdf = await liesPdf(response);
  const kpi = await getJson<KpiSnapshot>(request, `/api/kpi?stand=${STAND}`);

  expect(pdf.text).toContain(`Stand ${deDate(STAND)}`);
  expect(pdf.text).toContain(`Vergleich mit ${deDate(SEIT)}`);
  expect(kennzahlen(pdf.text)).toEqual({ mitglieder: kpi.mitglieder, beraten: kpi.beraten, kpr: kpi.kpr });
  // Searchable, structured and in German: headings and tables are tagged, the language is `de`.
  expect(pdf.markiert).toBe(true);
  for (const rolle of ['H1', 'H2', 'Table', 'TH', 'TD']) expect(pdf.rollen, rolle).toContain(rolle);
  expect(pdf.bytes.toString('latin1')).toContain('/Lang (de)');
  expect(pdf.text).toContain('Kartengrundlage: © GeoBasis-DE / BKG');
  expect(pdf.text).toContain('Demodaten');
  // One row per Polizeidirektion, and the changes since the comparison day.
  for (const pd of ['Chemnitz', 'Dresden', 'Görlitz', 'Leipzig', 'Zwickau'])
    expect(pdf.text).toContain(`Polizeidirektion ${pd}`);
  expect(pdf.text).toMatch(new RegExp(`Veränderungen vom ${deDate(SEIT)} bis ${deDate(STAND)}`));
  expect(pdf.text).toMatch(/Neue Mitglieder \(\d+\)/);
});

test('a Polizeidirektion’s Lagebericht lists its Kreise and Kommunen and names nothing outside its area', async ({
  als,
  besucher,
}) => {
  const { page } = await als('goerlitz');
  const pdf = await bericht(page.request, `stand=${STAND}`);
  const eigene = await getJson<KommuneSummary[]>(page.request, `/api/kommunen?stand=${STAND}`);
  const kpi = await getJson<KpiSnapshot>(page.request, `/api/kpi?stand=${STAND}`);
  const { page: oeffentlich } = await besucher();
  const alle = await getJson<KommuneSummary[]>(oeffentlich.request, `/api/kommunen?stand=${STAND}`);

  expect(pdf.text).toContain('Lagebericht Polizeidirektion Görlitz');
  expect(kennzahlen(pdf.text)).toEqual({ mitglieder: kpi.mitglieder, beraten: kpi.beraten, kpr: kpi.kpr });
  expect(pdf.text).toContain('Landkreis Bautzen');
  expect(pdf.text).toContain('Landkreis Görlitz');
  for (const kommune of eigene) expect(pdf.text, kommune.name).toContain(kommune.name);

  // Not one Kommune, Kreis or Polizeidirektion of the other four areas (a name that also exists in
  // the area, or is part of a name there, proves nothing and is left out).
  const innen = eigene.map((k) => k.name);
  const aussen = alle
    .filter((k) => k.polizeidirektion !== 'goerlitz')
    .map((k) => k.name)
    .filter((name) => !innen.some((eigener) => woerter(name).test(eigener)));
  const kreiseAussen = ['Leipzig', 'Dresden', 'Chemnitz', 'Zwickau', 'Meißen', 'Vogtland', 'Erzgebirge', 'Nordsachsen'];
  const gefunden = [...new Set([...aussen, ...kreiseAussen])].filter((name) => woerter(name).test(pdf.text));
  expect(gefunden).toEqual([]);
  expect(alle.length).toBeGreaterThan(eigene.length);
});

test('the public report of an area shows no figure the small-count rule hides; outside a user’s scope is 404', async ({
  request,
  als,
}) => {
  const lpr = (await als('lpr')).page.request;
  const intern = await getJson<FoerderungUebersicht>(lpr, `/api/foerderung?stand=${STAND}&pd=goerlitz`);
  const betraege = intern.jahre
    .flatMap((jahr) => ('bewilligtCent' in jahr ? [jahr.bewilligtCent, jahr.ausgezahltCent] : []))
    .filter((cent): cent is number => cent !== null && cent > 0)
    .map((cent) => `${integer.format(Math.round(cent / 100))} €`);
  expect(betraege.length, 'the LPR sees amounts of PD Görlitz').toBeGreaterThan(0);

  const oeffentlich = await bericht(request, `stand=${STAND}&pd=goerlitz`);
  expect(oeffentlich.text).toContain('Lagebericht Polizeidirektion Görlitz');
  expect(oeffentlich.text).toContain('Öffentliche Ansicht');
  expect(betraege.filter((betrag) => oeffentlich.text.includes(betrag))).toEqual([]);
  // The LPR's own report of the same area has them: the public one left them out, not the data.
  const eigener = await bericht(lpr, `stand=${STAND}&pd=goerlitz`);
  expect(betraege.filter((betrag) => eigener.text.includes(betrag))).toEqual(betraege);
  // The renderer's pages are reused: the next public report, printed after the LPR's, is public still.
  const danach = await bericht(request, `stand=${STAND}&pd=goerlitz&seit=2025-01-31`);
  expect(danach.text).toContain('Öffentliche Ansicht');
  expect(betraege.filter((betrag) => danach.text.includes(betrag))).toEqual([]);

  const goerlitz = (await als('goerlitz')).page.request;
  expect((await goerlitz.get(`/api/bericht?stand=${STAND}&pd=leipzig`)).status()).toBe(404);
  expect((await goerlitz.get(`/api/bericht?stand=${STAND}&kreis=14713`)).status()).toBe(404);
  const falsch = await request.get(`/api/bericht?stand=${STAND}&seit=${STAND}`);
  expect(falsch.status()).toBe(400);
  expect(((await falsch.json()) as { error: string }).error).toContain('vor dem Stand');
});

test('the PDF button says what it does and downloads the report of the view shown', async ({ als }) => {
  const { page } = await als('ministerium');
  await page.goto(`/?stand=${STAND}&pd=leipzig`);
  const knopf = page.locator('[data-pdf-knopf]');
  await expect(knopf).toHaveText('Lagebericht als PDF');
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await knopf.click();
  await expect(knopf).toHaveText('PDF wird erstellt …');
  await expect(page.locator('[data-pdf-meldung]')).toContainText('Druckansicht');
  expect((await download).suggestedFilename()).toBe(`Lagebericht_PD-Leipzig_${STAND}.pdf`);
  await expect(knopf).toHaveText('Lagebericht als PDF');
  // The print view of the same view is one link away.
  await page.locator('[data-druckansicht]').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lagebericht Polizeidirektion Leipzig');
  await expect(page.locator('[data-bericht-stand]')).toHaveText(deDate(STAND));
  await expect(page.locator('[data-karte-bereit]')).toBeVisible();
  await expectAxeClean(page, '/bericht: ');
});

test('a PDF handed on stays checkable: its record, its SHA-256, and the corrections since', async ({
  apiAls,
  als,
}, testInfo) => {
  const lpr = await apiAls('lpr');
  const stand = '2025-11-30';
  const response = await lpr.get(`/api/bericht?stand=${stand}&pd=goerlitz`, { timeout: 60_000 });
  const pdf = await liesPdf(response);
  const nummer = /Prüfnummer ([a-z0-9]{10}) – prüfbar unter (\S+)/.exec(pdf.text);
  expect(nummer, 'the cover names its Prüfnummer and address').not.toBeNull();
  const [, id, adresse] = nummer!;
  expect(new URL(adresse!).pathname).toBe(`/bericht/pruefen/${id}`);

  const eintrag = await getJson<BerichtPruefung>(lpr, `/api/berichte/${id}`);
  expect(eintrag).toMatchObject({ id, polizeidirektion: 'goerlitz', stand, oeffentlich: false, korrekturen: [] });
  expect(eintrag.sha256).toBe(createHash('sha256').update(pdf.bytes).digest('hex'));

  // A back-dated milestone of a Kommune in the report's area corrects what the report said.
  const kommunen = await getJson<KommuneSummary[]>(lpr, '/api/kommunen');
  const ziel = kommunen.find(
    (k) => k.polizeidirektion === 'goerlitz' && k.ags.length === 8 && k.status === 'kein_kontakt',
  )!;
  const detail = await getJson<KommuneDetail>(lpr, `/api/kommunen/${ziel.ags}`);
  const erfasst = await lpr.post(`/api/kommunen/${ziel.ags}/meilensteine`, {
    data: { kind: 'erstberatung', date: '2025-06-02', version: detail.version },
  });
  expect(erfasst.status(), await erfasst.text()).toBe(201);
  const danach = await getJson<BerichtPruefung>(lpr, `/api/berichte/${id}`);
  expect(danach.korrekturen.map((e) => [e.type, e.ags])).toEqual([['meilenstein:recorded', ziel.ags]]);

  const { page } = await als('lpr');
  await page.goto(`/bericht/pruefen/${id}`);
  await expect(page.getByRole('heading', { level: 2, name: '1 nachträgliche Korrektur' })).toBeVisible();
  await expect(page.locator(`[data-korrektur]`)).toContainText(`Erstberatung vom 02.06.2025 – ${ziel.name}`);
  await expect(page.locator('[data-sha256]')).toHaveText(eintrag.sha256);
  await expectAxeClean(page, '/bericht/pruefen: ');
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await testInfo.attach('pruefen-390', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

  // Outside the report's area it does not exist; an unknown number neither.
  const leipzig = (await als('leipzig')).page.request;
  expect((await leipzig.get(`/api/berichte/${id}`)).status()).toBe(404);
  expect((await lpr.get('/api/berichte/aaaaaaaaaa')).status()).toBe(404);
});

test('the page the PDF is printed from is complete without a script: map zoomed to the area, both charts, every table', async ({
  als,
}) => {
  const { page } = await als('lpr', { javaScriptEnabled: false });
  await page.goto(`/bericht/druck?stand=${STAND}&pd=goerlitz`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lagebericht Polizeidirektion Görlitz');
  const karte = page.locator('svg[data-karte-bereit]');
  await expect(karte).toHaveAttribute('role', 'img');
  // Zoomed: a box inside the map of the Land, not all of it.
  const [x, , breite] = ((await karte.getAttribute('viewBox')) ?? '').split(' ').map(Number);
  expect(x).toBeGreaterThan(0);
  expect(breite).toBeLessThan(1000);
  // The growth chart's lines and the funds chart's bars, drawn as SVG with the Stand as last label.
  const diagramme = page.locator('svg[data-vektor-diagramm]');
  await expect(diagramme).toHaveCount(2);
  await expect(diagramme.first().locator('path[fill="none"]')).toHaveCount(3);
  await expect(diagramme.first().locator('text').last()).toHaveText(deDate(STAND));
  expect(await diagramme.nth(1).locator('rect').count()).toBeGreaterThan(3);
  await expect(page.locator('[data-table="bericht-teilgebiete"] tbody tr')).toHaveCount(3);
  await expect(page.locator('[data-table="verlauf-tabelle"]')).toBeVisible();
  await expect(page.locator('canvas')).toHaveCount(0);
});
