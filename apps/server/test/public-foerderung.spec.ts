import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_KINDS } from '@asskomm/db/testing';
import type {
  FoerderBetraege,
  FoerderungUebersicht,
  KommuneDetail,
  KommuneSummary,
  KioskLink,
  KpiSnapshot,
} from '@asskomm/domain';
import { KREISE } from '@asskomm/geo';
import { DEMO_PASSWORD } from '../src/auth/initial-benutzer.ts';
import { TestClient } from './test-client.ts';
import { startTestServer, type RunningServer } from './test-server.ts';

/** Haushaltsjahre without demo applications: every application in them is one of this test's. */
const JAHR = 2031;
/** The Land has a single application in this year. */
const JAHR_MIT_EINEM = 2032;
const AMOUNT_OF_THE_LONE_ONE = 1_234_500;

async function login(url: string, who: string): Promise<TestClient> {
  const client = new TestClient(url);
  expect(await client.login(`${who}@demo.asskomm.invalid`, DEMO_PASSWORD)).toBe(200);
  return client;
}

/** Untouched Gemeinden of a Polizeidirektion, one from each of two different Kreise. */
async function gemeindenInZweiKreisen(client: TestClient, pd: string): Promise<[KommuneSummary, KommuneSummary]> {
  const list = (await client.json<KommuneSummary[]>('GET', '/api/kommunen')).body.filter(
    (k) => k.ags.length === 8 && k.status === 'kein_kontakt' && k.polizeidirektion === pd,
  );
  const first = list[0]!;
  return [first, list.find((k) => k.kreis !== first.kreis)!];
}

async function bewerben(
  lpr: TestClient,
  ags: string,
  antraege: { zweck: string; handlungsfeld: string; beantragtCent: number }[],
  haushaltsjahr = JAHR,
): Promise<void> {
  const kommune = (await lpr.json<KommuneDetail>('GET', `/api/kommunen/${ags}`)).body;
  const beraten = await lpr.json('POST', `/api/kommunen/${ags}/meilensteine`, {
    kind: 'erstberatung',
    date: '2025-01-10',
    version: kommune.version,
  });
  expect(beraten.status).toBe(201);
  for (const { zweck, handlungsfeld, beantragtCent } of antraege) {
    const created = await lpr.json('POST', '/api/foerderantraege', {
      ags,
      haushaltsjahr,
      zweck,
      handlungsfelder: [handlungsfeld],
      eingereichtAm: '2025-06-02',
      beantragtCent,
      foerderfaehigCent: beantragtCent * 2,
    });
    expect(created.status).toBe(201);
  }
}

const hidden = (cell: FoerderBetraege | undefined) => cell?.verborgen === true && cell.beantragtCent === null;

describe.each(TEST_DATABASE_KINDS)('public foerderung figures on %s', (kind) => {
  let server: RunningServer;
  let visitor: TestClient;
  let lpr: TestClient;
  /** Kreis A (1 application) and B (3) in one Polizeidirektion, C (3) in another. */
  let kreisA: string, kreisB: string, kreisC: string, pdAB: string;

  const publicView = async (query = '', jahr = JAHR) =>
    (await visitor.json<FoerderungUebersicht>('GET', `/api/foerderung?jahr=${jahr}${query}`)).body;

  beforeAll(async () => {
    server = await startTestServer(kind);
    visitor = new TestClient(server.url);
    lpr = await login(server.url, 'lpr');
    const [a, b] = await gemeindenInZweiKreisen(lpr, 'leipzig');
    const [c] = await gemeindenInZweiKreisen(lpr, 'dresden');
    const [d] = await gemeindenInZweiKreisen(lpr, 'chemnitz');
    [kreisA, kreisB, kreisC, pdAB] = [a.kreis, b.kreis, c.kreis, a.polizeidirektion];
    const projekt = { zweck: 'projekt', handlungsfeld: 'gewalt', beantragtCent: 500_000 };
    await bewerben(lpr, a.ags, [
      { zweck: 'sicherheitsanalyse', handlungsfeld: 'extremismus', beantragtCent: AMOUNT_OF_THE_LONE_ONE },
    ]);
    await bewerben(lpr, b.ags, [projekt, projekt, projekt]);
    await bewerben(lpr, c.ags, [projekt, projekt, projekt]);
    await bewerben(lpr, d.ags, [{ ...projekt, beantragtCent: AMOUNT_OF_THE_LONE_ONE }], JAHR_MIT_EINEM);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('hides the amounts of every cell with one or two applications, and the cell that would give it away', async () => {
    const land = await publicView();
    const year = land.jahre.find((j) => j.haushaltsjahr === JAHR)!;
    expect(year).toMatchObject({ anzahl: 7, verborgen: false, beantragtCent: AMOUNT_OF_THE_LONE_ONE + 6 * 500_000 });
    const kreis = (ags: string) => land.nachKreis.find((k) => k.kreis === ags);
    expect(kreis(kreisA)).toMatchObject({ anzahl: 1, verborgen: true, bewilligtCent: null, ausgezahltCent: null });
    // B alone would be Polizeidirektion minus A: hidden with it.
    expect(hidden(kreis(kreisB))).toBe(true);
    expect(kreis(kreisC)).toMatchObject({ anzahl: 3, verborgen: false, beantragtCent: 1_500_000 });
    expect(land.nachPolizeidirektion.every((p) => !p.verborgen)).toBe(true);
    // A Kreis without applications shows its 0 €: that says nothing about a Kommune.
    expect(land.nachKreis.find((k) => k.anzahl === 0)).toMatchObject({ verborgen: false, beantragtCent: 0 });
    // The purposes partition the year; the lone Sicherheitsanalyse takes Projekt with it.
    const zweck = (z: string) => land.nachZweck.find((n) => n.zweck === z);
    expect(hidden(zweck('sicherheitsanalyse'))).toBe(true);
    expect(hidden(zweck('projekt'))).toBe(true);
    const feld = (f: string) => land.nachHandlungsfeld.find((n) => n.handlungsfeld === f);
    expect(hidden(feld('extremismus'))).toBe(true);
    expect(feld('gewalt')).toMatchObject({ anzahl: 6, verborgen: false, beantragtCent: 3_000_000 });
    expect(JSON.stringify(land)).not.toContain(String(AMOUNT_OF_THE_LONE_ONE));
  });

  it('keeps a hidden area hidden in a filtered view, which cannot undo the Land view', async () => {
    const onlyB = await publicView(`&kreis=${kreisB}`);
    const year = onlyB.jahre.find((j) => j.haushaltsjahr === JAHR)!;
    expect(year).toMatchObject({ anzahl: 3, verborgen: true, beantragtCent: null, ausschoepfung: null });
    expect(year.budgetCent).toBeGreaterThan(0);
    expect(hidden(onlyB.nachPolizeidirektion.find((p) => p.polizeidirektion === pdAB))).toBe(true);
    expect([...onlyB.nachZweck, ...onlyB.nachHandlungsfeld].filter((z) => z.anzahl > 0).every(hidden)).toBe(true);

    const pd = await publicView(`&pd=${pdAB}`);
    expect(pd.jahre.find((j) => j.haushaltsjahr === JAHR)).toMatchObject({ anzahl: 4, verborgen: false });
    expect(pd.nachKreis.filter((k) => k.anzahl > 0).map((k) => [k.kreis, k.verborgen])).toEqual(
      expect.arrayContaining([
        [kreisA, true],
        [kreisB, true],
      ]),
    );
    const onlyC = await publicView(`&kreis=${kreisC}`);
    expect(onlyC.jahre.find((j) => j.haushaltsjahr === JAHR)).toMatchObject({
      verborgen: false,
      beantragtCent: 1_500_000,
    });
  });

  it('leaves no single hidden cell in any shown breakdown of the demo years (no differencing)', async () => {
    const land = (await visitor.json<FoerderungUebersicht>('GET', '/api/foerderung')).body;
    for (const { haushaltsjahr, verborgen } of land.jahre.filter((j) => j.anzahl > 0)) {
      const view = await publicView('', haushaltsjahr);
      const single = (cells: FoerderBetraege[]) => cells.filter((c) => c.anzahl > 0 && c.verborgen).length === 1;
      if (!verborgen) expect(single(view.nachPolizeidirektion), `${haushaltsjahr}`).toBe(false);
      for (const pd of view.nachPolizeidirektion.filter((p) => !p.verborgen)) {
        const inPd = KREISE.filter((k) => k.polizeidirektion === pd.polizeidirektion).map((k) => k.ags);
        expect(
          single(view.nachKreis.filter((k) => inPd.includes(k.kreis))),
          `${haushaltsjahr} ${pd.polizeidirektion}`,
        ).toBe(false);
      }
    }
  });

  it('gives signed-in users every amount', async () => {
    const ministerium = await login(server.url, 'ministerium');
    const full = (await ministerium.json<FoerderungUebersicht>('GET', `/api/foerderung?jahr=${JAHR}&kreis=${kreisA}`))
      .body;
    expect(full.jahre.find((j) => j.haushaltsjahr === JAHR)).toMatchObject({
      anzahl: 1,
      verborgen: false,
      beantragtCent: AMOUNT_OF_THE_LONE_ONE,
    });
    expect(full.nachKreis.find((k) => k.kreis === kreisA)).toMatchObject({
      verborgen: false,
      beantragtCent: AMOUNT_OF_THE_LONE_ONE,
    });
  });

  it('shows a kiosk screen small figures only when the LPR allowed it for that link', async () => {
    const link = async (zeigtKleineFoerderzahlen: boolean) =>
      (
        await lpr.json<{ link: KioskLink; token: string }>('POST', '/api/kiosk-links', {
          name: zeigtKleineFoerderzahlen ? 'Saal mit Förderzahlen' : 'Saal öffentlich',
          zeigtKleineFoerderzahlen,
        })
      ).body;
    const [erlaubt, oeffentlich] = [await link(true), await link(false)];
    const asScreen = async (token: string, path: string) => {
      const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Kiosk ${token}` } });
      expect(response.status).toBe(200);
      return response.json();
    };
    const view = `/api/foerderung?jahr=${JAHR}&kreis=${kreisA}`;
    const cellA = (body: unknown) => (body as FoerderungUebersicht).nachKreis.find((k) => k.kreis === kreisA);
    const tile = `/api/kpi?kreis=${kreisA}&stand=${JAHR}-03-01`;
    expect(cellA(await asScreen(erlaubt.token, view))).toMatchObject({
      verborgen: false,
      beantragtCent: AMOUNT_OF_THE_LONE_ONE,
    });
    expect(((await asScreen(erlaubt.token, tile)) as KpiSnapshot).foerderung.beantragtCent).toBe(
      AMOUNT_OF_THE_LONE_ONE,
    );
    expect(hidden(cellA(await asScreen(oeffentlich.token, view)))).toBe(true);
    expect((await lpr.request('DELETE', `/api/kiosk-links/${erlaubt.link.id}`)).status).toBe(204);
    expect(hidden(cellA(await asScreen(erlaubt.token, view)))).toBe(true);
  });

  it('tells the public nothing that ties a funding change to its Kommune: no Kommune, no version', async () => {
    const [kommune] = await gemeindenInZweiKreisen(lpr, 'goerlitz');
    const { socket, received } = await visitor.socket();
    try {
      // A year of its own, so the other tests' figures stay as they are.
      await bewerben(lpr, kommune.ags, [{ zweck: 'projekt', handlungsfeld: 'gewalt', beantragtCent: 700_000 }], 2033);
      await expect.poll(() => received.map((e) => e.type)).toEqual(['meilenstein:recorded', 'foerderantrag:saved']);
      expect(received.map(({ ags, version, actor }) => ({ ags, version, actor }))).toEqual([
        { ags: kommune.ags, version: null, actor: null },
        { ags: null, version: null, actor: null },
      ]);
      expect((await visitor.json<KommuneDetail>('GET', `/api/kommunen/${kommune.ags}`)).body.version).toBeNull();
      expect((await lpr.json<KommuneDetail>('GET', `/api/kommunen/${kommune.ags}`)).body.version).toBe(2);
    } finally {
      socket.disconnect();
    }
  });

  describe('the headline figures (GET /api/kpi)', () => {
    const foerderung = async (client: TestClient, query: string) => {
      const { status, body } = await client.json<KpiSnapshot>('GET', `/api/kpi?${query}`);
      expect(status).toBe(200);
      return body.foerderung;
    };

    it('give the public no amounts of a hidden Kreis, the same as the foerderung view of that year', async () => {
      const query = `kreis=${kreisA}&stand=${JAHR}-03-01`;
      const oeffentlich = await foerderung(visitor, query);
      expect(oeffentlich).toMatchObject({
        haushaltsjahr: JAHR,
        verborgen: true,
        beantragtCent: null,
        bewilligtCent: null,
        ausgezahltCent: null,
        zurueckgefordertCent: null,
      });
      expect(oeffentlich.budgetCent).toBeGreaterThan(0);
      // Kreis B is hidden with A in the funding view; the headline figures must not undo that.
      expect((await foerderung(visitor, `kreis=${kreisB}&stand=${JAHR}-03-01`)).verborgen).toBe(true);
      expect(await foerderung(visitor, `kreis=${kreisC}&stand=${JAHR}-03-01`)).toMatchObject({
        verborgen: false,
        beantragtCent: 1_500_000,
      });
      expect(await foerderung(visitor, `pd=${pdAB}&stand=${JAHR}-03-01`)).toMatchObject({
        verborgen: false,
        beantragtCent: AMOUNT_OF_THE_LONE_ONE + 1_500_000,
      });
    });

    it('give the public no amounts of the Land while it has fewer than three applications', async () => {
      const land = await foerderung(visitor, `stand=${JAHR_MIT_EINEM}-01-15`);
      expect(land).toMatchObject({ haushaltsjahr: JAHR_MIT_EINEM, verborgen: true, beantragtCent: null });
      expect(JSON.stringify(land)).not.toContain(String(AMOUNT_OF_THE_LONE_ONE));
    });

    it('give signed-in users every amount', async () => {
      expect(await foerderung(lpr, `kreis=${kreisA}&stand=${JAHR}-03-01`)).toMatchObject({
        verborgen: false,
        beantragtCent: AMOUNT_OF_THE_LONE_ONE,
      });
      expect(await foerderung(lpr, `stand=${JAHR_MIT_EINEM}-01-15`)).toMatchObject({
        verborgen: false,
        beantragtCent: AMOUNT_OF_THE_LONE_ONE,
      });
    });
  });
});
