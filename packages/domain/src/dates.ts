/** The day ASSKomm was launched in Chemnitz. */
export const PROGRAMME_START = '2019-02-06';

/** No milestone may lie before this day (the programme's preparation year). */
export const EARLIEST_DATE = '2018-01-01';

/**
 * No date lies after this day: the horizon of planned dates (e.g. a Verwendungsnachweis due), far
 * enough for the programme and near enough that no date makes a request's work grow without bound.
 */
export const LATEST_DATE = '2099-12-31';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** „2026-11-21“ → „21.11.2026“: the one German way of writing a day (pages, files, PDFs). */
export function deutschesDatum(iso: string): string {
  const [jahr, monat, tag] = iso.split('-');
  return `${tag}.${monat}.${jahr}`;
}

/** The same day one year earlier (29 February becomes 28 February), not before the programme start. */
export function einJahrVorher(stand: string): string {
  const year = Number(stand.slice(0, 4)) - 1;
  const date = new Date(Date.UTC(year, Number(stand.slice(5, 7)) - 1, Number(stand.slice(8, 10))));
  if (date.getUTCMonth() !== Number(stand.slice(5, 7)) - 1) date.setUTCDate(0);
  const iso = date.toISOString().slice(0, 10);
  return iso < PROGRAMME_START ? PROGRAMME_START : iso;
}

/** Today's date in Saxony (Europe/Berlin), as YYYY-MM-DD. */
export function todayInSaxony(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(now);
}

/** The last day of every month from `from` to `to` (inclusive), as ISO dates. */
export function monthEnds(from: string, to: string): string[] {
  const result: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  for (;;) {
    const end = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    if (end > to) break;
    if (end >= from) result.push(end);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return result;
}

/** The day `tage` days after `iso` (before it when negative). */
export function plusTage(iso: string, tage: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + tage);
  return date.toISOString().slice(0, 10);
}
