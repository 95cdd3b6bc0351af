import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_KINDS } from '@asskomm/db/testing';
import {
  beitraegeAm,
  monthEnds,
  OEFFENTLICHE_KENNZAHLEN,
  todayInSaxony,
  type FoerderantragRecord,
  type FoerderungUebersicht,
  type KommuneDetail,
  type KommuneSummary,
  type KioskLink,
  type KpiSnapshot,
} from '@asskomm/domain';
import { DEMO_PASSWORD } from '../src/auth/initial-benutzer.ts';
import { TestClient } from './test-client.ts';
import { startTestServer, type RunningServer } from './test-server.ts';

/** Haushaltsjahre without demo applications: every application in them is one of this test's. */
const JAHR = 2031;
/** The Land has a single application in this year. */
const JAHR_MIT_EINEM = 2032;
const AMOUNT_OF_THE_LONE_ONE = 1_234_500;
const EINGEREICHT = '2025-06-02';

const HEUTE = todayInSaxony();
const addDays = (day: string, days: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
/** Every quarter end from 2018 up to yesterday: the only days public funding figures may be as of. */
const QUARTALSENDEN = monthEnds('2017-12-01', addDays(HEUTE, -1)).filter((d) => Number(d.slice(5, 7)) % 3 === 0);
const LETZTES_QUARTALSENDE = QUARTALSENDEN.at(-1)!;

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
  antraege: { beantragtCent: number }[],
  haushaltsjahr = JAHR,
  eingereichtAm = EINGEREICHT,
): Promise<void> {
  const kommune = (await lpr.json<KommuneDetail>('GET', `/api/kommunen/${ags}`)).body;
  const beraten = await lpr.json('POST', `/api/kommunen/${ags}/meilensteine`, {
    kind: 'erstberatung',
    date: '2025-01-10',
    version: kommune.version,
  });
  expect(beraten.status).toBe(201);
  for (const { beantragtCent } of antraege) {
    const created = await lpr.json('POST', '/api/foerderantraege', {
      ags,
      haushaltsjahr,
      zweck: 'projekt',
      handlungsfelder: ['gewalt'],
      eingereichtAm,
      beantragtCent,
      foerderfaehigCent: beantragtCent * 2,
    });
    expect(created.status).toBe(201);
  }
}

describe.each(TEST_DATABASE_KINDS)('public foerderung figures on %s', (kind) => {
  let server: RunningServer;
  let visitor: TestClient;
  let lpr: TestClient;
  let kreisA: string, pdA: string;

  const publicView = async (query = '') =>
    (await visitor.json<FoerderungUebersicht>('GET', `/api/foerderung?jahr=${JAHR}${query}`)).body;
  const jahrIn = (view: FoerderungUebersicht, jahr = JAHR) => view.jahre.find((j) => j.haushaltsjahr === jahr)!;

  beforeAll(async () => {
    server = await startTestServer(kind);
    visitor = new TestClient(server.url);
    lpr = await login(server.url, 'lpr');
    const [a, b] = await gemeindenInZweiKreisen(lpr, 'leipzig');
    const [c] = await gemeindenInZweiKreisen(lpr, 'dresden');
    [kreisA, pdA] = [a.kreis, a.polizeidirektion];
    await bewerben(lpr, a.ags, [{ beantragtCent: AMOUNT_OF_THE_LONE_ONE }]);
    await bewerben(lpr, b.ags, [{ beantragtCent: 500_000 }, { beantragtCent: 500_000 }]);
    await bewerben(lpr, c.ags, [{ beantragtCent: 500_000 }], JAHR_MIT_EINEM);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('gives the public the Land per Haushaltsjahr as of the last quarter end, and no breakdown', async () => {
    const land = await publicView();
    expect(jahrIn(land)).toMatchObject({
      anzahl: 3,
      beantragtCent: AMOUNT_OF_THE_LONE_ONE + 1_000_000,
      verborgen: false,
      oeffentlichAm: { anzahl: LETZTES_QUARTALSENDE, beantragtCent: LETZTES_QUARTALSENDE },
    });
    for (const aufteilung of [land.nachKreis, land.nachPolizeidirektion, land.nachZweck, land.nachHandlungsfeld]) {
      expect(aufteilung).toEqual([]);
    }
  });

  it('shows a figure changed by one application only as of the quarter end before it', async () => {
    const { body } = await visitor.json<FoerderungUebersicht>('GET', `/api/foerderung?jahr=${JAHR_MIT_EINEM}`);
    expect(jahrIn(body, JAHR_MIT_EINEM)).toMatchObject({
      anzahl: 0,
      beantragtCent: 0,
      oeffentlichAm: { anzahl: '2025-03-31', beantragtCent: '2025-03-31' },
    });
    const kpi = (await visitor.json<KpiSnapshot>('GET', `/api/kpi?stand=${JAHR_MIT_EINEM}-01-15`)).body.foerderung;
    expect(kpi).toMatchObject({ haushaltsjahr: JAHR_MIT_EINEM, verborgen: false, beantragtCent: 0 });
  });

  it('answers the day before and the day of a new application alike, and not differently after it', async () => {
    const gestern = addDays(HEUTE, -1);
    // The headline funds only: the advice recorded before the application changes other figures.
    const antworten = async () => [
      (await visitor.json('GET', `/api/foerderung?jahr=2033&stand=${gestern}`)).body,
      (await visitor.json('GET', '/api/foerderung?jahr=2033')).body,
      (await visitor.json<KpiSnapshot>('GET', '/api/kpi')).body.foerderung,
    ];
    const vorher = await antworten();
    expect(vorher[0]).toEqual({ ...(vorher[1] as object), stand: gestern });
    const [kommune] = await gemeindenInZweiKreisen(lpr, 'chemnitz');
    await bewerben(lpr, kommune.ags, [{ beantragtCent: 777_700 }], 2033, HEUTE);
    expect(await antworten()).toEqual(vorher);
    // Staff see it at once.
    const intern = (await lpr.json<FoerderungUebersicht>('GET', '/api/foerderung?jahr=2033')).body;
    expect(jahrIn(intern, 2033)).toMatchObject({ anzahl: 1, beantragtCent: 777_700, oeffentlichAm: null });
  });

  it('gives the public nothing of a Polizeidirektion or Kreis but the budget, in both views', async () => {
    for (const query of [`&kreis=${kreisA}`, `&pd=${pdA}`]) {
      const view = await publicView(query);
      expect(jahrIn(view)).toMatchObject({ verborgen: true, anzahl: null, beantragtCent: null, oeffentlichAm: null });
      expect(jahrIn(view).budgetCent).toBeGreaterThan(0);
      expect(view.nachKreis).toEqual([]);
      const kpi = (await visitor.json<KpiSnapshot>('GET', `/api/kpi?stand=${JAHR}-03-01${query}`)).body.foerderung;
      expect(kpi).toMatchObject({ verborgen: true, beantragtCent: null, bewilligtCent: null, oeffentlichAm: null });
    }
  });

  it('gives the headline figures of the Land the same public figures as the funding view', async () => {
    const kpi = (await visitor.json<KpiSnapshot>('GET', `/api/kpi?stand=${JAHR}-03-01`)).body.foerderung;
    const jahr = jahrIn(await publicView(`&stand=${JAHR}-03-01`));
    expect(kpi).toMatchObject({
      haushaltsjahr: JAHR,
      verborgen: false,
      beantragtCent: jahr.beantragtCent,
      bewilligtCent: jahr.bewilligtCent,
      oeffentlichAm: jahr.oeffentlichAm,
    });
  });

  it('gives signed-in users every amount as of the day asked for', async () => {
    const ministerium = await login(server.url, 'ministerium');
    const full = (await ministerium.json<FoerderungUebersicht>('GET', `/api/foerderung?jahr=${JAHR}&kreis=${kreisA}`))
      .body;
    expect(jahrIn(full)).toMatchObject({ anzahl: 1, beantragtCent: AMOUNT_OF_THE_LONE_ONE, oeffentlichAm: null });
    expect(full.nachKreis.find((k) => k.kreis === kreisA)).toMatchObject({ beantragtCent: AMOUNT_OF_THE_LONE_ONE });
    const kpi = (await lpr.json<KpiSnapshot>('GET', `/api/kpi?kreis=${kreisA}&stand=${JAHR}-03-01`)).body.foerderung;
    expect(kpi).toMatchObject({ verborgen: false, beantragtCent: AMOUNT_OF_THE_LONE_ONE });
  });

  it('gives a kiosk screen every figure only when the LPR allowed it for that link', async () => {
    const link = async (zeigtKleineFoerderzahlen: boolean) =>
      (
        await lpr.json<{ link: KioskLink; token: string }>('POST', '/api/kiosk-links', {
          name: zeigtKleineFoerderzahlen ? 'Saal mit Förderzahlen' : 'Saal öffentlich',
          zeigtKleineFoerderzahlen,
        })
      ).body;
    const [erlaubt, oeffentlich] = [await link(true), await link(false)];
    const asScreen = async (token: string) => {
      const response = await fetch(`${server.url}/api/foerderung?jahr=${JAHR}&kreis=${kreisA}`, {
        headers: { authorization: `Kiosk ${token}` },
      });
      expect(response.status).toBe(200);
      return jahrIn((await response.json()) as FoerderungUebersicht);
    };
    expect(await asScreen(erlaubt.token)).toMatchObject({ verborgen: false, beantragtCent: AMOUNT_OF_THE_LONE_ONE });
    expect((await asScreen(oeffentlich.token)).verborgen).toBe(true);
    expect((await lpr.request('DELETE', `/api/kiosk-links/${erlaubt.link.id}`)).status).toBe(204);
    expect((await asScreen(erlaubt.token)).verborgen).toBe(true);
  });

  it('sends the public no funding event at all, and no Kommune version', async () => {
    const [kommune] = await gemeindenInZweiKreisen(lpr, 'goerlitz');
    const { socket, received } = await visitor.socket();
    try {
      await bewerben(lpr, kommune.ags, [{ beantragtCent: 700_000 }], 2034);
      await expect.poll(() => received.map((e) => e.type)).toEqual(['meilenstein:recorded']);
      // A moment longer, so a funding event that should not arrive would have.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(received.map(({ type, ags, version, actor }) => ({ type, ags, version, actor }))).toEqual([
        { type: 'meilenstein:recorded', ags: kommune.ags, version: null, actor: null },
      ]);
      expect((await visitor.json<KommuneDetail>('GET', `/api/kommunen/${kommune.ags}`)).body.version).toBeNull();
    } finally {
      socket.disconnect();
    }
  });

  it('answers every public request of the demo years with Land figures as of a quarter end, nothing else', async () => {
    const alle = (await lpr.json<FoerderantragRecord[]>('GET', '/api/foerderantraege')).body;
    const jahre = [...new Set(alle.map((a) => a.haushaltsjahr))];
    const stichtage = [HEUTE, ...QUARTALSENDEN.slice(-12).flatMap((q) => [q, addDays(q, 1), addDays(q, -1)])];
    for (const jahr of jahre) {
      const ofYear = alle.filter((a) => a.haushaltsjahr === jahr);
      for (const stand of stichtage) {
        const view = (await visitor.json<FoerderungUebersicht>('GET', `/api/foerderung?jahr=${jahr}&stand=${stand}`))
          .body;
        const row = jahrIn(view, jahr);
        expect(row.verborgen).toBe(false);
        if (row.verborgen) continue;
        for (const kennzahl of OEFFENTLICHE_KENNZAHLEN) {
          const am = row.oeffentlichAm![kennzahl];
          expect(QUARTALSENDEN, `${jahr} ${kennzahl} ${stand}`).toContain(am);
          expect(am <= stand).toBe(true);
          expect(row[kennzahl]).toBe(ofYear.reduce((sum, a) => sum + beitraegeAm(a, am)[kennzahl], 0));
        }
      }
    }
  }, 120_000);
});
