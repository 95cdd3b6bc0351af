import { isGemeindeAgs, ownerAsOf, type KommuneLineage } from './kommune.ts';
import type { MeilensteinFact } from './meilensteine.ts';
import { deriveStatus } from './status.ts';

/** The alliance's headline figures on one day. Each counts Kommunen (Gemeinden and Kreise). */
export interface KpiCounts {
  /** Kommunen with an Erstberatung by the day. */
  beraten: number;
  /** Kommunen with a Kooperationsvereinbarung and no later Austritt. */
  mitglieder: number;
  /** Members that are Gemeinden (not Kreise): the numerator of coverage. */
  mitgliedGemeinden: number;
  /** Kommunen with a constituted or reactivated Kommunaler Präventionsrat. */
  kpr: number;
  /** Kommunen with an established Koordinierungsstelle. */
  koordinierungsstellen: number;
  /** Kommunen whose Sicherheitsanalyse has started (including completed ones). */
  sicherheitsanalysenBegonnen: number;
  sicherheitsanalysenAbgeschlossen: number;
}

export const EMPTY_KPI_COUNTS: KpiCounts = {
  beraten: 0,
  mitglieder: 0,
  mitgliedGemeinden: 0,
  kpr: 0,
  koordinierungsstellen: 0,
  sicherheitsanalysenBegonnen: 0,
  sicherheitsanalysenAbgeschlossen: 0,
};

/**
 * The reference definition of the KPIs as of a day. The server computes the same in SQL; a test
 * holds both to agree. Milestones of merged Gemeinden count for their successor from the merger on.
 */
export function computeKpiCounts(
  meilensteine: readonly MeilensteinFact[],
  lineage: ReadonlyMap<string, KommuneLineage>,
  asOf: string,
): KpiCounts {
  const byOwner = new Map<string, MeilensteinFact[]>();
  for (const meilenstein of meilensteine) {
    if (meilenstein.date > asOf) continue;
    const owner = ownerAsOf(meilenstein.ags, asOf, lineage);
    const list = byOwner.get(owner);
    if (list) list.push(meilenstein);
    else byOwner.set(owner, [meilenstein]);
  }
  const counts = { ...EMPTY_KPI_COUNTS };
  for (const [owner, own] of byOwner) {
    const facts = deriveStatus(own, asOf);
    if (facts.beraten) counts.beraten++;
    if (facts.mitglied) counts.mitglieder++;
    if (facts.mitglied && isGemeindeAgs(owner)) counts.mitgliedGemeinden++;
    if (facts.kpr) counts.kpr++;
    if (facts.koordinierungsstelle) counts.koordinierungsstellen++;
    if (facts.sicherheitsanalyse !== 'keine') counts.sicherheitsanalysenBegonnen++;
    if (facts.sicherheitsanalyse === 'abgeschlossen') counts.sicherheitsanalysenAbgeschlossen++;
  }
  return counts;
}
