// The control API (/control/…) and the page at `/`, behind the loopback-and-same-origin guard.
import { Router } from 'express';
import type { TenantContext } from '../routes/context';
import { controlGuard } from './guard';
import { controlErrors } from './input';
import { controlPageRoutes } from './page';
import type { ControlState } from './reset';
import { controlSessionRoutes } from './routes-sessions';
import { controlTenantRoutes } from './routes-tenant';
import { controlTokenRoutes } from './routes-tokens';
import { controlUserRoutes } from './routes-users';

export { CONTROL_PREFIX } from './guard';
export { faultMiddleware } from './fault-middleware';
export { FaultStore } from './faults';
export { loadOrCreateControlSecret } from './secret';
export { Outbox } from './outbox';
export type { ControlState } from './reset';

/** `secret`: the data dir's control secret, which only minting (/control/id-tokens) needs. */
export function controlRoutes(ctx: TenantContext, state: ControlState, secret: string): Router {
  const router = Router();
  const guard = controlGuard(ctx.config);
  router.use('/control', guard, (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  router.get('/', guard);
  router.use(
    controlPageRoutes(),
    controlUserRoutes(ctx),
    controlSessionRoutes(ctx),
    controlTenantRoutes(ctx, state),
    controlTokenRoutes(ctx, secret)
  );
  router.use(controlErrors);
  return router;
}
