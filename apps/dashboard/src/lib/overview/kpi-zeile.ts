import type { KpiSnapshot } from '@asskomm/domain';
import { formatDate, formatEuro, formatNumber, formatPercent, ratio } from '$lib/ui/format';

/**
 * The KPI tiles as one line of text to paste into a mail or a note: „Sachsen, Stand 03.12.2026:
 * 71 Mitglieder, …“. Funding only where the tiles show it (hidden figures stay hidden).
 */
export function kpiZeile(kpi: KpiSnapshot, gebiet: string): string {
  const teile = [
    `${formatNumber(kpi.mitglieder)} Mitglieder`,
    `${formatNumber(kpi.beraten)} beratene Kommunen`,
    `${formatNumber(kpi.kpr)} Kommunale Präventionsräte`,
    `${formatNumber(kpi.koordinierungsstellen)} Koordinierungsstellen`,
    `${formatNumber(kpi.sicherheitsanalysenBegonnen)} Sicherheitsanalysen begonnen, ${formatNumber(kpi.sicherheitsanalysenAbgeschlossen)} abgeschlossen`,
    `Abdeckung ${formatPercent(ratio(kpi.mitgliedGemeinden, kpi.gemeinden))} (${formatNumber(kpi.mitgliedGemeinden)} von ${formatNumber(kpi.gemeinden)} Gemeinden)`,
  ];
  const f = kpi.foerderung;
  if (!f.verborgen) {
    teile.push(
      `Fördermittel ${f.haushaltsjahr} bewilligt ${formatEuro(f.bewilligtCent)} von ${formatEuro(f.budgetCent)}`,
    );
  }
  return `${gebiet}, Stand ${formatDate(kpi.stand)}: ${teile.join('; ')}.${kpi.demodaten ? ' (Demodaten)' : ''}`;
}
