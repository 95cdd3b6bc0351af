import type { DomainEvent, KommuneDetail, KommuneSummary } from '@asskomm/domain';
import type { Spawned } from './processes.ts';

/** What the load generator drives: where the sockets go, how one write is made, how the heap is read. */
export interface Target {
  /** Client i connects to urls[i % urls.length]. */
  urls: string[];
  cookie: string | undefined;
  /** Makes write number `index`; resolves with the seq of the event it caused. */
  write(index: number): Promise<number>;
  /** Heap in use after a full GC, in bytes; NaN when the server does not tell. */
  heapBytes(): Promise<number>;
  /** CPU seconds the server process(es) used so far. */
  cpuSeconds(): number;
}

const LOGIN = { email: 'lpr@demo.asskomm.invalid', password: 'Demo-Passwort-2026' };
/** Kommunen written in turn; a write waits for none, so at 10 writes/s each has 10 s per write. */
const WRITTEN_KOMMUNEN = 100;

export async function json<T>(url: string, init: RequestInit = {}): Promise<{ response: Response; body: T }> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${text.slice(0, 300)}`);
  return { response, body: JSON.parse(text) as T };
}

export async function login(url: string): Promise<string> {
  const { response } = await json(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { origin: url, 'content-type': 'application/json' },
    body: JSON.stringify(LOGIN),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('login gave no session cookie');
  return cookie;
}

interface Slot {
  meilensteinId: number;
  version: number;
  busy: boolean;
}

/**
 * Our server: every write corrects the note of an existing milestone (PATCH /api/meilensteine/:id),
 * round robin over Kommunen with an active milestone, each write with the version the last one
 * returned. The note carries the write's number; the response names the event's seq.
 */
export async function oursTarget(options: {
  writeTo: Spawned;
  nodes: Spawned[];
  cookie: string;
  metricsToken: string;
  tag: string;
}): Promise<Target> {
  const { writeTo, cookie } = options;
  const headers = { origin: writeTo.url, cookie };
  const slots: Slot[] = [];
  const { body: list } = await json<KommuneSummary[]>(`${writeTo.url}/api/kommunen`, { headers });
  for (const { ags } of list) {
    if (slots.length === WRITTEN_KOMMUNEN) break;
    const { body: detail } = await json<KommuneDetail>(`${writeTo.url}/api/kommunen/${ags}`, { headers });
    const meilenstein = detail.meilensteine.find((m) => !m.zurueckgezogen);
    if (meilenstein) slots.push({ meilensteinId: meilenstein.id, version: detail.version, busy: false });
  }
  if (slots.length < WRITTEN_KOMMUNEN) throw new Error(`only ${slots.length} Kommunen with a meilenstein to write`);
  let turn = 0;

  return {
    urls: options.nodes.map((n) => n.url),
    cookie,
    write: async (index) => {
      const free = slots.map((_, i) => (turn + i) % slots.length).find((i) => !slots[i]!.busy);
      if (free === undefined) throw new Error('every Kommune still has a write in flight');
      const slot = slots[free]!;
      turn = (free + 1) % slots.length;
      slot.busy = true;
      try {
        const { body } = await json<{ version: number; seq: number }>(
          `${writeTo.url}/api/meilensteine/${slot.meilensteinId}`,
          {
            method: 'PATCH',
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify({ notiz: `Lasttest ${options.tag}, Schreibvorgang ${index}`, version: slot.version }),
          },
        );
        slot.version = body.version;
        return body.seq;
      } finally {
        slot.busy = false;
      }
    },
    heapBytes: () => metricsHeap(writeTo.url, options.metricsToken),
    cpuSeconds: () => options.nodes.reduce((sum, n) => sum + n.cpuSeconds(), 0),
  };
}

/** Heap in use after a full GC, from our server's `/api/metrics?gc=1`; NaN when it does not tell. */
export async function metricsHeap(url: string, metricsToken: string): Promise<number> {
  const response = await fetch(`${url}/api/metrics?gc=1`, { headers: { authorization: `Bearer ${metricsToken}` } });
  const match = response.ok ? /^asskomm_heap_used_bytes\s+(\S+)/m.exec(await response.text()) : null;
  return match ? Number(match[1]) : NaN;
}

/** The bare Socket.IO server: each write posts the sample event, which it emits to every socket. */
export function bareTarget(server: Spawned, sample: DomainEvent): Target {
  return {
    urls: [server.url],
    cookie: undefined,
    write: async (index) => {
      const event = { ...sample, after: { ...sample.after, notiz: `Lasttest bare, Schreibvorgang ${index}` } };
      const { body } = await json<{ seq: number }>(`${server.url}/emit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(event),
      });
      return body.seq;
    },
    heapBytes: async () => (await json<{ heapUsed: number }>(`${server.url}/heap?gc=1`)).body.heapUsed,
    cpuSeconds: () => server.cpuSeconds(),
  };
}
