import { OEFFENTLICHE_KENNZAHLEN, type OeffentlicheKennzahl, type OeffentlicheStaende } from '@asskomm/domain';
import { formatDate } from '$lib/ui/format';

type Zahlen = { oeffentlichAm: OeffentlicheStaende | null };

/**
 * The latest quarter end public funding figures are as of (public-figures.ts): what a public view
 * states once; null for signed-in users, whose figures are of the day asked for.
 */
export function oeffentlichesQuartalsende(zahlen: readonly Zahlen[]): string | null {
  const staende = zahlen.flatMap((z) =>
    z.oeffentlichAm ? OEFFENTLICHE_KENNZAHLEN.map((k) => z.oeffentlichAm![k]) : [],
  );
  return staende.length ? staende.reduce((a, b) => (a > b ? a : b)) : null;
}

/**
 * „Stand 30.06.2026“ for a public figure that is as of an earlier quarter end than `ausser` (because
 * fewer than three applications changed it since); null otherwise.
 */
export function aelteresQuartalsende(
  zahlen: Zahlen,
  kennzahl: OeffentlicheKennzahl,
  ausser: string | null,
): string | null {
  const am = zahlen.oeffentlichAm?.[kennzahl];
  return am && am !== ausser ? `Stand ${formatDate(am)}` : null;
}
