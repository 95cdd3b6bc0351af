import { ownerAsOf, type KommuneLineage } from './kommune.ts';
import type { MilestoneFact } from './milestones.ts';
import { deriveStatus } from './status.ts';

/** The alliance's headline figures on one day. Each counts Kommunen (Gemeinden and Kreise). */
export interface KpiCounts {
  /** Kommunen with an Erstberatung by the day. */
  beraten: number;
  /** Kommunen with a Kooperationsvereinbarung and no later Austritt. */
  mitglieder: number;
  /** Kommunen with a constituted or reactivated Kommunaler Präventionsrat. */
  kpr: number;
}

/**
 * The reference definition of the KPIs as of a day. The server computes the same in SQL; a test
 * holds both to agree. Milestones of merged Gemeinden count for their successor from the merger on.
 */
export function computeKpiCounts(
  milestones: readonly MilestoneFact[],
  lineage: ReadonlyMap<string, KommuneLineage>,
  asOf: string,
): KpiCounts {
  const byOwner = new Map<string, MilestoneFact[]>();
  for (const milestone of milestones) {
    if (milestone.date > asOf) continue;
    const owner = ownerAsOf(milestone.ags, asOf, lineage);
    const list = byOwner.get(owner);
    if (list) list.push(milestone);
    else byOwner.set(owner, [milestone]);
  }
  const counts: KpiCounts = { beraten: 0, mitglieder: 0, kpr: 0 };
  for (const own of byOwner.values()) {
    const facts = deriveStatus(own, asOf);
    if (facts.beraten) counts.beraten++;
    if (facts.mitglied) counts.mitglieder++;
    if (facts.kpr) counts.kpr++;
  }
  return counts;
}
