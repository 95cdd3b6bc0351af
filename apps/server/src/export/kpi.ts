import type { KpiPoint } from '@asskomm/domain';
import type { Tabelle } from './tabelle.ts';

/** The growth series (`GET /api/kpi/verlauf?format=…`): every month end and the last day, oldest first. */
export function verlaufTabelle(
  zeilen: readonly KpiPoint[],
  kopf: Pick<Tabelle<unknown>, 'stand' | 'angaben'>,
): Tabelle<KpiPoint> {
  return {
    name: 'Kennzahlen_Verlauf',
    ...kopf,
    zeilen,
    spalten: [
      { titel: 'Stand', art: 'datum', wert: (p) => p.stand },
      { titel: 'beraten', art: 'zahl', wert: (p) => p.beraten },
      { titel: 'Mitglieder', art: 'zahl', wert: (p) => p.mitglieder },
      { titel: 'davon Gemeinden', art: 'zahl', wert: (p) => p.mitgliedGemeinden },
      { titel: 'KPR', art: 'zahl', wert: (p) => p.kpr },
      { titel: 'Koordinierungsstellen', art: 'zahl', wert: (p) => p.koordinierungsstellen },
      { titel: 'Sicherheitsanalysen begonnen', art: 'zahl', wert: (p) => p.sicherheitsanalysenBegonnen },
      { titel: 'Sicherheitsanalysen abgeschlossen', art: 'zahl', wert: (p) => p.sicherheitsanalysenAbgeschlossen },
    ],
  };
}
