// What the client hears of a rate limiter's decision: Auth0's X-RateLimit-* headers, and its 429.
import type { Response } from 'express';
import type { RateDecision } from '../limits/rate-limit';

/** Auth0's rate-limit message: the numbers are in its X-RateLimit-* headers. */
export const TOO_MANY_REQUESTS = 'Too many requests. Check the X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset headers.';

/** Auth0's X-RateLimit-* headers (Reset in epoch seconds) for a limiter's decision, and Retry-After when it refused. */
function rateLimitHeaders(decision: RateDecision): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(decision.limit),
    'X-RateLimit-Remaining': String(decision.remaining),
    'X-RateLimit-Reset': String(decision.resetAtSeconds),
    ...(decision.allowed ? {} : { 'Retry-After': String(Math.max(1, decision.retryAfterSeconds)) })
  };
}

/** How an endpoint sends an error: Auth0's shapes differ between /dbconnections and the others. */
export type SendError = (res: Response, status: number, code: string, description: string) => void;

/** Sets the decision's headers; false (and the 429 sent with `sendError`) when the limiter refused. */
export function admitted(res: Response, decision: RateDecision, sendError: SendError): boolean {
  res.set(rateLimitHeaders(decision));
  if (decision.allowed) return true;
  sendError(res, 429, 'too_many_requests', TOO_MANY_REQUESTS);
  return false;
}
