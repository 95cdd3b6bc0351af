#!/usr/bin/env node
// Restores the demo state of a running server in demo mode: signs in as the demo admin and calls
// POST /api/admin/demo-zuruecksetzen, so every open screen reloads. Usage: pnpm demo:reset [URL]
const base = process.argv[2] ?? `http://localhost:${process.env.PORT ?? 3000}`;
const headers = { 'content-type': 'application/json', origin: base };

const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers,
  body: JSON.stringify({ email: 'admin@demo.asskomm.invalid', password: 'Demo-Passwort-2026' }),
}).catch(() => undefined);
if (!login?.ok) {
  console.error(`Anmeldung als Demo-Admin bei ${base} fehlgeschlagen – läuft der Server im Demobetrieb?`);
  process.exit(1);
}
const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
const reset = await fetch(`${base}/api/admin/demo-zuruecksetzen`, { method: 'POST', headers: { ...headers, cookie } });
const body = await reset.json();
if (!reset.ok) {
  console.error(`Zurücksetzen fehlgeschlagen (${reset.status}): ${body.error}`);
  process.exit(1);
}
console.log(`Demodaten wiederhergestellt (Ereignis ${body.seq}).`);
await fetch(`${base}/api/auth/logout`, { method: 'POST', headers: { ...headers, cookie } });
