import type { Status } from '@asskomm/domain';

/**
 * Fill colours of the status scale: one hue (ColorBrewer YlGn) with lightness falling strictly
 * from "kein Kontakt" to "Mitglied mit KPR", so the order stays readable with any colour-vision
 * deficiency and in greyscale.
 */
export const STATUS_COLORS: Record<Status, string> = {
  kein_kontakt: '#ecece6',
  beraten: '#addd8e',
  vorvereinbarung: '#6fbf6f',
  mitglied: '#2b9350',
  mitglied_kpr: '#00532c',
};
