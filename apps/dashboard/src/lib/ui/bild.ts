/** Saves a file the page made (a chart picture) under `name`, as a download. */
export function speichern(blob: Blob, name: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

/**
 * A chart's canvas as a PNG to hand on: on white (the canvas itself is transparent), with its
 * title above, so the picture says what it shows without the page around it.
 */
export function diagrammAlsPng(canvas: HTMLCanvasElement, titel: string): Promise<Blob> {
  const rand = Math.round(canvas.width / 40);
  const schrift = Math.max(14, Math.round(canvas.width / 50));
  const kopf = schrift * 2;
  const bild = document.createElement('canvas');
  bild.width = canvas.width + 2 * rand;
  bild.height = canvas.height + kopf + 2 * rand;
  const ctx = bild.getContext('2d');
  if (!ctx) return Promise.reject(new Error('Kein Zeichenkontext'));
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, bild.width, bild.height);
  ctx.fillStyle = '#17201b';
  ctx.font = `600 ${schrift}px ${getComputedStyle(document.documentElement).fontFamily}`;
  ctx.fillText(titel, rand, rand + schrift, bild.width - 2 * rand);
  ctx.drawImage(canvas, rand, rand + kopf);
  return new Promise((resolve, reject) =>
    bild.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG konnte nicht erzeugt werden'))), 'image/png'),
  );
}
