import { describe, expect, it } from 'vitest';
import type { MeilensteinRecord } from './api.ts';
import { beschreibeEreignis } from './ereignis.ts';
import { publicMeilenstein } from './events.ts';

const meilenstein: MeilensteinRecord = {
  id: 7,
  ags: '14626610',
  kind: 'erstberatung',
  date: '2025-02-14',
  notiz: null,
  quelle: null,
  unterzeichnungId: null,
  synthetisch: false,
  erfasstAm: '2025-02-14T09:00:00.000Z',
  erfasstVon: 'Demo LPR-Team',
  zurueckgezogen: null,
};
const head = { seq: 1, version: 2, actor: 'Demo LPR-Team', at: '2026-11-21T10:00:00.000Z' };

describe('a change in words', () => {
  it('names the recorded meilenstein with its date', () => {
    expect(
      beschreibeEreignis({
        ...head,
        type: 'meilenstein:recorded',
        ags: meilenstein.ags,
        before: null,
        after: meilenstein,
      }),
    ).toEqual({
      was: 'Meilenstein erfasst: Erstberatung vom 14.02.2025',
      details: [],
    });
  });

  it('shows each corrected field before → after, and only those', () => {
    const after = { ...meilenstein, date: '2025-02-17', notiz: 'im Rathaus' };
    expect(
      beschreibeEreignis({ ...head, type: 'meilenstein:corrected', ags: meilenstein.ags, before: meilenstein, after }),
    ).toEqual({
      was: 'Meilenstein korrigiert: Erstberatung vom 14.02.2025',
      details: ['Datum: 14.02.2025 → 17.02.2025', 'Notiz: – → „im Rathaus“'],
    });
  });

  it('gives the reason of a withdrawal', () => {
    const after = { ...meilenstein, zurueckgezogen: { am: '2026-11-21', von: 'x', grund: 'Doppelt erfasst' } };
    const withdrawn = {
      ...head,
      type: 'meilenstein:withdrawn' as const,
      ags: meilenstein.ags,
      before: meilenstein,
      after,
    };
    expect(beschreibeEreignis(withdrawn).details).toEqual(['Grund: Doppelt erfasst']);
  });

  it('describes what the public sees of a meilenstein (kind and date only)', () => {
    const pub = publicMeilenstein({ ...meilenstein, kind: 'kpr_gegruendet', date: '2024-05-01', notiz: 'intern' });
    const after = publicMeilenstein({ ...meilenstein, kind: 'kpr_gegruendet', date: '2024-05-02', notiz: 'intern' });
    const corrected = {
      ...head,
      type: 'meilenstein:corrected' as const,
      ags: pub.ags,
      actor: null,
      before: pub,
      after,
    };
    expect(beschreibeEreignis(corrected)).toEqual({
      was: 'Meilenstein korrigiert: KPR gegründet vom 01.05.2024',
      details: ['Datum: 01.05.2024 → 02.05.2024'],
    });
  });

  it('shortens a long comment to an excerpt', () => {
    const text = 'a'.repeat(300);
    const kommentar = { id: 1, ags: '14626610', text, at: head.at, erwaehnt: [] };
    const [auszug] = beschreibeEreignis({
      ...head,
      type: 'kommentar:created',
      ags: kommentar.ags,
      before: null,
      after: kommentar,
    }).details;
    expect(auszug).toBe(`„${'a'.repeat(160)} …“`);
  });
});
