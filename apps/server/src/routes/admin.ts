import express from 'express';
import { audit, resetDemoData, type DbHandle } from '@asskomm/db';
import { canAdminister, HttpError, NOT_FOUND } from '@asskomm/domain';
import { actorOf, requirePermission } from '../authorization.ts';
import { clientIp } from '../http.ts';

/** Admin tools. The demo reset exists only in demo mode: production data is never replaced. */
export function adminRoutes(handle: DbHandle, demoMode: boolean): express.Router {
  const router = express.Router();
  router.post('/demo-zuruecksetzen', async (req, res) => {
    requirePermission(res, canAdminister);
    if (!demoMode) throw new HttpError(404, NOT_FOUND);
    const actor = actorOf(res);
    const { result } = await resetDemoData(handle, actor);
    await audit.record(handle.db, { action: 'demo_reset', actorId: actor.principal.benutzerId, ip: clientIp(req) });
    res.json(result);
  });
  return router;
}
