import { ATTRIBUTION } from '@asskomm/geo';

/** One line of the legend the picture carries. */
export interface LegendenEintrag {
  farbe: string;
  text: string;
}

const BREITE = 1000;
const KOPF = 70;
const FUSS_ZEILE = 26;
const SVG_NS = 'http://www.w3.org/2000/svg';

// The map's look lives in its component's scoped CSS, which a file does not carry: the same
// strokes as attributes (SaxonyMap.svelte).
const STRICHE: [string, Record<string, string>][] = [
  ['.gemeinden path, .ausserhalb path', { stroke: '#ffffff', 'stroke-width': '0.5', 'stroke-linejoin': 'round' }],
  ['.grenzen path', { fill: 'none', 'stroke-linejoin': 'round', 'stroke-linecap': 'round' }],
  ['.grenzen .kreis', { stroke: '#4b5a51', 'stroke-width': '1.1' }],
  ['.grenzen .pd, .grenzen .land', { stroke: '#14201a', 'stroke-width': '2.4' }],
];

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The map as it is on screen, as a standalone SVG file to hand on: title and Stand above, the
 * legend and „© GeoBasis-DE / BKG“ below. Hover and focus outlines are left out.
 */
export function karteAlsSvg(karte: SVGSVGElement, titel: string, legende: readonly LegendenEintrag[]): string {
  const kopie = karte.cloneNode(true) as SVGSVGElement;
  kopie.querySelectorAll('.aktiv, .markiert').forEach((pfad) => pfad.remove());
  for (const [auswahl, attribute] of STRICHE) {
    kopie.querySelectorAll(auswahl).forEach((pfad) => {
      for (const [name, wert] of Object.entries(attribute)) pfad.setAttribute(name, wert);
    });
  }
  for (const element of [kopie, ...kopie.querySelectorAll('*')]) {
    for (const name of ['tabindex', 'role', 'aria-label', 'aria-describedby', 'class', 'style'])
      element.removeAttribute(name);
  }
  const [, , vbBreite = BREITE, vbHoehe = 761] = (kopie.getAttribute('viewBox') ?? '').split(/\s+/).map(Number);
  const kartenHoehe = Math.round((BREITE * vbHoehe) / vbBreite);
  kopie.setAttribute('x', '0');
  kopie.setAttribute('y', String(KOPF));
  kopie.setAttribute('width', String(BREITE));
  kopie.setAttribute('height', String(kartenHoehe));

  const spalten = 3;
  const legendenHoehe = Math.ceil(legende.length / spalten) * FUSS_ZEILE;
  const hoehe = KOPF + kartenHoehe + 20 + legendenHoehe + FUSS_ZEILE + 10;
  const eintraege = legende
    .map((e, i) => {
      const x = 20 + (i % spalten) * 320;
      const y = KOPF + kartenHoehe + 20 + Math.floor(i / spalten) * FUSS_ZEILE;
      return `<rect x="${x}" y="${y}" width="18" height="18" rx="2" fill="${e.farbe}" stroke="#4a5750"/><text x="${x + 26}" y="${y + 14}">${escape(e.text)}</text>`;
    })
    .join('');
  return (
    `<svg xmlns="${SVG_NS}" width="${BREITE}" height="${hoehe}" viewBox="0 0 ${BREITE} ${hoehe}" font-family="sans-serif" font-size="16" fill="#17201b">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<text x="20" y="40" font-size="26" font-weight="700">${escape(titel)}</text>` +
    new XMLSerializer().serializeToString(kopie) +
    eintraege +
    `<text x="20" y="${hoehe - 14}" font-size="13" fill="#4a5750">Kartengrundlage: ${escape(ATTRIBUTION)} · ASSKomm Lagebild</text>` +
    `</svg>`
  );
}

/** The same picture as PNG, drawn at twice its size for print and slides. */
export function svgAlsPng(svg: string): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const bild = new Image();
    bild.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = bild.naturalWidth * 2;
      canvas.height = bild.naturalHeight * 2;
      const ctx = canvas.getContext('2d');
      if (!ctx) return reject(new Error('Kein Zeichenkontext'));
      ctx.drawImage(bild, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG fehlgeschlagen'))), 'image/png');
    };
    bild.onerror = () => reject(new Error('Die Karte konnte nicht gezeichnet werden.'));
    // A data: address (the pages' CSP allows data: images, not blob:).
    bild.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  });
}
