import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { TEST_DATABASE_KINDS } from '@asskomm/db/testing';
import {
  POLIZEIDIREKTION_IDS,
  type Ansprechpartner,
  type KommentarThread,
  type KommuneDetail,
  type KommuneSummary,
  type StocktSchwellen,
  type StocktZeile,
  type VersionConflict,
  type VisibleEvent,
  type Wiedervorlage,
  type WiedervorlageZeile,
} from '@asskomm/domain';
import { demoBenutzer, TestClient } from './test-client.ts';
import { useTestServer } from './test-server.ts';

const GOERLITZ = '14626110'; // Görlitz, PD Görlitz
const LEIPZIG = '14713000'; // Leipzig, PD Leipzig

const POLIZEIKONTAKT = {
  rolle: 'buergerpolizist',
  name: 'Jana Testfall',
  organisation: 'Polizeirevier Görlitz (Test)',
  telefon: '03581 0123 99',
  email: 'jana.testfall@polizei.test.invalid',
  rechtsgrundlage: 'oeffentliche_aufgabe',
};

const inTagen = (tage: number) => new Date(Date.now() + tage * 86_400_000).toISOString().slice(0, 10);

describe.each(TEST_DATABASE_KINDS)('contacts and next steps on %s', (kind) => {
  const server = useTestServer(kind);

  it('gives every Polizeidirektion demo contacts (public and not) and an open next step', async () => {
    const lpr = await demoBenutzer(server.url, 'lpr');
    const kommunen = (await lpr.json<KommuneSummary[]>('GET', '/api/kommunen')).body;
    const pdOf = new Map(kommunen.map((k) => [k.ags, k.polizeidirektion]));
    const vorlagen = (await lpr.json<WiedervorlageZeile[]>('GET', '/api/wiedervorlagen')).body;
    for (const pd of POLIZEIDIREKTION_IDS) {
      const eigene = vorlagen.filter((w) => pdOf.get(w.ags) === pd);
      expect(
        eigene.some((w) => !w.erledigt),
        pd,
      ).toBe(true);
      const kontakte = (
        await Promise.all(
          [...new Set(eigene.map((w) => w.ags))].map(
            async (ags) => (await lpr.json<Ansprechpartner[]>('GET', `/api/kommunen/${ags}/ansprechpartner`)).body,
          ),
        )
      ).flat();
      expect(
        kontakte.some((a) => a.oeffentlich),
        pd,
      ).toBe(true);
      expect(
        kontakte.some((a) => !a.oeffentlich),
        pd,
      ).toBe(true);
      // Invented people: addresses that are never delivered, numbers no subscriber has.
      for (const a of kontakte) {
        expect(a.synthetisch).toBe(true);
        expect(a.email).toMatch(/\.invalid$/);
        expect(a.telefon).toMatch(/^0\d{3,4} 0/);
      }
    }
  });

  it('shows the public only the public contacts, without notes, and 404 outside the scope', async () => {
    const lpr = await demoBenutzer(server.url, 'lpr');
    const [mitKontakten] = (await lpr.json<Wiedervorlage[]>('GET', '/api/wiedervorlagen?pd=goerlitz')).body;
    const ags = mitKontakten!.ags;
    const alle = (await lpr.json<Ansprechpartner[]>('GET', `/api/kommunen/${ags}/ansprechpartner`)).body;
    const oeffentlich = await new TestClient(server.url).json<Ansprechpartner[]>(
      'GET',
      `/api/kommunen/${ags}/ansprechpartner`,
    );
    expect(oeffentlich.status).toBe(200);
    expect(oeffentlich.body.map((a) => a.id)).toEqual(alle.filter((a) => a.oeffentlich).map((a) => a.id));
    expect(oeffentlich.body.every((a) => a.notiz === null && a.version === null)).toBe(true);
    const hidden = alle.filter((a) => !a.oeffentlich);
    const text = JSON.stringify(oeffentlich.body);
    for (const a of hidden) {
      expect(text).not.toContain(a.name);
      expect((await new TestClient(server.url).request('GET', `/api/ansprechpartner/${a.id}/vcard`)).status).toBe(404);
    }
    const vcard = await new TestClient(server.url).request(
      'GET',
      `/api/ansprechpartner/${oeffentlich.body[0]!.id}/vcard`,
    );
    expect(vcard.headers.get('content-type')).toMatch(/^text\/vcard/);
    expect(await vcard.text()).toContain(`FN:${oeffentlich.body[0]!.name}`);

    const leipzig = await demoBenutzer(server.url, 'pd-leipzig');
    expect((await leipzig.request('GET', `/api/kommunen/${ags}/ansprechpartner`)).status).toBe(404);
    expect((await leipzig.request('GET', `/api/ansprechpartner/${alle[0]!.id}/vcard`)).status).toBe(404);
    expect((await new TestClient(server.url).request('GET', '/api/wiedervorlagen')).status).toBe(401);
    const imBereich = (await leipzig.json<WiedervorlageZeile[]>('GET', '/api/wiedervorlagen')).body;
    expect(imBereich.length).toBeGreaterThan(0);
    expect(imBereich.every((w) => w.polizeidirektion === 'leipzig')).toBe(true);
    expect((await leipzig.request('GET', '/api/wiedervorlagen?pd=goerlitz')).status).toBe(404);
  });

  it('lets a Polizeidirektion keep the police contacts of its area, and only those', async () => {
    const goerlitz = await demoBenutzer(server.url, 'pd-goerlitz');
    const created = await goerlitz.json<{ ansprechpartner: Ansprechpartner }>(
      'POST',
      `/api/kommunen/${GOERLITZ}/ansprechpartner`,
      POLIZEIKONTAKT,
    );
    expect(created.status).toBe(201);
    expect(created.body.ansprechpartner).toMatchObject({ ...POLIZEIKONTAKT, oeffentlich: false, version: 1 });
    const kpr = await goerlitz.json('POST', `/api/kommunen/${GOERLITZ}/ansprechpartner`, {
      ...POLIZEIKONTAKT,
      rolle: 'kpr_vorsitz',
    });
    expect(kpr.status).toBe(403);
    expect((await goerlitz.request('POST', `/api/kommunen/${LEIPZIG}/ansprechpartner`, POLIZEIKONTAKT)).status).toBe(
      404,
    );
    const ministerium = await demoBenutzer(server.url, 'ministerium');
    expect(
      (await ministerium.request('POST', `/api/kommunen/${GOERLITZ}/ansprechpartner`, POLIZEIKONTAKT)).status,
    ).toBe(403);
  });

  it('refuses bad values with a German 422 naming the field, and writes nothing', async () => {
    const lpr = await demoBenutzer(server.url, 'lpr');
    const vorher = {
      kontakte: (await lpr.json<Ansprechpartner[]>('GET', `/api/kommunen/${GOERLITZ}/ansprechpartner`)).body.length,
      vorlagen: (await lpr.json<Wiedervorlage[]>('GET', `/api/wiedervorlagen?ags=${GOERLITZ}`)).body.length,
    };
    const kontakt = (body: object) =>
      lpr.json<{ error: string; field: string }>('POST', `/api/kommunen/${GOERLITZ}/ansprechpartner`, {
        ...POLIZEIKONTAKT,
        ...body,
      });
    for (const [body, field, message] of [
      [{ telefon: 'bitte anrufen' }, 'telefon', /keine gültige Telefonnummer/],
      [{ email: 'jana.testfall' }, 'email', /keine gültige E-Mail-Adresse/],
      [{ oeffentlich: true }, 'oeffentlich', /Einwilligung/],
      [{ rechtsgrundlage: 'einwilligung' }, 'einwilligungAm', /Datum der Einwilligung/],
      [{ rolle: 'asskomm_coach' }, 'benutzerId', /Benutzerkonten des LPR/],
    ] as const) {
      const answer = await kontakt(body);
      expect({ status: answer.status, field: answer.body.field }).toEqual({ status: 422, field });
      expect(answer.body.error).toMatch(message);
    }
    const thread = await lpr.json<KommentarThread>('GET', `/api/kommunen/${LEIPZIG}/kommentare`);
    const pdLeipzig = thread.body.erwaehnbar.find((u) => u.name === 'Demo PD Leipzig')!;
    const vorlage = (body: object) =>
      lpr.json<{ error: string; field: string }>('POST', `/api/kommunen/${GOERLITZ}/wiedervorlagen`, {
        was: 'Rückruf Bürgermeisteramt',
        faelligAm: inTagen(7),
        ...body,
      });
    for (const [body, field, message] of [
      [{ faelligAm: '2018-12-31' }, 'faelligAm', /nicht vor dem 01\.01\.2019/],
      [{ faelligAm: inTagen(5 * 366 + 2) }, 'faelligAm', /höchstens 5 Jahre/],
      [{ zustaendigId: pdLeipzig.id }, 'zustaendigId', /kann die Kommune nicht sehen/],
    ] as const) {
      const answer = await vorlage(body);
      expect({ status: answer.status, field: answer.body.field }).toEqual({ status: 422, field });
      expect(answer.body.error).toMatch(message);
    }
    expect((await lpr.json<Ansprechpartner[]>('GET', `/api/kommunen/${GOERLITZ}/ansprechpartner`)).body.length).toBe(
      vorher.kontakte,
    );
    expect((await lpr.json<Wiedervorlage[]>('GET', `/api/wiedervorlagen?ags=${GOERLITZ}`)).body.length).toBe(
      vorher.vorlagen,
    );
  });

  it('checks the version per record: different records at once both land, a stale one answers 409', async () => {
    const lpr = await demoBenutzer(server.url, 'lpr');
    const goerlitz = await demoBenutzer(server.url, 'pd-goerlitz');
    const kommune = (await lpr.json<KommuneDetail>('GET', `/api/kommunen/${GOERLITZ}`)).body;
    const [a, b, c, d] = await Promise.all([
      lpr.json<{ ansprechpartner: Ansprechpartner }>('POST', `/api/kommunen/${GOERLITZ}/ansprechpartner`, {
        ...POLIZEIKONTAKT,
        name: 'Erste Person',
      }),
      goerlitz.json<{ ansprechpartner: Ansprechpartner }>('POST', `/api/kommunen/${GOERLITZ}/ansprechpartner`, {
        ...POLIZEIKONTAKT,
        name: 'Zweite Person',
      }),
      lpr.json<{ wiedervorlage: Wiedervorlage }>('POST', `/api/kommunen/${GOERLITZ}/wiedervorlagen`, {
        was: 'Erste Wiedervorlage',
        faelligAm: inTagen(3),
      }),
      goerlitz.json<{ wiedervorlage: Wiedervorlage }>('POST', `/api/kommunen/${GOERLITZ}/wiedervorlagen`, {
        was: 'Zweite Wiedervorlage',
        faelligAm: inTagen(4),
      }),
    ]);
    expect([a.status, b.status, c.status, d.status]).toEqual([201, 201, 201, 201]);
    // Contacts and next steps carry their own version: the Kommune's stays, so its forms do not go stale.
    expect((await lpr.json<KommuneDetail>('GET', `/api/kommunen/${GOERLITZ}`)).body.version).toBe(kommune.version);

    const kontakt = a.body.ansprechpartner;
    const erste = await goerlitz.json<{ ansprechpartner: Ansprechpartner }>(
      'PATCH',
      `/api/ansprechpartner/${kontakt.id}`,
      {
        telefon: '03581 0555 12',
        version: kontakt.version,
      },
    );
    expect(erste.status).toBe(200);
    expect(erste.body.ansprechpartner).toMatchObject({ telefon: '03581 0555 12', version: kontakt.version + 1 });
    const spaete = await lpr.json<VersionConflict>('PATCH', `/api/ansprechpartner/${kontakt.id}`, {
      notiz: 'Urlaub bis März',
      version: kontakt.version,
    });
    expect(spaete.status).toBe(409);
    expect(spaete.body.error).toMatch(/Dieser Ansprechpartner wurde inzwischen von Demo PD Görlitz geändert/);
    expect(spaete.body.aktuell).toMatchObject({
      id: kontakt.id,
      telefon: '03581 0555 12',
      version: kontakt.version + 1,
    });
    expect(spaete.body.letzteAenderung).toMatchObject({ type: 'ansprechpartner:saved', actor: 'Demo PD Görlitz' });

    const vorlage = c.body.wiedervorlage;
    const erledigt = await goerlitz.json<{ wiedervorlage: Wiedervorlage }>(
      'PATCH',
      `/api/wiedervorlagen/${vorlage.id}`,
      {
        erledigt: true,
        version: vorlage.version,
      },
    );
    expect(erledigt.status).toBe(200);
    expect(erledigt.body.wiedervorlage).toMatchObject({ erledigt: true, erledigtVon: 'Demo PD Görlitz' });
    const stale = await lpr.json<VersionConflict>('PATCH', `/api/wiedervorlagen/${vorlage.id}`, {
      was: 'Anders formuliert',
      version: vorlage.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.aktuell).toMatchObject({ id: vorlage.id, erledigt: true });
  });

  it('lists my next steps and the area, overdue first, and as CSV', async () => {
    const goerlitz = await demoBenutzer(server.url, 'pd-goerlitz');
    const meine = (await goerlitz.json<WiedervorlageZeile[]>('GET', '/api/wiedervorlagen?zustaendig=ich&erledigt=nein'))
      .body;
    expect(meine.length).toBeGreaterThan(0);
    expect(meine.every((w) => w.zustaendig?.name === 'Demo PD Görlitz' && !w.erledigt)).toBe(true);
    const faellig = meine.map((w) => w.faelligAm);
    expect(faellig).toEqual([...faellig].sort());
    const csv = await goerlitz.request('GET', '/api/wiedervorlagen?zustaendig=ich&format=csv');
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?Wiedervorlagen_\d{4}-\d{2}-\d{2}\.csv"?$/,
    );
    expect(await csv.text()).toContain(meine[0]!.was);
  });

  it("lists what has stalled in the area, follows the LPR's thresholds, and is staff only", async () => {
    expect((await new TestClient(server.url).request('GET', '/api/stockt')).status).toBe(401);
    const lpr = await demoBenutzer(server.url, 'lpr');
    const goerlitz = await demoBenutzer(server.url, 'pd-goerlitz');
    const vorher = (await goerlitz.json<StocktZeile[]>('GET', '/api/stockt')).body;
    expect(vorher.every((z) => z.polizeidirektion === 'goerlitz')).toBe(true);
    expect((await goerlitz.request('GET', '/api/stockt?pd=leipzig')).status).toBe(404);
    const schwellen = (await goerlitz.json<StocktSchwellen>('GET', '/api/stockt/schwellen')).body;
    expect(schwellen).toEqual({
      vorvereinbarungMonate: 6,
      analyseMonate: 9,
      kprMonate: 12,
      kontaktMonate: 12,
      nachweisMonate: 6,
    });

    // Only the LPR sets them; a value out of range is refused naming the field.
    expect((await goerlitz.request('PUT', '/api/stockt/schwellen', { ...schwellen, kprMonate: 1 })).status).toBe(403);
    const falsch = await lpr.json<{ field: string }>('PUT', '/api/stockt/schwellen', { ...schwellen, kprMonate: 0 });
    expect({ status: falsch.status, field: falsch.body.field }).toEqual({ status: 400, field: 'kprMonate' });
    const { socket, received } = await new TestClient(server.url).socket();
    try {
      expect(
        (await lpr.request('PUT', '/api/stockt/schwellen', { ...schwellen, kprMonate: 1, kontaktMonate: 1 })).status,
      ).toBe(200);
      const nachher = (await goerlitz.json<StocktZeile[]>('GET', '/api/stockt')).body;
      expect(nachher.length).toBeGreaterThan(vorher.length);
      // Every member without KPR stalls after one month now.
      const mitglieder = (await goerlitz.json<KommuneSummary[]>('GET', '/api/kommunen')).body.filter(
        (k) => k.status === 'mitglied',
      );
      const ohneKpr = nachher.filter((z) => z.gruende.some((g) => g.grund === 'mitglied_ohne_kpr')).map((z) => z.ags);
      expect(ohneKpr.length).toBeGreaterThan(0);
      expect(ohneKpr.every((ags) => mitglieder.some((k) => k.ags === ags))).toBe(true);
      const csv = await goerlitz.request('GET', '/api/stockt?format=csv');
      expect(await csv.text()).toContain('noch kein KPR');
      await new Promise((r) => setTimeout(r, 300));
      // The public hears nothing of it.
      expect(received.filter((e) => (e.type as string) === 'schwellen:saved')).toEqual([]);
    } finally {
      socket.close();
      await lpr.request('PUT', '/api/stockt/schwellen', schwellen);
    }
  });

  it('erases a person everywhere: no table, event, stored answer, export or history keeps name, phone or e-mail', async () => {
    const goerlitz = await demoBenutzer(server.url, 'pd-goerlitz');
    const lpr = await demoBenutzer(server.url, 'lpr');
    const marke = `Zz${Date.now()}`;
    const schluessel = `loeschen-${Math.random().toString(36).slice(2)}`;
    const person = {
      ...POLIZEIKONTAKT,
      name: `Ilse ${marke}`,
      telefon: '03581 0777 66',
      email: `${marke.toLowerCase()}@loeschen.test.invalid`,
      notiz: `Notiz ${marke}`,
    };
    const created = await goerlitz.request('POST', `/api/kommunen/${GOERLITZ}/ansprechpartner`, person, {
      'idempotency-key': schluessel,
    });
    const kontakt = ((await created.json()) as { ansprechpartner: Ansprechpartner }).ansprechpartner;
    expect(
      (
        await goerlitz.request('PATCH', `/api/ansprechpartner/${kontakt.id}`, {
          organisation: `Revier ${marke}`,
          version: 1,
        })
      ).status,
    ).toBe(200);
    expect(await (await lpr.request('GET', `/api/kommunen/${GOERLITZ}/verlauf`)).text()).toContain(marke);

    // Only someone who may keep the contact erases it.
    const ministerium = await demoBenutzer(server.url, 'ministerium');
    expect((await ministerium.request('DELETE', `/api/ansprechpartner/${kontakt.id}`)).status).toBe(403);
    expect((await new TestClient(server.url).request('DELETE', `/api/ansprechpartner/${kontakt.id}`)).status).toBe(401);
    expect((await goerlitz.request('DELETE', `/api/ansprechpartner/${kontakt.id}`)).status).toBe(200);
    expect((await goerlitz.request('DELETE', `/api/ansprechpartner/${kontakt.id}`)).status).toBe(404);

    // The whole database, table by table, as text: nothing of the person is left.
    const tables = await server.test.db
      .selectFrom('information_schema.tables' as never)
      .select('table_name' as never)
      .where('table_schema' as never, '=', 'public' as never)
      .execute();
    const spuren: string[] = [];
    for (const { table_name: table } of tables as { table_name: string }[]) {
      const { rows } = await sql<{ t: string }>`select t::text as t from ${sql.table(table)} t`.execute(server.test.db);
      for (const { t } of rows) {
        for (const needle of [marke, '0777 66', marke.toLowerCase()])
          if (t.includes(needle)) spuren.push(`${table}: ${needle}`);
      }
    }
    expect(spuren).toEqual([]);
    // Nor any answer, file or history; the history says that a contact of this role was erased, and by whom.
    for (const path of [
      `/api/kommunen/${GOERLITZ}/ansprechpartner`,
      `/api/kommunen/${GOERLITZ}/ansprechpartner?format=csv`,
      `/api/kommunen/${GOERLITZ}/verlauf?format=csv`,
      `/api/aktivitaet`,
    ]) {
      expect(await (await lpr.request('GET', path)).text(), path).not.toContain(marke);
    }
    const [neueste] = (await lpr.json<VisibleEvent[]>('GET', `/api/kommunen/${GOERLITZ}/verlauf?limit=1`)).body;
    expect(neueste).toMatchObject({
      type: 'ansprechpartner:erased',
      actor: 'Demo PD Görlitz',
      after: { id: kontakt.id, rolle: 'buergerpolizist' },
    });
    // A retried create with the same key gets the (scrubbed) first answer and creates nothing again.
    const retry = await goerlitz.request('POST', `/api/kommunen/${GOERLITZ}/ansprechpartner`, person, {
      'idempotency-key': schluessel,
    });
    expect(await retry.text()).not.toContain(marke);
  });
});
