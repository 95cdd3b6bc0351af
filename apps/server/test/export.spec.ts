import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { TEST_DATABASE_KINDS } from '@asskomm/db/testing';
import {
  deutschesDatum,
  STATUS_LABELS,
  type AuditEntry,
  type FoerderantragRecord,
  type FoerderungUebersicht,
  type KommuneDetail,
  type KommuneSummary,
  type KpiPoint,
  type VisibleEvent,
} from '@asskomm/domain';
import { kreisName, polizeidirektionKurz } from '@asskomm/geo';
import { buffer } from 'node:stream/consumers';
import { alsCsv } from '../src/export/csv.ts';
import { alsXlsx } from '../src/export/xlsx.ts';
import type { Tabelle } from '../src/export/tabelle.ts';
import { demoBenutzer } from './test-client.ts';
import { useTestServer } from './test-server.ts';

/** A CSV file as German Excel reads it: BOM, `;`, CRLF. */
function leseCsv(bytes: Buffer): string[][] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text).toContain('\r\n');
  return parse(text, { bom: true, delimiter: ';', record_delimiter: '\r\n' }) as string[][];
}

async function herunterladen(url: string, init?: RequestInit): Promise<{ response: Response; bytes: Buffer }> {
  const response = await fetch(url, init);
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

const STAND = '2023-09-14';
const GOERLITZ = '14626110';

describe.each(TEST_DATABASE_KINDS)('exports on %s', (kind) => {
  const server = useTestServer(kind);

  it('the Kommunen list downloads as CSV with the rows, filters and sort of the page', async () => {
    const query = `stand=${STAND}&pd=dresden&status=mitglied&sort=-name`;
    const json = (await (await fetch(`${server.url}/api/kommunen?${query}`)).json()) as KommuneSummary[];
    expect(json.length).toBeGreaterThan(3);
    expect(json.every((k) => k.polizeidirektion === 'dresden' && k.status === 'mitglied')).toBe(true);

    const { response, bytes } = await herunterladen(`${server.url}/api/kommunen?${query}&format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="?Kommunen_2023-09-14\.csv"?$/);
    const [kopf, ...zeilen] = leseCsv(bytes);
    expect(kopf).toEqual([
      'Gemeindeschlüssel',
      'Name',
      'Art',
      'Kreis',
      'Polizeidirektion',
      'Status',
      'KPR',
      'Modellkommune',
      'Demodaten',
    ]);
    expect(zeilen).toEqual(
      json.map((k) => [
        k.ags,
        k.name,
        k.art,
        kreisName(k.kreis),
        polizeidirektionKurz(k.polizeidirektion),
        STATUS_LABELS[k.status],
        k.kpr ? 'ja' : 'nein',
        k.modellkommune ? 'ja' : 'nein',
        k.demodaten ? 'ja' : 'nein',
      ]),
    );
    // Sorted as asked: by name, descending.
    const namen = zeilen.map((z) => z[1]!);
    expect(namen).toEqual(namen.toSorted((a, b) => b.localeCompare(a, 'de-DE', { sensitivity: 'base' })));
  });

  it('the Kommunen list downloads as XLSX: header, typed cells and a sheet saying what it is', async () => {
    const json = (await (
      await fetch(`${server.url}/api/kommunen?stand=${STAND}&merkmal=kpr`)
    ).json()) as KommuneSummary[];
    const { response, bytes } = await herunterladen(
      `${server.url}/api/kommunen?stand=${STAND}&merkmal=kpr&format=xlsx`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const [kopf, ...zeilen] = await readSheet(bytes, 'Kommunen');
    expect(kopf?.[0]).toBe('Gemeindeschlüssel');
    expect(zeilen.map((z) => z[0])).toEqual(json.map((k) => k.ags));
    expect(zeilen.every((z) => z[6] === 'ja')).toBe(true);
    const angaben = Object.fromEntries((await readSheet(bytes, 'Angaben')).map(([label, text]) => [label, text]));
    expect(angaben).toMatchObject({
      Stand: '14.09.2023',
      Gebiet: 'Sachsen',
      Filter: 'Merkmal: mit KPR; sortiert nach Name, aufsteigend',
      'Erstellt von': 'öffentliche Ansicht',
    });
  });

  it('a Polizeidirektion exports its own area only, and a filter outside it is not found', async () => {
    const pd = await demoBenutzer(server.url, 'pd-goerlitz');
    const eigene = await pd.request('GET', `/api/kommunen?stand=${STAND}&format=csv`);
    const zeilen = leseCsv(Buffer.from(await eigene.arrayBuffer())).slice(1);
    expect(zeilen.length).toBeGreaterThan(10);
    expect(new Set(zeilen.map((z) => z[4]))).toEqual(new Set(['Görlitz']));
    const xlsx = await pd.request('GET', `/api/kommunen?stand=${STAND}&format=xlsx`);
    const angaben = await readSheet(Buffer.from(await xlsx.arrayBuffer()), 'Angaben');
    expect(angaben).toContainEqual(['Gebiet', 'Polizeidirektion Görlitz']);
    expect((await pd.request('GET', `/api/kommunen?stand=${STAND}&pd=leipzig&format=csv`)).status).toBe(404);
  });

  it('the growth series downloads as CSV and XLSX with the figures of the JSON', async () => {
    const query = `bis=${STAND}&pd=leipzig`;
    const json = (await (await fetch(`${server.url}/api/kpi/verlauf?${query}`)).json()) as KpiPoint[];
    const csv = await herunterladen(`${server.url}/api/kpi/verlauf?${query}&format=csv`);
    expect(csv.response.headers.get('content-disposition')).toMatch(/Kennzahlen_Verlauf_2023-09-14\.csv/);
    const [kopf, ...zeilen] = leseCsv(csv.bytes);
    expect(kopf?.slice(0, 3)).toEqual(['Stand', 'beraten', 'Mitglieder']);
    expect(zeilen).toEqual(
      json.map((p) => [
        deutschesDatum(p.stand),
        ...[p.beraten, p.mitglieder, p.mitgliedGemeinden, p.kpr, p.koordinierungsstellen]
          .concat([p.sicherheitsanalysenBegonnen, p.sicherheitsanalysenAbgeschlossen])
          .map(String),
      ]),
    );
    const xlsx = await herunterladen(`${server.url}/api/kpi/verlauf?${query}&format=xlsx`);
    const [, ...blatt] = await readSheet(xlsx.bytes, 'Kennzahlen_Verlauf');
    expect(blatt.map((z) => z[0])).toEqual(json.map((p) => new Date(`${p.stand}T00:00:00Z`)));
    expect(blatt.map((z) => z[2])).toEqual(json.map((p) => p.mitglieder));
    const angaben = await readSheet(xlsx.bytes, 'Angaben');
    expect(angaben).toContainEqual(['Gebiet', 'Polizeidirektion Leipzig']);
  });

  it('funding tables download with the page’s numbers; the public’s hidden figures stay empty', async () => {
    const lpr = await demoBenutzer(server.url, 'lpr');
    const query = `stand=${STAND}&pd=goerlitz`;
    const intern = (await lpr.json<FoerderungUebersicht>('GET', `/api/foerderung?${query}`)).body;
    const xlsx = await lpr.request('GET', `/api/foerderung?${query}&format=xlsx`);
    const [kopf, ...jahre] = await readSheet(Buffer.from(await xlsx.arrayBuffer()), 'Foerderung_Haushaltsjahre');
    expect(kopf?.slice(0, 5)).toEqual(['Haushaltsjahr', 'Budget', 'Anträge', 'beantragt', 'bewilligt']);
    expect(jahre.map((z) => [z[0], z[4]])).toEqual(
      intern.jahre.map((j) => [j.haushaltsjahr, j.verborgen ? null : j.bewilligtCent / 100]),
    );
    const kreise = await lpr.request('GET', `/api/foerderung?${query}&tabelle=kreis&format=csv`);
    const [, ...kreisZeilen] = leseCsv(Buffer.from(await kreise.arrayBuffer()));
    expect(kreisZeilen.map((z) => [z[0], z[1]])).toEqual(intern.nachKreis.map((k) => [k.name, String(k.anzahl)]));
    // Across the Land every Kreis has its own name: Stadt and Landkreis Leipzig are two rows, told apart.
    const land = (await lpr.json<FoerderungUebersicht>('GET', `/api/foerderung?stand=${STAND}`)).body.nachKreis;
    expect(land.map((k) => k.name)).toContain('Stadt Leipzig');
    expect(land.map((k) => k.name)).toContain('Landkreis Leipzig');
    expect(new Set(land.map((k) => k.name)).size).toBe(land.length);

    // The public gets the budget of an area and nothing else: empty amounts, and the reason.
    const { bytes } = await herunterladen(`${server.url}/api/foerderung?${query}&format=csv`);
    const [, ...oeffentlich] = leseCsv(bytes);
    expect(oeffentlich.length).toBeGreaterThan(0);
    for (const zeile of oeffentlich) {
      expect(zeile.slice(2, 8)).toEqual(['', '', '', '', '', '']);
      expect(zeile[8]).toBe('nur für ganz Sachsen öffentlich');
    }
    const amounts = intern.jahre.flatMap((j) => (j.verborgen ? [] : [j.bewilligtCent])).filter((c) => c > 0);
    const text = bytes.toString('utf8');
    for (const cent of amounts) expect(text).not.toContain((cent / 100).toFixed(2).replace('.', ','));
    expect((await fetch(`${server.url}/api/foerderung?tabelle=summe&format=csv`)).status).toBe(400);
  });

  it('applications, a Kommune’s milestones and history download in the caller’s scope', async () => {
    expect((await fetch(`${server.url}/api/foerderantraege?format=csv`)).status).toBe(401);
    const pd = await demoBenutzer(server.url, 'pd-goerlitz');
    const antraege = await pd.json<FoerderantragRecord[]>('GET', `/api/foerderantraege?stand=${STAND}`);
    const csv = await pd.request('GET', `/api/foerderantraege?stand=${STAND}&format=csv`);
    const [kopf, ...zeilen] = leseCsv(Buffer.from(await csv.arrayBuffer()));
    expect(kopf?.[0]).toBe('Nr.');
    expect(zeilen.map((z) => Number(z[0]))).toEqual(antraege.body.map((a) => a.id));
    expect(new Set(zeilen.map((z) => z[5]))).toEqual(new Set(['Görlitz']));

    const detail = await pd.json<KommuneDetail>('GET', `/api/kommunen/${GOERLITZ}?stand=${STAND}`);
    const meilensteine = await pd.request('GET', `/api/kommunen/${GOERLITZ}?stand=${STAND}&format=xlsx`);
    const [, ...ms] = await readSheet(Buffer.from(await meilensteine.arrayBuffer()), `Meilensteine_${GOERLITZ}`);
    expect(ms.map((z) => z[0])).toEqual(detail.body.meilensteine.map((m) => new Date(`${m.date}T00:00:00Z`)));
    expect((await pd.request('GET', `/api/kommunen/14713000?format=csv`)).status).toBe(404);

    const verlauf = await pd.json<VisibleEvent[]>('GET', `/api/kommunen/${GOERLITZ}/verlauf?limit=20`);
    const verlaufCsv = await pd.request('GET', `/api/kommunen/${GOERLITZ}/verlauf?limit=20&format=csv`);
    const [vKopf, ...eintraege] = leseCsv(Buffer.from(await verlaufCsv.arrayBuffer()));
    expect(vKopf).toEqual(['Nr.', 'Zeitpunkt', 'Kommune', 'Wer', 'Änderung', 'Einzelheiten']);
    expect(eintraege.map((z) => Number(z[0]))).toEqual(verlauf.body.map((e) => e.seq));
    expect(eintraege.every((z) => /^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/.test(z[1]!))).toBe(true);
  });

  it('the audit log and the user list download for admins only', async () => {
    const lpr = await demoBenutzer(server.url, 'lpr');
    expect((await lpr.request('GET', '/api/audit?format=csv')).status).toBe(404);
    const admin = await demoBenutzer(server.url, 'admin');
    const eintraege = await admin.json<AuditEntry[]>('GET', '/api/audit?limit=50');
    const csv = await admin.request('GET', '/api/audit?limit=50&format=csv');
    const [, ...zeilen] = leseCsv(Buffer.from(await csv.arrayBuffer()));
    expect(zeilen.map((z) => Number(z[0]))).toEqual(eintraege.body.map((e) => e.id));
    const benutzer = await admin.request('GET', '/api/benutzer?format=xlsx');
    const [kopf, ...konten] = await readSheet(Buffer.from(await benutzer.arrayBuffer()), 'Benutzer');
    expect(kopf?.slice(0, 3)).toEqual(['Name', 'E-Mail', 'Rolle']);
    expect(konten.map((z) => z[1])).toContain('pd-goerlitz@demo.asskomm.invalid');
  });

  it('a bad format or filter is a 400 naming the parameter, in German', async () => {
    for (const [query, feld] of [
      ['format=pdf', 'format'],
      ['status=gross', 'status'],
      ['sort=-einwohner', 'sort'],
      ['kreis=99999', 'kreis'],
    ] as const) {
      const response = await fetch(`${server.url}/api/kommunen?${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { field?: string }).field, query).toBe(feld);
    }
  });
});

describe('exported cells', () => {
  const tabelle: Tabelle<{ text: string; cent: number; tag: string; ja: boolean }> = {
    name: 'Probe',
    stand: '2026-03-31',
    spalten: [
      { titel: 'Text', art: 'text', wert: (z) => z.text },
      { titel: 'Betrag', art: 'euro', wert: (z) => z.cent },
      { titel: 'Tag', art: 'datum', wert: (z) => z.tag },
      { titel: 'Ja', art: 'janein', wert: (z) => z.ja },
    ],
    zeilen: [
      { text: '=HYPERLINK("http://böse.example","klick")', cent: 123_456, tag: '2026-01-05', ja: true },
      { text: '+49 351 1234', cent: 5, tag: '2025-12-31', ja: false },
      { text: '-1+1', cent: 0, tag: '2026-02-28', ja: false },
      { text: '@SUM(A1)', cent: 1, tag: '2026-02-28', ja: false },
      { text: '\tTab; "Zitat"', cent: 1, tag: '2026-02-28', ja: false },
      { text: 'Görlitz, Zittau', cent: 10_000_000_000, tag: '2026-02-28', ja: false },
    ],
    angaben: [['Stand', '31.03.2026']],
  };

  it('CSV: decimal comma, German dates, and no cell a spreadsheet would run as a formula', async () => {
    const [, ...zeilen] = leseCsv(await buffer(alsCsv(tabelle)));
    expect(zeilen.map((z) => z[0])).toEqual([
      `'=HYPERLINK("http://böse.example","klick")`,
      "'+49 351 1234",
      "'-1+1",
      "'@SUM(A1)",
      `'\tTab; "Zitat"`,
      'Görlitz, Zittau',
    ]);
    expect(zeilen.map((z) => z[1])).toEqual(['1234,56', '0,05', '0,00', '0,01', '0,01', '100000000,00']);
    expect(zeilen[0]!.slice(2)).toEqual(['05.01.2026', 'ja']);
    for (const zeile of zeilen) for (const cell of zeile) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('XLSX: text stays text, euros are numbers in € format, days are dates', async () => {
    const bytes = await buffer(await alsXlsx(tabelle, 'Probe'));
    const [kopf, ...zeilen] = await readSheet(bytes, 'Probe');
    expect(kopf).toEqual(['Text', 'Betrag', 'Tag', 'Ja']);
    expect(zeilen[0]).toEqual([
      '=HYPERLINK("http://böse.example","klick")',
      1234.56,
      new Date('2026-01-05T00:00:00Z'),
      'ja',
    ]);
    expect(zeilen[5]![1]).toBe(100_000_000);
    // No cell is stored as a formula, and the euro column carries the € format.
    const dateien = unzipSync(new Uint8Array(bytes));
    const blatt = strFromU8(dateien['xl/worksheets/sheet1.xml']!);
    expect(blatt).not.toContain('<f>');
    expect(strFromU8(dateien['xl/styles.xml']!)).toContain('€');
  });
});
