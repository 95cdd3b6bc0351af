import type { KommuneArt, PolizeidirektionId } from './kommune.ts';
import type { KpiCounts } from './kpi.ts';
import type { Status } from './status.ts';

/** One Kommune on the map and in lists, as of a day (`GET /api/kommunen`). */
export interface KommuneSummary {
  ags: string;
  name: string;
  art: KommuneArt;
  /** 5-digit AGS of the Kreis (a Kreis is its own Kreis). */
  kreis: string;
  polizeidirektion: PolizeidirektionId;
  status: Status;
  kpr: boolean;
  modellkommune: boolean;
  /** True when any milestone shown for it is synthetic demo data. */
  demodaten: boolean;
}

/** Funds of one Haushaltsjahr as of a day, in integer euro cents. */
export interface FoerderungKpi {
  haushaltsjahr: number;
  budgetCent: number;
  beantragtCent: number;
  bewilligtCent: number;
}

/** `GET /api/kpi`: the headline figures for the Land, a Polizeidirektion or a Kreis. */
export interface KpiSnapshot extends KpiCounts {
  stand: string;
  polizeidirektion: PolizeidirektionId | null;
  kreis: string | null;
  /** Gemeinden in the area on that day, the denominator of coverage. */
  gemeinden: number;
  foerderung: FoerderungKpi;
  /** True when synthetic demo records contribute to these figures. */
  demodaten: boolean;
}

/** One point of the growth chart (`GET /api/kpi/verlauf`). */
export interface KpiPoint extends KpiCounts {
  stand: string;
}

export interface HealthReport {
  status: 'ok' | 'unavailable';
  database: 'pglite' | 'postgres';
  version: string;
  uptimeSeconds: number;
}

/** Body of every 4xx/5xx answer of the API. */
export interface ApiError {
  error: string;
  /** The query parameter or field the message is about, when there is one. */
  field?: string;
}
