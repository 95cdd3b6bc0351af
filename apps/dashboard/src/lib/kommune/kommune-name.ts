import { aktuelleGemeinde, kreisByAgs } from '@asskomm/geo';

/** „14626110“ → „Görlitz“, „14626“ → „Görlitz“ (the Kreis); a dissolved Gemeinde's AGS names its successor. */
export function kommuneName(ags: string): string {
  return (ags.length === 5 ? kreisByAgs(ags)?.name : aktuelleGemeinde(ags)?.name) ?? ags;
}
