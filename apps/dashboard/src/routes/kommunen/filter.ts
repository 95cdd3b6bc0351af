import { POLIZEIDIREKTION_IDS, STATUS_SCALE, statusRank, type KommuneSummary } from '@asskomm/domain';
import type { PolizeidirektionId, Status } from '@asskomm/domain';
import { KREISE } from '@asskomm/geo';
import { kreisName } from '$lib/karte/places';

/** Feature filter: what /api/kommunen tells about each Kommune besides its status. */
export const MERKMALE = {
  kpr: 'mit KPR',
  modellkommune: 'Modellkommune',
  demodaten: 'mit Demodaten',
} as const;
export type Merkmal = keyof typeof MERKMALE;

export const SPALTEN = {
  name: 'Name',
  status: 'Status',
  kreis: 'Kreis',
  pd: 'Polizeidirektion',
} as const;
export type Spalte = keyof typeof SPALTEN;

export interface Filter {
  q: string;
  status: Status | '';
  pd: PolizeidirektionId | '';
  kreis: string;
  merkmal: Merkmal | '';
  sort: Spalte;
  absteigend: boolean;
}

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | '' {
  return allowed.includes(value as T) ? (value as T) : '';
}

/** The filters and sort of `/kommunen?status=mitglied&pd=goerlitz&q=gör&sort=-name`; unknown values are ignored. */
export function filterAus(params: URLSearchParams): Filter {
  const sortParam = params.get('sort') ?? 'name';
  const absteigend = sortParam.startsWith('-');
  const sort = pick(absteigend ? sortParam.slice(1) : sortParam, Object.keys(SPALTEN) as Spalte[]) || 'name';
  return {
    q: (params.get('q') ?? '').trim(),
    status: pick(params.get('status'), STATUS_SCALE),
    pd: pick(params.get('pd'), POLIZEIDIREKTION_IDS),
    kreis: pick(
      params.get('kreis'),
      KREISE.map((k) => k.ags),
    ),
    merkmal: pick(params.get('merkmal'), Object.keys(MERKMALE) as Merkmal[]),
    sort,
    absteigend,
  };
}

const collator = new Intl.Collator('de-DE', { sensitivity: 'base' });

/** Case- and accent-insensitive „contains“: „gor“ finds „Görlitz“. */
function normal(text: string): string {
  return text
    .toLocaleLowerCase('de-DE')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/ß/g, 'ss');
}

export function anwenden(kommunen: readonly KommuneSummary[], filter: Filter): KommuneSummary[] {
  const q = normal(filter.q);
  const rows = kommunen.filter(
    (k) =>
      (!q || normal(k.name).includes(q) || k.ags.startsWith(filter.q)) &&
      (!filter.status || k.status === filter.status) &&
      (!filter.pd || k.polizeidirektion === filter.pd) &&
      (!filter.kreis || k.kreis === filter.kreis) &&
      (!filter.merkmal || k[filter.merkmal]),
  );
  const byName = (a: KommuneSummary, b: KommuneSummary) => collator.compare(a.name, b.name);
  const key: Record<Spalte, (a: KommuneSummary, b: KommuneSummary) => number> = {
    name: byName,
    status: (a, b) => statusRank(a.status) - statusRank(b.status),
    kreis: (a, b) => collator.compare(kreisName(a.kreis), kreisName(b.kreis)),
    pd: (a, b) => collator.compare(a.polizeidirektion, b.polizeidirektion),
  };
  const direction = filter.absteigend ? -1 : 1;
  // Ties (same status, same Kreis) stay in name order whatever the direction.
  return rows.sort((a, b) => direction * key[filter.sort](a, b) || byName(a, b));
}
