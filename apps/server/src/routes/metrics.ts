import { timingSafeEqual } from 'node:crypto';
import express from 'express';
import { canAdminister } from '@asskomm/domain';
import { principalOf } from '../authorization.ts';
import { HttpError } from '@asskomm/domain';
import type { RealtimeStats } from '../realtime/index.ts';

export interface MetricsDeps {
  /** Bearer token for scrapers; without it only admins may read the metrics. */
  token: string | undefined;
  realtime: () => RealtimeStats;
}

function bearerMatches(header: string | undefined, token: string | undefined): boolean {
  if (!token || !header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * `GET /api/metrics` in the Prometheus text format: memory, open sockets and how far the live feed
 * has pushed. `?gc=1` collects garbage first when node runs with --expose-gc, so heap per
 * connection can be measured.
 */
export function metricsRoute({ token, realtime }: MetricsDeps): express.Router {
  const router = express.Router();
  router.get('/', (req, res) => {
    if (!bearerMatches(req.headers.authorization, token) && !canAdminister(principalOf(res))) {
      throw new HttpError(403, 'Die Messwerte sind Administratoren und dem Monitoring vorbehalten.');
    }
    const gc = (globalThis as { gc?: () => void }).gc;
    if (req.query.gc === '1' && gc) gc();
    const memory = process.memoryUsage();
    const live = realtime();
    const lines = [
      ['asskomm_heap_used_bytes', 'gauge', 'V8 heap in use', memory.heapUsed],
      ['asskomm_rss_bytes', 'gauge', 'Resident set size', memory.rss],
      ['asskomm_sockets', 'gauge', 'Open Socket.IO connections on this node', live.sockets],
      ['asskomm_last_pushed_seq', 'gauge', 'Newest event seq pushed by this node', live.lastPushedSeq ?? 0],
      ['asskomm_pushed_events_total', 'counter', 'Events pushed by this node since start', live.pushedEvents],
    ] as const;
    res
      .type('text/plain; version=0.0.4; charset=utf-8')
      .send(
        lines
          .map(([name, type, help, value]) => `# HELP ${name} ${help}\n# TYPE ${name} ${type}\n${name} ${value}\n`)
          .join(''),
      );
  });
  return router;
}
