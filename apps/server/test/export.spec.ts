import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { TEST_DATABASE_KINDS } from '@asskomm/db/testing';
import { STATUS_LABELS, type KommuneSummary } from '@asskomm/domain';
import { kreisName, polizeidirektionKurz } from '@asskomm/geo';
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

  it('CSV: decimal comma, German dates, and no cell a spreadsheet would run as a formula', () => {
    const [, ...zeilen] = leseCsv(Buffer.from(alsCsv(tabelle)));
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
    const bytes = await alsXlsx(tabelle, 'Probe');
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
