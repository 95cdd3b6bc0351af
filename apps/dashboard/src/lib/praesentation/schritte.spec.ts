import { describe, expect, it } from 'vitest';
import type { Kapitel } from '@asskomm/domain';
import { alleSchritte, naechsterSchritt } from './schritte';

const heute = '2026-11-21';
const kapitel: Kapitel[] = [
  { datum: '2019-02-06', titel: 'Start der Allianz in Chemnitz', art: 'start' },
  { datum: '2021-09-23', titel: 'ASSKomm-Fachtag', art: 'fachtag' },
  { datum: '2022-03-31', titel: '30. Mitglied', art: 'mitglieder' },
];
const alle = alleSchritte(kapitel, heute);

describe('steps of the talk', () => {
  it('stops at every chapter of the growth story, then today, between the other scenes', () => {
    expect(alle).toEqual([
      { szene: 'karte', stand: null },
      { szene: 'wachstum', stand: '2019-02-06' },
      { szene: 'wachstum', stand: '2021-09-23' },
      { szene: 'wachstum', stand: '2022-03-31' },
      { szene: 'wachstum', stand: null },
      { szene: 'kpr-foerderung', stand: null },
      { szene: 'polizeidirektionen', stand: null },
    ]);
  });

  it('moves forward chapter by chapter and on to the next scene', () => {
    expect(naechsterSchritt(alle, { szene: 'karte', stand: null }, 1)).toEqual({
      szene: 'wachstum',
      stand: '2019-02-06',
    });
    expect(naechsterSchritt(alle, { szene: 'wachstum', stand: '2022-03-31' }, 1)).toEqual({
      szene: 'wachstum',
      stand: null,
    });
    expect(naechsterSchritt(alle, { szene: 'wachstum', stand: null }, 1)).toEqual({
      szene: 'kpr-foerderung',
      stand: null,
    });
  });

  it('moves back into the story at its end, and stays at the very beginning', () => {
    expect(naechsterSchritt(alle, { szene: 'kpr-foerderung', stand: null }, -1)).toEqual({
      szene: 'wachstum',
      stand: null,
    });
    expect(naechsterSchritt(alle, { szene: 'wachstum', stand: '2019-02-06' }, -1)).toEqual({
      szene: 'karte',
      stand: null,
    });
    expect(naechsterSchritt(alle, { szene: 'karte', stand: null }, -1)).toBeUndefined();
  });

  it('starts again after the last scene, and takes a day between chapters as the chapter before', () => {
    expect(naechsterSchritt(alle, { szene: 'polizeidirektionen', stand: null }, 1)).toEqual({
      szene: 'karte',
      stand: null,
    });
    expect(naechsterSchritt(alle, { szene: 'wachstum', stand: '2022-01-01' }, 1)).toEqual({
      szene: 'wachstum',
      stand: '2022-03-31',
    });
    expect(naechsterSchritt(alle, { szene: 'karte', stand: '2020-01-01' }, 1)).toEqual({
      szene: 'wachstum',
      stand: '2019-02-06',
    });
  });
});
