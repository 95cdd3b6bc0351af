import express from 'express';
import { audit, resetDemoData, type DbHandle } from '@asskomm/db';
import { canAdminister } from '@asskomm/domain';
import { clientIp, HttpError, NOT_FOUND, requirePermission, requireSignedIn } from '../http.ts';

/** Admin tools. The demo reset exists only in demo mode: production data is never replaced. */
export function adminRoutes(handle: DbHandle, demoMode: boolean): express.Router {
  const router = express.Router();
  router.post('/demo-zuruecksetzen', async (req, res) => {
    requirePermission(res, canAdminister);
    if (!demoMode) throw new HttpError(404, NOT_FOUND);
    const session = requireSignedIn(res);
    const event = await resetDemoData(handle, session.benutzerId);
    await audit.record(handle.db, { action: 'demo_reset', actorId: session.benutzerId, ip: clientIp(req) });
    res.json({ seq: event.seq });
  });
  return router;
}
