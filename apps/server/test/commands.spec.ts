import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kommunen } from '@asskomm/db';
import { TEST_DATABASE_KINDS } from '@asskomm/db/testing';
import type {
  FoerderantragRecord,
  FoerderungUebersicht,
  KommuneDetail,
  KpiPoint,
  KpiSnapshot,
  VisibleEvent,
} from '@asskomm/domain';
import { DEMO_PASSWORD } from '../src/auth/initial-benutzer.ts';
import { TestClient } from './test-client.ts';
import { startTestServer, type RunningServer } from './test-server.ts';

const GOERLITZ = '14626110';
const LEIPZIG = '14713000';

async function as(server: RunningServer, account: string): Promise<TestClient> {
  const client = new TestClient(server.url);
  expect(await client.login(`${account}@demo.asskomm.invalid`, DEMO_PASSWORD)).toBe(200);
  return client;
}

/** A current Gemeinde without any milestone in the demo data, to write on from scratch. */
async function untouchedGemeinde(client: TestClient, pd: string): Promise<KommuneDetail> {
  const list = await client.json<{ ags: string; status: string; polizeidirektion: string }[]>('GET', '/api/kommunen');
  const candidates = list.body.filter(
    (k) => k.ags.length === 8 && k.status === 'kein_kontakt' && k.polizeidirektion === pd,
  );
  for (const candidate of candidates) {
    const detail = (await client.json<KommuneDetail>('GET', `/api/kommunen/${candidate.ags}`)).body;
    if (detail.meilensteine.length === 0 && detail.vorgaenger.length === 0) return detail;
  }
  throw new Error('keine unberührte Gemeinde');
}

describe.each(TEST_DATABASE_KINDS)('commands on %s', (kind) => {
  let server: RunningServer;
  let lpr: TestClient;

  beforeAll(async () => {
    server = await startTestServer(kind);
    lpr = await as(server, 'lpr');
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('records a meilenstein with the version the user saw, and moves the KPIs', async () => {
    const kommune = await untouchedGemeinde(lpr, 'dresden');
    const before = (await lpr.json<KpiSnapshot>('GET', '/api/kpi')).body;
    const verlaufBefore = (await lpr.json<KpiPoint[]>('GET', '/api/kpi/verlauf')).body.at(-1)!;
    const { socket, received } = await lpr.socket();
    const answer = await lpr.json<{ version: number; seq: number }>(
      'POST',
      `/api/kommunen/${kommune.ags}/meilensteine`,
      {
        kind: 'erstberatung',
        date: '2024-03-05',
        notiz: 'Gespräch im Rathaus',
        version: kommune.version,
      },
    );
    expect(answer.status).toBe(201);
    expect(answer.body.version).toBe(kommune.version + 1);
    const after = (await lpr.json<KpiSnapshot>('GET', '/api/kpi')).body;
    expect(after.beraten).toBe(before.beraten + 1);
    // The growth series (cached per committed event) moves too.
    expect((await lpr.json<KpiPoint[]>('GET', '/api/kpi/verlauf')).body.at(-1)!.beraten).toBe(
      verlaufBefore.beraten + 1,
    );
    await expect.poll(() => received.map((e) => e.seq)).toContain(answer.body.seq);
    expect(received.at(-1)).toMatchObject({ type: 'meilenstein:recorded', ags: kommune.ags, actor: 'Demo LPR-Team' });
    socket.close();
    const detail = (await lpr.json<KommuneDetail>('GET', `/api/kommunen/${kommune.ags}`)).body;
    expect(detail.meilensteine).toMatchObject([
      { kind: 'erstberatung', date: '2024-03-05', notiz: 'Gespräch im Rathaus', erfasstVon: 'Demo LPR-Team' },
    ]);
    const visitor = await new TestClient(server.url).json<KommuneDetail>('GET', `/api/kommunen/${kommune.ags}`);
    expect(visitor.body.meilensteine).toMatchObject([{ kind: 'erstberatung', notiz: null, erfasstVon: null }]);
  });

  it('answers a stale version with 409, the current state and who changed it', async () => {
    const kommune = await untouchedGemeinde(lpr, 'chemnitz');
    const first = await lpr.json<{ meilenstein: { id: number }; version: number }>(
      'POST',
      `/api/kommunen/${kommune.ags}/meilensteine`,
      { kind: 'erstberatung', date: '2023-01-10' },
    );
    expect(first.status).toBe(201);
    const seen = first.body.version;
    const korrektur = await lpr.json('PATCH', `/api/meilensteine/${first.body.meilenstein.id}`, {
      notiz: 'Gespräch im Rathaus',
      version: seen,
    });
    expect(korrektur.status).toBe(200);
    // A second correction made on the version seen before the first one.
    const second = await lpr.json<{ error: string; field: string; aktuell: KommuneDetail }>(
      'PATCH',
      `/api/meilensteine/${first.body.meilenstein.id}`,
      { notiz: 'Telefonat', version: seen },
    );
    expect(second.status).toBe(409);
    expect(second.body.error).toMatch(/inzwischen von Demo LPR-Team geändert/);
    expect(second.body.aktuell.version).toBe(seen + 1);
    expect(second.body.aktuell.meilensteine).toMatchObject([{ notiz: 'Gespräch im Rathaus' }]);
  });

  it('adds different milestones at once without a false conflict, and no duplicate', async () => {
    const kommune = await untouchedGemeinde(lpr, 'zwickau');
    // 50 colleagues at once, on 28 different days (the same milestone twice on one day is refused),
    // all having seen the same (now stale) version of the Kommune.
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        lpr.request('POST', `/api/kommunen/${kommune.ags}/meilensteine`, {
          kind: 'erstberatung',
          date: `2022-01-${String((i % 28) + 1).padStart(2, '0')}`,
          version: kommune.version,
        }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(28);
    expect(statuses.filter((s) => s === 422)).toHaveLength(22);
    const detail = (await lpr.json<KommuneDetail>('GET', `/api/kommunen/${kommune.ags}`)).body;
    expect(new Set(detail.meilensteine.map((m) => m.date)).size).toBe(28);
    expect(detail.meilensteine).toHaveLength(28);
    expect(detail.version).toBe(kommune.version + 28);
  });

  it('enforces the rules with a German 422 naming the field, and writes nothing', async () => {
    const kommune = await untouchedGemeinde(lpr, 'leipzig');
    const post = (body: object) =>
      lpr.json<{ error: string; field: string }>('POST', `/api/kommunen/${kommune.ags}/meilensteine`, {
        version: kommune.version,
        ...body,
      });
    expect(await post({ kind: 'erstberatung', date: '2099-01-01' })).toEqual({
      status: 422,
      body: { error: 'Das Datum darf nicht in der Zukunft liegen.', field: 'date' },
    });
    expect((await post({ kind: 'austritt', date: '2024-01-01' })).body).toEqual({
      error: 'Ein Austritt ist nur für ein Mitglied möglich.',
      field: 'kind',
    });
    expect((await post({ kind: 'sicherheitsanalyse_abgeschlossen', date: '2024-01-01' })).body.field).toBe('date');
    expect((await post({ kind: 'erstberatung', date: '2017-06-01' })).status).toBe(400);
    expect((await post({ kind: 'gibtsnicht', date: '2024-01-01' })).body.field).toBe('kind');
    expect((await lpr.json<KommuneDetail>('GET', `/api/kommunen/${kommune.ags}`)).body).toMatchObject({
      version: kommune.version,
      meilensteine: [],
    });
  });

  it('corrects and withdraws with a reason, keeping the record; refuses a withdrawal that breaks the history', async () => {
    const kommune = await untouchedGemeinde(lpr, 'goerlitz');
    let version = kommune.version;
    const record = async (kind: string, date: string) => {
      const answer = await lpr.json<{ meilenstein: { id: number }; version: number }>(
        'POST',
        `/api/kommunen/${kommune.ags}/meilensteine`,
        { kind, date, version },
      );
      expect(answer.status).toBe(201);
      version = answer.body.version;
      return answer.body.meilenstein.id;
    };
    const started = await record('sicherheitsanalyse_begonnen', '2024-02-01');
    await record('sicherheitsanalyse_abgeschlossen', '2024-06-20');
    const corrected = await lpr.json<{ version: number }>('PATCH', `/api/meilensteine/${started}`, {
      date: '2024-02-05',
      version,
    });
    expect(corrected.status).toBe(200);
    version = corrected.body.version;
    const refused = await lpr.json<{ field: string }>('POST', `/api/meilensteine/${started}/zurueckziehen`, {
      grund: 'Irrtum',
      version,
    });
    expect(refused.status).toBe(422);
    const tooLate = await lpr.json('PATCH', `/api/meilensteine/${started}`, { date: '2024-07-01', version });
    expect(tooLate.status).toBe(422);
    const detail = (await lpr.json<KommuneDetail>('GET', `/api/kommunen/${kommune.ags}`)).body;
    expect(detail.meilensteine.map((m) => m.date)).toEqual(['2024-02-05', '2024-06-20']);
    const finished = detail.meilensteine[1]!;
    const withdrawn = await lpr.json('POST', `/api/meilensteine/${finished.id}/zurueckziehen`, {
      grund: 'Doppelt erfasst',
      version,
    });
    expect(withdrawn.status).toBe(200);
    const kept = (await lpr.json<KommuneDetail>('GET', `/api/kommunen/${kommune.ags}`)).body;
    expect(kept.meilensteine[1]).toMatchObject({
      id: finished.id,
      zurueckgezogen: { grund: 'Doppelt erfasst', von: 'Demo LPR-Team' },
    });
    expect(kept.flags.sicherheitsanalyse).toBe('begonnen');
  });

  it('records one unterzeichnung for several Kommunen, all or none', async () => {
    const a = await untouchedGemeinde(lpr, 'chemnitz');
    await lpr.json('POST', `/api/kommunen/${a.ags}/meilensteine`, {
      kind: 'erstberatung',
      date: '2022-05-01',
      version: a.version,
    });
    const list = await lpr.json<{ ags: string; status: string; polizeidirektion: string }[]>('GET', '/api/kommunen');
    const member = list.body.find((k) => k.status.startsWith('mitglied') && k.polizeidirektion === 'chemnitz')!;
    const memberDetail = (await lpr.json<KommuneDetail>('GET', `/api/kommunen/${member.ags}`)).body;
    const aNow = (await lpr.json<KommuneDetail>('GET', `/api/kommunen/${a.ags}`)).body;
    const body = (kommunen: { ags: string; version: number }[]) => ({
      date: '2024-09-10',
      unterzeichner: ['LPR', 'Bürgermeister'],
      kommunen,
    });
    const refused = await lpr.json<{ error: string }>(
      'POST',
      '/api/unterzeichnungen',
      body([
        { ags: aNow.ags, version: aNow.version },
        { ags: member.ags, version: memberDetail.version },
      ]),
    );
    expect(refused).toMatchObject({ status: 422, body: { error: 'Die Kommune ist an diesem Tag bereits Mitglied.' } });
    expect((await lpr.json<KommuneDetail>('GET', `/api/kommunen/${a.ags}`)).body.status).toBe('beraten');
    const b = await untouchedGemeinde(lpr, 'chemnitz');
    const signed = await lpr.json<{ recorded: unknown[]; unterzeichnungId: number }>(
      'POST',
      '/api/unterzeichnungen',
      body([
        { ags: aNow.ags, version: aNow.version },
        { ags: b.ags, version: b.version },
      ]),
    );
    expect(signed.status).toBe(201);
    expect(signed.body.recorded).toHaveLength(2);
    for (const ags of [a.ags, b.ags]) {
      const detail = (await lpr.json<KommuneDetail>('GET', `/api/kommunen/${ags}`)).body;
      expect(detail.status).toBe('mitglied');
      expect(detail.meilensteine.find((m) => m.kind === 'kooperationsvereinbarung')?.unterzeichnungId).toBe(
        signed.body.unterzeichnungId,
      );
      // Who signed and which Kommunen signed together are shown with it, to staff and the public.
      const expected = {
        id: signed.body.unterzeichnungId,
        datum: '2024-09-10',
        unterzeichner: ['LPR', 'Bürgermeister'],
        kommunen: expect.arrayContaining([
          { ags: a.ags, name: a.name },
          { ags: b.ags, name: b.name },
        ]),
      };
      expect(detail.unterzeichnungen).toEqual([expected]);
      const visitor = await new TestClient(server.url).json<KommuneDetail>('GET', `/api/kommunen/${ags}`);
      expect(visitor.body.unterzeichnungen).toEqual([expected]);
    }
  });

  it('keeps foerderung to the RL KommPräv: advice first, 90 %, paid ≤ approved; versions; not public per application', async () => {
    const kommune = await untouchedGemeinde(lpr, 'leipzig');
    const antrag = {
      ags: kommune.ags,
      haushaltsjahr: 2025,
      zweck: 'projekt',
      handlungsfelder: ['gewalt'],
      eingereichtAm: '2024-09-20',
      beantragtCent: 1_800_000,
      foerderfaehigCent: 2_000_000,
    };
    const unadvised = await lpr.json<{ field: string; error: string }>('POST', '/api/foerderantraege', antrag);
    expect(unadvised).toMatchObject({ status: 422, body: { field: 'eingereichtAm' } });
    await lpr.json('POST', `/api/kommunen/${kommune.ags}/meilensteine`, {
      kind: 'erstberatung',
      date: '2024-05-01',
      version: kommune.version,
    });
    const created = await lpr.json<{ antrag: FoerderantragRecord }>('POST', '/api/foerderantraege', antrag);
    expect(created.status).toBe(201);
    const { id, version } = created.body.antrag;
    const { ags: _ags, ...fields } = antrag;
    const tooMuch = await lpr.json<{ field: string }>('PUT', `/api/foerderantraege/${id}`, {
      ...fields,
      entscheidung: { datum: '2025-02-01', art: 'bewilligt' },
      bewilligtCent: 1_800_001,
      version,
    });
    expect(tooMuch).toMatchObject({ status: 422, body: { field: 'bewilligtCent' } });
    const approved = await lpr.json<{ antrag: FoerderantragRecord }>('PUT', `/api/foerderantraege/${id}`, {
      ...fields,
      entscheidung: { datum: '2025-02-01', art: 'bewilligt' },
      bewilligtCent: 1_700_000,
      version,
    });
    expect(approved.status).toBe(200);
    const stale = await lpr.json('POST', `/api/foerderantraege/${id}/auszahlungen`, {
      datum: '2025-04-01',
      betragCent: 100_000,
      version,
    });
    // The one 409 shape: the application as it is now and the change that made it so.
    expect(stale).toMatchObject({
      status: 409,
      body: {
        field: 'version',
        aktuell: { id, version: approved.body.antrag.version },
        letzteAenderung: { type: 'foerderantrag:saved', actor: 'Demo LPR-Team', after: { id } },
      },
    });
    const newVersion = approved.body.antrag.version;
    const over = await lpr.json('POST', `/api/foerderantraege/${id}/auszahlungen`, {
      datum: '2025-04-01',
      betragCent: 1_700_001,
      version: newVersion,
    });
    expect(over.status).toBe(422);
    const paid = await lpr.json<{ antrag: FoerderantragRecord }>('POST', `/api/foerderantraege/${id}/auszahlungen`, {
      datum: '2025-04-01',
      betragCent: 850_000,
      version: newVersion,
    });
    expect(paid.status).toBe(201);
    expect(paid.body.antrag).toMatchObject({
      status: 'ausgezahlt',
      auszahlungen: [{ datum: '2025-04-01', betragCent: 850_000 }],
    });

    const visitor = new TestClient(server.url);
    expect((await visitor.request('GET', '/api/foerderantraege')).status).toBe(401);
    const overview = await visitor.json<FoerderungUebersicht>('GET', '/api/foerderung?jahr=2025');
    expect(overview.status).toBe(200);
    expect(JSON.stringify(overview.body)).not.toContain(kommune.ags);
    const year = overview.body.jahre.find((j) => j.haushaltsjahr === 2025)!;
    expect(year.bewilligtCent).toBeGreaterThanOrEqual(1_700_000);
    const kpi = (await visitor.json<KpiSnapshot>('GET', '/api/kpi?stand=2025-12-31')).body.foerderung;
    expect(kpi).toMatchObject({
      haushaltsjahr: 2025,
      bewilligtCent: year.bewilligtCent,
      ausgezahltCent: year.ausgezahltCent,
    });
  });

  it('answers a retried command with the same Idempotency-Key as the first time and writes once', async () => {
    const kommune = await untouchedGemeinde(lpr, 'chemnitz');
    const body = { kind: 'erstberatung', date: '2024-02-01', version: kommune.version };
    const send = async (key: string, payload: unknown = body) => {
      const response = await lpr.request('POST', `/api/kommunen/${kommune.ags}/meilensteine`, payload, {
        'idempotency-key': key,
      });
      return { status: response.status, body: (await response.json()) as { seq: number; version: number } };
    };
    const first = await send('erfassen-1');
    expect(first.status).toBe(201);
    expect(await send('erfassen-1')).toEqual(first);
    // Two at once with a new key (a double click): one writes, both get its answer.
    const [a, b] = await Promise.all([
      send('erfassen-2', { ...body, date: '2024-03-01', version: first.body.version }),
      send('erfassen-2', { ...body, date: '2024-03-01', version: first.body.version }),
    ]);
    expect(a).toEqual(b);
    expect(a.status).toBe(201);
    const history = await lpr.json<VisibleEvent[]>('GET', `/api/kommunen/${kommune.ags}/verlauf`);
    expect(history.body.map((e) => e.seq)).toEqual([a.body.seq, first.body.seq]);
    expect((await lpr.json<KommuneDetail>('GET', `/api/kommunen/${kommune.ags}`)).body.version).toBe(a.body.version);
    // The same key for another request is refused; a malformed key too.
    expect(await send('erfassen-1', { ...body, date: '2024-04-01' })).toMatchObject({
      status: 422,
      body: { field: 'Idempotency-Key' },
    });
    expect((await send('kein Schlüssel!')).status).toBe(400);
  });

  it('answers a visitor 401 at once, without waiting for a lock another write holds on the Kommune', async () => {
    let release!: () => void;
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holding = server.test.db.transaction().execute(async (trx) => {
      await kommunen.lockInScope(trx, { kind: 'land' }, GOERLITZ);
      locked();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await isLocked;
    try {
      const started = Date.now();
      const answer = await new TestClient(server.url).request('POST', `/api/kommunen/${GOERLITZ}/meilensteine`, {
        kind: 'coaching_begonnen',
        date: '2024-01-01',
        version: 0,
      });
      expect(answer.status).toBe(401);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      release();
      await holding;
    }
  });

  it('lets only editors write: 401 visitors, 403 read-only roles in scope, 404 outside the scope', async () => {
    const body = { kind: 'coaching_begonnen', date: '2024-01-01', version: 0 };
    const visitor = new TestClient(server.url);
    expect((await visitor.request('POST', `/api/kommunen/${GOERLITZ}/meilensteine`, body)).status).toBe(401);
    expect(
      (await (await as(server, 'ministerium')).request('POST', `/api/kommunen/${GOERLITZ}/meilensteine`, body)).status,
    ).toBe(403);
    const goerlitz = await as(server, 'pd-goerlitz');
    expect((await goerlitz.request('POST', `/api/kommunen/${GOERLITZ}/meilensteine`, body)).status).toBe(403);
    expect((await goerlitz.request('POST', `/api/kommunen/${LEIPZIG}/meilensteine`, body)).status).toBe(404);
    expect((await goerlitz.request('GET', `/api/kommunen/${LEIPZIG}`)).status).toBe(404);
  });

  it('answers malformed bodies on every command with 400, never 500', async () => {
    const paths = [
      ['POST', `/api/kommunen/${GOERLITZ}/meilensteine`],
      ['PATCH', '/api/meilensteine/1'],
      ['POST', '/api/meilensteine/1/zurueckziehen'],
      ['POST', '/api/unterzeichnungen'],
      ['POST', '/api/foerderantraege'],
      ['PUT', '/api/foerderantraege/1'],
      ['POST', '/api/foerderantraege/1/auszahlungen'],
      ['POST', '/api/benutzer'],
      ['PATCH', '/api/benutzer/1'],
      ['POST', '/api/auth/login'],
      ['POST', '/api/auth/ansicht'],
    ] as const;
    const admin = await as(server, 'admin');
    const bodies: unknown[] = [
      JSON.stringify({ kind: 'erstberatung', date: '2024-01-01', notiz: 'a\u0000b', version: 0 }),
      '{"kaputt',
      '[]',
      'null',
      '"text"',
      '42',
      JSON.stringify({ version: 'x', date: 5, kind: [] }),
      JSON.stringify({ ['x'.repeat(100)]: 1 }),
    ];
    for (const [method, path] of paths) {
      for (const body of bodies) {
        const response = await admin.request(method, path, body as string);
        expect({ method, path, body, status: response.status }).toEqual({ method, path, body, status: 400 });
        expect(((await response.json()) as { error: string }).error.length).toBeGreaterThan(5);
      }
    }
  });

  it('restores the demo state on an admin command, and tells every open screen', async () => {
    const demo = (await lpr.json<KpiSnapshot>('GET', '/api/kpi?stand=2021-09-01')).body;
    const kommune = await untouchedGemeinde(lpr, 'dresden');
    await lpr.json('POST', `/api/kommunen/${kommune.ags}/meilensteine`, {
      kind: 'erstberatung',
      date: '2021-03-01',
      version: kommune.version,
    });
    expect((await lpr.json<KpiSnapshot>('GET', '/api/kpi?stand=2021-09-01')).body.beraten).toBeGreaterThan(
      demo.beraten,
    );
    expect((await lpr.request('POST', '/api/admin/demo-zuruecksetzen')).status).toBe(404);
    const admin = await as(server, 'admin');
    const { socket, received } = await lpr.socket();
    expect((await admin.request('POST', '/api/admin/demo-zuruecksetzen')).status).toBe(200);
    await expect.poll(() => received.map((e) => e.type)).toContain('demo:reset');
    socket.close();
    const restored = (await lpr.json<KpiSnapshot>('GET', '/api/kpi?stand=2021-09-01')).body;
    expect({ ...restored, foerderung: null }).toEqual({ ...demo, foerderung: null });
    expect((await lpr.json<KommuneDetail>('GET', `/api/kommunen/${kommune.ags}`)).body.meilensteine).toEqual([]);
  });
});
