/** Every number, date and amount the dashboard shows is formatted here, in German. */
import { deutschesDatum } from '@asskomm/domain';

const integer = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 0 });
const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const euroCompact = new Intl.NumberFormat('de-DE', {
  style: 'currency',
  currency: 'EUR',
  notation: 'compact',
  compactDisplay: 'short',
  maximumFractionDigits: 1,
});
// ISO dates are calendar days; formatting them in UTC keeps the day from shifting.
const monthYear = new Intl.DateTimeFormat('de-DE', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const clock = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' });
const moment = new Intl.DateTimeFormat('de-DE', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Berlin',
});
const momentSeconds = new Intl.DateTimeFormat('de-DE', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'Europe/Berlin',
});

function isoToUtc(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** 1234567 → „1.234.567“ */
export function formatNumber(value: number): string {
  return integer.format(value);
}

/** 0.125 → „13 %“ */
export function formatPercent(ratio: number): string {
  return percent.format(ratio);
}

/** Cents → „1.234.567 €“ */
export function formatEuro(cent: number): string {
  return euro.format(Math.round(cent / 100));
}

/**
 * Cents → „1,3 Mio. €“, for tiles where the full amount would not fit. The space after the number is
 * an ordinary one, so a narrow tile sets „Mio. €“ on a line of its own instead of running over.
 */
export function formatEuroCompact(cent: number): string {
  // German has no short word for thousands („Tsd.“ is not CLDR), so below a million show all digits.
  if (Math.abs(cent) < 100_000_000) return formatEuro(cent);
  return euroCompact
    .formatToParts(cent / 100)
    .map((part, i, parts) => (part.type === 'literal' && parts[i + 1]?.type === 'compact' ? ' ' : part.value))
    .join('');
}

/** „2026-11-21“ → „21.11.2026“ */
export const formatDate = deutschesDatum;

/** „2026-11-30“ → „Nov. 2026“ */
export function formatMonth(iso: string): string {
  return monthYear.format(isoToUtc(iso));
}

/** A moment → „14:05 Uhr“ (Saxon time). */
export function formatClock(at: Date): string {
  return `${clock.format(at)} Uhr`;
}

/** A timestamp → „21.11.2026, 14:05 Uhr“ (Saxon time); with seconds „21.11.2026, 14:05:09 Uhr“. */
export function formatDateTime(iso: string, { seconds = false }: { seconds?: boolean } = {}): string {
  return `${(seconds ? momentSeconds : moment).format(new Date(iso))} Uhr`;
}

/** A share that is honest about a zero denominator. */
export function ratio(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

const euroCent = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 });
const plainCent = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Cents → „12.345,67 €“, where single applications need the exact amount. */
export function formatEuroExact(cent: number): string {
  return euroCent.format(cent / 100);
}

/** Cents → „12.345,67“, the text an amount field starts with. */
export function centToInput(cent: number | null): string {
  return cent === null ? '' : plainCent.format(cent / 100);
}

/**
 * An amount as people type it in German („12.345,67“, „12345“, „12 345,5 €“) → integer cents,
 * or null when it is not a non-negative amount with at most two decimals. Dots are thousands
 * separators, the comma is the decimal mark (a lone dot with 1–2 digits after it counts as one too).
 */
export function parseEuro(text: string): number | null {
  let value = text.replace(/[\s\u00a0€]/g, '');
  if (value === '') return null;
  if (!value.includes(',') && /^\d+\.\d{1,2}$/.test(value)) value = value.replace('.', ',');
  if (!/^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+(,\d{1,2})?$/.test(value)) return null;
  const [whole = '0', fraction = ''] = value.replace(/\./g, '').split(',');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}
