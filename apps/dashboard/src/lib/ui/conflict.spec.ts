import { describe, expect, it } from 'vitest';
import type { VisibleEvent } from '@asskomm/domain';
import { konfliktAus } from './conflict';

const letzteAenderung: VisibleEvent = {
  seq: 5,
  type: 'meilenstein:recorded',
  ags: '14626610',
  version: 3,
  actor: 'Demo LPR-Team',
  at: '2026-11-21T10:00:00.000Z',
  before: null,
  after: {
    id: 7,
    ags: '14626610',
    kind: 'kpr_reaktiviert',
    date: '2026-03-01',
    notiz: null,
    quelle: null,
    unterzeichnungId: null,
    synthetisch: false,
    erfasstAm: '2026-03-01T09:00:00.000Z',
    erfasstVon: 'Demo LPR-Team',
    zurueckgezogen: null,
  },
};

describe('a 409 as a conflict', () => {
  it('says who changed what, in the words of the change history', () => {
    const konflikt = konfliktAus({
      ok: false,
      status: 409,
      field: 'version',
      error: 'Diese Kommune wurde inzwischen geändert.',
      body: { aktuell: { version: 3 }, letzteAenderung },
    });
    expect(konflikt?.version).toBe(3);
    expect(konflikt?.aenderung).toBe(
      'Inzwischen von Demo LPR-Team geändert (21.11.2026, 11:00 Uhr): Meilenstein erfasst: KPR reaktiviert vom 01.03.2026.',
    );
  });

  it('is no conflict when the server refused the change for another reason', () => {
    expect(konfliktAus({ ok: false, status: 422, field: 'date', error: 'Datum fehlt' })).toBeNull();
  });
});
