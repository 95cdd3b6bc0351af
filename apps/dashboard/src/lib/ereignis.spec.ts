import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '@asskomm/domain';
import { beschreibeEreignis } from './ereignis';

const meilenstein = { id: 7, ags: '14626610', kind: 'erstberatung', date: '2025-02-14', notiz: null, quelle: null };

function event(type: DomainEvent['type'], before: unknown, after: unknown): DomainEvent {
  return {
    seq: 1,
    type,
    ags: '14626610',
    version: 2,
    actor: 'Demo LPR-Team',
    at: '2026-11-21T10:00:00.000Z',
    before: before as DomainEvent['before'],
    after: after as DomainEvent['after'],
  };
}

describe('a change in words', () => {
  it('names the recorded meilenstein with its date', () => {
    expect(beschreibeEreignis(event('meilenstein:recorded', null, meilenstein))).toEqual({
      was: 'Meilenstein erfasst: Erstberatung vom 14.02.2025',
      details: [],
    });
  });

  it('shows each corrected field before → after, and only those', () => {
    const after = { ...meilenstein, date: '2025-02-17', notiz: 'im Rathaus' };
    expect(beschreibeEreignis(event('meilenstein:corrected', meilenstein, after))).toEqual({
      was: 'Meilenstein korrigiert: Erstberatung vom 14.02.2025',
      details: ['Datum: 14.02.2025 → 17.02.2025', 'Notiz: – → „im Rathaus“'],
    });
  });

  it('gives the reason of a withdrawal', () => {
    const after = { ...meilenstein, zurueckgezogen: { am: '2026-11-21', von: 'x', grund: 'Doppelt erfasst' } };
    expect(beschreibeEreignis(event('meilenstein:withdrawn', meilenstein, after)).details).toEqual([
      'Grund: Doppelt erfasst',
    ]);
  });

  it('describes what the public sees of a meilenstein (kind and date only)', () => {
    const pub = { kind: 'kpr_gegruendet', date: '2024-05-01' };
    expect(beschreibeEreignis(event('meilenstein:corrected', pub, { ...pub, date: '2024-05-02' }))).toEqual({
      was: 'Meilenstein korrigiert: KPR gegründet vom 01.05.2024',
      details: ['Datum: 01.05.2024 → 02.05.2024'],
    });
  });

  it('shortens a long comment to an excerpt', () => {
    const text = 'a'.repeat(300);
    const [auszug] = beschreibeEreignis(event('kommentar:created', null, { id: 1, text, erwaehnt: [] })).details;
    expect(auszug).toBe(`„${'a'.repeat(160)} …“`);
  });
});
