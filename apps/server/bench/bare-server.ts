/**
 * The baseline: a bare Socket.IO server (same socket.io version as ours) with no database, no
 * sessions and no rooms. `POST /emit` takes the event to send, gives it the next seq and the current
 * time as its stamp, and emits it to every socket at once, as our server does after a commit.
 * `POST /emit/<name>[?stamp=<field>]` emits the posted JSON as event `<name>` (with `<field>` set to
 * the current time). `GET /heap?gc=1` reports
 * the heap like our `/api/metrics`. Started by live.ts and audience.ts with PORT and HOST.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { Server } from 'socket.io';

const gc = (globalThis as { gc?: () => void }).gc;

async function bodyOf(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}

let seq = 0;
const httpServer = createServer(async (req, res) => {
  if (req.method === 'POST' && req.url === '/emit') {
    const event = JSON.parse(await bodyOf(req)) as Record<string, unknown>;
    const prev = seq;
    seq += 1;
    io.emit('domain:event', { ...event, seq, at: new Date().toISOString() }, prev);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ seq }));
  } else if (req.method === 'POST' && req.url?.startsWith('/emit/')) {
    // Any other event (e.g. praesentation:stand) goes out as posted, under the name in the path;
    // `?stamp=<field>` sets that field to the time just before the emit, as our server's stamp.
    const url = new URL(req.url, 'http://bare');
    const payload = JSON.parse(await bodyOf(req)) as Record<string, unknown>;
    const stamp = url.searchParams.get('stamp');
    if (stamp) payload[stamp] = new Date().toISOString();
    io.emit(decodeURIComponent(url.pathname.slice('/emit/'.length)), payload);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  } else if (req.method === 'GET' && req.url?.startsWith('/heap')) {
    if (req.url.includes('gc=1')) gc?.();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ heapUsed: process.memoryUsage().heapUsed, sockets: io.engine.clientsCount }));
  } else {
    res.writeHead(404).end();
  }
});
const io = new Server(httpServer, { path: '/socket.io', serveClient: false });
io.on('connection', (socket) => socket.emit('events:head', seq));

httpServer.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1');
process.once('SIGTERM', () => {
  io.close();
  process.exit(0);
});
