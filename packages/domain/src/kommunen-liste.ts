import { POLIZEIDIREKTION_IDS, type PolizeidirektionId } from './kommune.ts';
import type { KommuneSummary } from './api.ts';
import { STATUS_SCALE, statusRank, type Status } from './status.ts';

/**
 * The Kommunen list's filters and sort: the page applies them to what it shows, the API to what it
 * exports (`/api/kommunen?…&format=csv`), so a download holds exactly the rows on the screen.
 */

/** Feature filter: what /api/kommunen tells about each Kommune besides its status. */
export const MERKMALE = {
  kpr: 'mit KPR',
  modellkommune: 'Modellkommune',
  demodaten: 'mit Demodaten',
} as const;
export type Merkmal = keyof typeof MERKMALE;
export const MERKMAL_CODES = Object.keys(MERKMALE) as Merkmal[];

export const SPALTEN = {
  name: 'Name',
  status: 'Status',
  kreis: 'Kreis',
  pd: 'Polizeidirektion',
} as const;
export type Spalte = keyof typeof SPALTEN;
export const SPALTEN_CODES = Object.keys(SPALTEN) as Spalte[];

export interface KommunenFilter {
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

/**
 * The filters and sort of `/kommunen?status=mitglied&pd=goerlitz&q=gör&sort=-name`. The page takes
 * what it understands of a typed URL and ignores the rest; the API checks with `kommunenQuerySchema`.
 */
export function kommunenFilterAus(params: URLSearchParams): KommunenFilter {
  const sortParam = params.get('sort') ?? 'name';
  const absteigend = sortParam.startsWith('-');
  const sort = pick(absteigend ? sortParam.slice(1) : sortParam, SPALTEN_CODES) || 'name';
  const kreis = params.get('kreis') ?? '';
  return {
    q: (params.get('q') ?? '').trim(),
    status: pick(params.get('status'), STATUS_SCALE),
    pd: pick(params.get('pd'), POLIZEIDIREKTION_IDS),
    kreis: /^14\d{3}$/.test(kreis) ? kreis : '',
    merkmal: pick(params.get('merkmal'), MERKMAL_CODES),
    sort,
    absteigend,
  };
}

/** The filter's URL parameters (the inverse of `kommunenFilterAus`), without its defaults. */
export function kommunenAbfrage(filter: KommunenFilter): URLSearchParams {
  const query = new URLSearchParams();
  for (const name of ['q', 'status', 'pd', 'kreis', 'merkmal'] as const)
    if (filter[name]) query.set(name, filter[name]);
  if (filter.sort !== 'name' || filter.absteigend) query.set('sort', `${filter.absteigend ? '-' : ''}${filter.sort}`);
  return query;
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

/** The rows the filter lets through, in its order; `kreisName` names a Kreis for the sort by Kreis. */
export function kommunenAnwenden(
  kommunen: readonly KommuneSummary[],
  filter: KommunenFilter,
  kreisName: (ags: string) => string,
): KommuneSummary[] {
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
