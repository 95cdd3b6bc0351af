import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPdfRenderer, findChromium, type PdfRenderer } from '../src/bericht/renderer.ts';

// The renderer with the real Chromium (as the e2e suite and CI install it) against a tiny page
// server that records what Chromium sends: the dashboard's report itself is read back in
// e2e/tests/bericht.spec.ts.

const chromium = findChromium(process.env.CHROMIUM_PATH);
const NIEDRIG = fileURLToPath(new URL('../bin/chromium-niedrig.sh', import.meta.url));

/** SCHED_IDLE in /proc/<pid>/stat's policy field. */
const SCHED_IDLE = 5;

/** Processes below `root` (children, their children …) with name and scheduling policy, from /proc. */
function nachkommen(root: number): { pid: number; name: string; policy: number }[] {
  const alle = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        // After the name: state (field 3), ppid (4), … policy (41).
        const felder = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return [{ pid: Number(pid), ppid: Number(felder[1]), name, policy: Number(felder[38]) }];
      } catch {
        return []; // gone meanwhile
      }
    });
  const unter = new Set([root]);
  for (let neu = true; neu;) {
    neu = false;
    for (const p of alle) if (unter.has(p.ppid) && !unter.has(p.pid)) neu = unter.add(p.pid) !== undefined;
  }
  return alle.filter((p) => p.pid !== root && unter.has(p.pid));
}

describe.skipIf(!chromium)('the PDF renderer with Chromium', () => {
  const gesehen: { url: string; cookie: string }[] = [];
  let seiten: Server;
  let renderer: PdfRenderer;

  beforeAll(async () => {
    seiten = createServer((req, res) => {
      gesehen.push({ url: req.url ?? '', cookie: req.headers.cookie ?? '' });
      // A page that tries to leave a trace for the next caller.
      res.setHeader('Set-Cookie', 'spur=vom-vorigen; Path=/');
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(
        `<!doctype html><html lang="de"><title>Bericht</title><h1>Bericht ${req.url}</h1><svg data-karte-bereit></svg>`,
      );
    });
    await new Promise<void>((resolve) => seiten.listen(0, '127.0.0.1', resolve));
    const { port } = seiten.address() as AddressInfo;
    renderer = createPdfRenderer(chromium!, () => `http://127.0.0.1:${port}`, NIEDRIG);
  });

  afterAll(async () => {
    await renderer?.close();
    await new Promise((resolve) => seiten?.close(resolve));
  });

  it('prints with the caller’s cookie only, and the next caller gets nothing of it', async () => {
    const erster = await renderer.pdf('/bericht/druck?fuer=eins', 'asskomm_sitzung=eins');
    const zweiter = await renderer.pdf('/bericht/druck?fuer=niemand', undefined);
    const dritter = await renderer.pdf('/bericht/druck?fuer=drei', 'asskomm_sitzung=drei');
    for (const pdf of [erster, zweiter, dritter]) expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const seite = (fuer: string) => gesehen.find((g) => g.url.endsWith(`fuer=${fuer}`))?.cookie;
    expect(seite('eins')).toBe('asskomm_sitzung=eins');
    expect(seite('niemand')).toBe('');
    expect(seite('drei')).toBe('asskomm_sitzung=drei');
  });

  it('runs every Chromium process in the idle scheduling class, below the server', async () => {
    await renderer.pdf('/bericht/druck?fuer=prioritaet', undefined);
    const prozesse = nachkommen(process.pid);
    expect(prozesse.length).toBeGreaterThan(1);
    expect(prozesse.map((p) => [p.name, p.policy])).toEqual(prozesse.map((p) => [p.name, SCHED_IDLE]));
  });
});
