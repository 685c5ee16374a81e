// Applies the injected faults (faults.ts) to the tenant's own endpoints, before their routes run.
// Preflights and the control API itself are never faulted: a test must always be able to lift a fault.
import type { RequestHandler, Response } from 'express';
import type { ResolvedTenantConfig } from '../config/config';
import type { TenantContext } from '../routes/context';
import type { Clock } from '../stores/expiring-map';
import { sendError } from '../http/errors';
import { TOO_MANY_REQUESTS } from '../http/rate-limited';
import type { Fault, FaultStore } from './faults';
import { CONTROL_PREFIX } from './guard';

/** What Retry-After says on an injected 429. */
const RETRY_AFTER_SECONDS = 60;

export function faultMiddleware({ config, now }: TenantContext, faults: FaultStore): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'OPTIONS' || req.path.startsWith(CONTROL_PREFIX)) {
      next();
      return;
    }
    const fault = faults.take(req.path, req.query);
    if (fault === undefined) {
      next();
      return;
    }
    switch (fault.kind) {
      case 'latency':
        setTimeout(next, fault.latencyMs);
        return;
      case 'outage':
        // No answer at all, as when the tenant is unreachable mid-request.
        req.socket.destroy();
        return;
      case 'status':
        allowAppOrigin(res, req.headers.origin, config);
        sendFaultStatus(res, fault, now);
    }
  };
}

/** Auth0 answers its errors with CORS headers too, so the app's fetch/XHR can read the injected error. */
function allowAppOrigin(res: Response, origin: string | undefined, config: ResolvedTenantConfig): void {
  res.vary('Origin');
  if (origin !== undefined && config.webOrigins.includes(origin)) {
    res.set('Access-Control-Allow-Origin', origin).set('Access-Control-Allow-Credentials', 'true');
  }
}

/** Auth0's JSON error shape; for 429 also its Retry-After and X-RateLimit-* headers. */
function sendFaultStatus(res: Response, fault: Fault, now: Clock): void {
  const status = fault.status ?? 500;
  if (status === 429) {
    res.set({
      'Retry-After': String(RETRY_AFTER_SECONDS),
      'X-RateLimit-Limit': '0',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': String(Math.ceil(now() / 1000) + RETRY_AFTER_SECONDS)
    });
    sendError(res, 429, 'too_many_requests', TOO_MANY_REQUESTS);
    return;
  }
  const code = status === 503 ? 'temporarily_unavailable' : 'server_error';
  sendError(res, status, code, `The dev tenant answers ${status} (a fault injected by the control API, ${fault.id}).`);
}
