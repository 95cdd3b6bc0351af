/**
 * A chart as SVG geometry, for the Druckfassung (see druckfassung.ts): the same series as the
 * Chart.js chart on screen, laid out by plain arithmetic so it can be drawn during server rendering.
 */

export interface Reihe {
  label: string;
  /** Line or bar outline. */
  farbe: string;
  /** Bar fill; for a line, the area below it is filled with this colour when given. */
  fuellung?: string;
  /** Dash pattern of a line, as SVG `stroke-dasharray` numbers. */
  strich?: readonly number[];
  /** One value per label; NaN is no value (a gap in the line, no bar). */
  werte: readonly number[];
}

export interface VektorDaten {
  art: 'linie' | 'saeule';
  /** Title of the y axis. */
  einheit: string;
  labels: readonly string[];
  reihen: readonly Reihe[];
  /** Text of a y axis tick. */
  achsenText: (wert: number) => string;
}

export interface VektorModell {
  viewBox: string;
  /** The plot area: left and right edge, top, and the zero line. */
  links: number;
  rechts: number;
  oben: number;
  basis: number;
  yTicks: { y: number; text: string }[];
  /** Labels under the x axis; the last of a line chart ends at the right edge instead of crossing it. */
  xLabels: { x: number; text: string; anker: 'middle' | 'end' }[];
  linien: {
    d: string;
    farbe: string;
    strich: string | undefined;
    flaeche: string | undefined;
    fuellung: string | undefined;
  }[];
  saeulen: { x: number; y: number; breite: number; hoehe: number; farbe: string; fuellung: string }[];
}

// A4 text width at 96 dpi (the report's 180 mm), and room for the tick texts beside and below.
const BREITE = 680;
const HOEHE = 250;
const RAND = { links: 76, rechts: 8, oben: 8, unten: 24 };
/** At most this many labels under a line chart; a bar chart labels every bar group. */
const LINIEN_LABELS = 8;

const zahl = (v: number) => Math.round(v * 10) / 10;

/** Ticks from 0 to at least `max` in steps of 1, 2, 2.5 or 5 × 10ⁿ, about `ziel` of them. */
export function teilung(max: number, ziel = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const roh = max / ziel;
  const potenz = 10 ** Math.floor(Math.log10(roh));
  const schritt = ([1, 2, 2.5, 5, 10].find((f) => f * potenz >= roh) ?? 10) * potenz;
  return Array.from({ length: Math.ceil(max / schritt - 1e-9) + 1 }, (_, i) => i * schritt);
}

/** Which labels a line chart shows: evenly spaced, always the last (the Stand itself). */
export function gezeigteLabels(anzahl: number, hoechstens = LINIEN_LABELS): number[] {
  if (anzahl <= hoechstens) return Array.from({ length: anzahl }, (_, i) => i);
  const schritt = Math.ceil((anzahl - 1) / (hoechstens - 1));
  const gezeigt = Array.from({ length: Math.floor((anzahl - 1) / schritt) + 1 }, (_, i) => i * schritt);
  // The last label (the Stand, ending at the right edge) replaces one that would sit too close to it.
  if (anzahl - 1 - (gezeigt.at(-1) ?? 0) < schritt) gezeigt.pop();
  return [...gezeigt, anzahl - 1];
}

export function vektorModell(daten: VektorDaten): VektorModell {
  const links = RAND.links;
  const rechts = BREITE - RAND.rechts;
  const oben = RAND.oben;
  const basis = HOEHE - RAND.unten;
  const werte = daten.reihen.flatMap((r) => r.werte.filter(Number.isFinite));
  const ticks = teilung(Math.max(0, ...werte));
  const spitze = ticks.at(-1) ?? 1;
  const y = (wert: number) => zahl(basis - (wert / spitze) * (basis - oben));
  const yTicks = ticks.map((wert) => ({ y: y(wert), text: daten.achsenText(wert) }));
  const n = daten.labels.length;

  if (daten.art === 'linie') {
    const x = (i: number) => zahl(n === 1 ? (links + rechts) / 2 : links + (i / (n - 1)) * (rechts - links));
    const linien = daten.reihen.map((reihe) => {
      let d = '';
      let offen = false;
      reihe.werte.forEach((wert, i) => {
        if (!Number.isFinite(wert)) return void (offen = false);
        d += `${offen ? 'L' : 'M'}${x(i)} ${y(wert)}`;
        offen = true;
      });
      const punkte = reihe.werte.flatMap((wert, i) => (Number.isFinite(wert) ? [i] : []));
      const flaeche =
        reihe.fuellung && punkte.length > 1 && punkte.length === n
          ? `${d}L${x(n - 1)} ${basis}L${x(0)} ${basis}Z`
          : undefined;
      return { d, farbe: reihe.farbe, strich: reihe.strich?.join(' ') || undefined, flaeche, fuellung: reihe.fuellung };
    });
    const xLabels = gezeigteLabels(n).map((i) => ({
      x: x(i),
      text: daten.labels[i] ?? '',
      anker: i === n - 1 && n > 1 ? ('end' as const) : ('middle' as const),
    }));
    return { viewBox: `0 0 ${BREITE} ${HOEHE}`, links, rechts, oben, basis, yTicks, xLabels, linien, saeulen: [] };
  }

  const band = (rechts - links) / Math.max(1, n);
  const gruppe = band * 0.8;
  const breite = gruppe / Math.max(1, daten.reihen.length);
  const saeulen = daten.reihen.flatMap((reihe, r) =>
    reihe.werte.flatMap((wert, i) =>
      Number.isFinite(wert)
        ? [
            {
              x: zahl(links + i * band + (band - gruppe) / 2 + r * breite),
              y: y(wert),
              breite: zahl(breite),
              hoehe: zahl(basis - y(wert)),
              farbe: reihe.farbe,
              fuellung: reihe.fuellung ?? reihe.farbe,
            },
          ]
        : [],
    ),
  );
  const xLabels = daten.labels.map((text, i) => ({
    x: zahl(links + (i + 0.5) * band),
    text,
    anker: 'middle' as const,
  }));
  return { viewBox: `0 0 ${BREITE} ${HOEHE}`, links, rechts, oben, basis, yTicks, xLabels, linien: [], saeulen };
}
