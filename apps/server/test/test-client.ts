import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, VisibleEvent } from '@asskomm/domain';
import { DEMO_PASSWORD } from '../src/auth/initial-benutzer.ts';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A browser-like client of the test server: keeps its session cookie, sends our Origin on writes. */
export class TestClient {
  cookie: string | undefined;

  constructor(readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        origin: this.baseUrl,
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(this.cookie && { cookie: this.cookie }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      this.cookie = pair?.endsWith('=') ? undefined : pair;
    }
    return response;
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await this.request(method, path, body);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  async login(email: string, password: string): Promise<number> {
    return (await this.request('POST', '/api/auth/login', { email, password })).status;
  }

  /**
   * A connected Socket.IO client carrying this client's cookie; collects every event it receives
   * and checks the sequence: each push must name the previous one (or the head) as its `prev`.
   */
  async socket(): Promise<{ socket: LiveSocket; received: VisibleEvent[]; brokenChain: () => string[] }> {
    const socket: LiveSocket = connect(this.baseUrl, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { origin: this.baseUrl, ...(this.cookie && { cookie: this.cookie }) },
    });
    const received: VisibleEvent[] = [];
    const broken: string[] = [];
    let last: number | undefined;
    socket.on('events:head', (seq) => (last = seq));
    socket.on('domain:event', (event, prev) => {
      if (prev !== last) broken.push(`seq ${event.seq}: prev ${prev}, expected ${last}`);
      last = event.seq;
      received.push(event);
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    return { socket, received, brokenChain: () => broken };
  }
}

/** A client signed in with a demo account, e.g. `demoUser(url, 'pd-goerlitz')`; throws if the login fails. */
export async function demoBenutzer(baseUrl: string, who: string): Promise<TestClient> {
  const client = new TestClient(baseUrl);
  const status = await client.login(`${who}@demo.asskomm.invalid`, DEMO_PASSWORD);
  if (status !== 200) throw new Error(`Anmeldung als ${who}: ${status}`);
  return client;
}
