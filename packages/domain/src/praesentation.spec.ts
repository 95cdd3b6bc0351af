import { describe, expect, it } from 'vitest';
import { EMPTY_KPI_COUNTS } from './kpi.ts';
import { kapitel } from './praesentation.ts';

const point = (stand: string, mitglieder: number) => ({ ...EMPTY_KPI_COUNTS, stand, mitglieder });

describe('kapitel', () => {
  const verlauf = [point('2021-10-31', 9), point('2021-11-30', 29), point('2021-12-31', 35), point('2023-09-30', 54)];

  it('names the launch, the Fachtage so far and the month a member count was first reached', () => {
    expect(kapitel(verlauf, '2023-12-31')).toEqual([
      { datum: '2019-02-06', titel: 'Start der Allianz in Chemnitz', art: 'start' },
      { datum: '2021-09-23', titel: 'ASSKomm-Fachtag', art: 'fachtag' },
      { datum: '2021-11-30', titel: '10. Mitglied', art: 'mitglieder' },
      { datum: '2021-11-30', titel: '25. Mitglied', art: 'mitglieder' },
      { datum: '2021-12-31', titel: '30. Mitglied', art: 'mitglieder' },
      { datum: '2023-09-14', titel: 'ASSKomm-Fachtag', art: 'fachtag' },
      { datum: '2023-09-30', titel: '50. Mitglied', art: 'mitglieder' },
    ]);
  });

  it('tells no future: nothing after today', () => {
    expect(kapitel(verlauf, '2021-12-01').map((k) => k.titel)).toEqual([
      'Start der Allianz in Chemnitz',
      'ASSKomm-Fachtag',
      '10. Mitglied',
      '25. Mitglied',
    ]);
  });
});
