import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { TEST_DATABASE_KINDS } from '@asskomm/db/testing';
import { NOT_FOUND, todayInSaxony } from '@asskomm/domain';
import { demoBenutzer } from './test-client.ts';
import { startSecondNode, useTestServer } from './test-server.ts';

/** One past the largest value of the `integer` id columns. */
const TOO_LARGE_ID = 2_147_483_648;
const TOMORROW = new Date(Date.now() + 36 * 3600_000);

/** Every route that names a record by id in its path: such an id names nothing (404). */
const ID_ROUTES: [method: string, path: string, body?: unknown][] = [
  ['PATCH', `/api/meilensteine/${TOO_LARGE_ID}`, { date: '2024-01-01', version: 0 }],
  ['POST', `/api/meilensteine/${TOO_LARGE_ID}/zurueckziehen`, { grund: 'Test', version: 0 }],
  ['PUT', `/api/foerderantraege/${TOO_LARGE_ID}`, {}],
  ['POST', `/api/foerderantraege/${TOO_LARGE_ID}/auszahlungen`, { datum: '2024-01-01', betragCent: 1, version: 0 }],
  ['DELETE', `/api/kiosk-links/${TOO_LARGE_ID}`],
  ['PATCH', `/api/benutzer/${TOO_LARGE_ID}`, { name: 'X' }],
  ['POST', `/api/benutzer/${TOO_LARGE_ID}/password`, { password: 'ein-langes-passwort-123' }],
];

/** Every read that takes a date, with the days it refuses: after the horizon; for a time series after today. */
const DATE_READS: [read: string, tooLate: string[]][] = [
  ['/api/kpi/verlauf?bis=', [todayInSaxony(TOMORROW), '2400-12-31', '9999-12-31']],
  ['/api/kpi?stand=', ['2400-12-31', '9999-12-31']],
  ['/api/kommunen?stand=', ['2400-12-31', '9999-12-31']],
  ['/api/foerderung?stand=', ['2400-12-31', '9999-12-31']],
  ['/api/foerderantraege?stand=', ['9999-12-31']],
];

describe.each(TEST_DATABASE_KINDS)('bounded input (%s)', (kind) => {
  const server = useTestServer(kind);

  it('answers an id beyond the columns’ range as naming nothing, never with a 500', async () => {
    const admin = await demoBenutzer(server.url, 'admin');
    for (const [method, path, body] of ID_ROUTES) {
      const { status, body: answer } = await admin.json<{ error: string }>(method, path, body);
      expect({ method, path, status }).toEqual({ method, path, status: 404 });
      expect(answer.error).toBe(NOT_FOUND);
    }
    const { status, body } = await admin.json<{ error: string }>('POST', '/api/benachrichtigungen/gelesen', {
      ids: [TOO_LARGE_ID],
    });
    expect(status).toBe(400);
    expect(body.error).toBe('Parameter „ids.0“: ist keine gültige Nummer');
  });

  it('refuses a day after today or after the horizon with a German 400', async () => {
    const lpr = await demoBenutzer(server.url, 'lpr');
    for (const [read, tooLate] of DATE_READS) {
      for (const day of tooLate) {
        const { status, body } = await lpr.json<{ error: string }>('GET', `${read}${day}`);
        expect({ read, day, status }).toEqual({ read, day, status: 400 });
        expect(body.error).toMatch(/Zukunft|nach dem 2099-12-31/);
      }
    }
    expect((await lpr.json('GET', `/api/kpi/verlauf?bis=${todayInSaxony()}`)).status).toBe(200);
  });

  it('refuses an amount above 100 Mio. €', async () => {
    const lpr = await demoBenutzer(server.url, 'lpr');
    const { status, body } = await lpr.json<{ error: string; field: string }>('POST', '/api/foerderantraege', {
      ags: '14626110',
      haushaltsjahr: 2025,
      zweck: 'projekt',
      eingereichtAm: '2025-01-10',
      beantragtCent: 10_000_000_001,
      foerderfaehigCent: 10_000_000_001,
    });
    expect(status).toBe(400);
    expect(body.error).toContain('100.000.000');
  });
});

// PGlite has no statement_timeout (it runs on the server's thread; see docs/architecture.md).
describe.runIf(TEST_DATABASE_KINDS.includes('postgres'))('the statement budget (postgres)', () => {
  const server = useTestServer('postgres');

  it('cancels a statement that waits past its budget, answers 503 in German and serves again afterwards', async () => {
    const budgeted = await startSecondNode(server, { statementTimeoutMs: 300 });
    try {
      // A colleague's long migration, say: every read of the Kommunen waits for this lock.
      await server.test.db.transaction().execute(async (trx) => {
        await sql`lock table kommune in access exclusive mode`.execute(trx);
        const started = Date.now();
        const blocked = await fetch(`${budgeted.url}/api/kommunen`);
        expect(blocked.status).toBe(503);
        expect(((await blocked.json()) as { error: string }).error).toMatch(/zu lange gedauert/);
        expect(Date.now() - started).toBeLessThan(5_000);
      });
      expect((await fetch(`${budgeted.url}/api/kommunen`)).status).toBe(200);
    } finally {
      await budgeted.stop();
    }
  });
});
