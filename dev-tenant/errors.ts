// Auth0-shaped JSON errors ({error, error_description}), the 404 fallback and the last-resort error handler.
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';

export function sendError(res: Response, status: number, error: string, description: string): void {
  res.status(status).set('Cache-Control', 'no-store').json({ error, error_description: description });
}

export const notFound: RequestHandler = (req, res) => {
  sendError(res, 404, 'not_found', `No such endpoint: ${req.method} ${req.path}`);
};

// body-parser reports bad input as errors carrying a 4xx status and a `type`.
function clientErrorType(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { status, type } = err as { status?: unknown; type?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 ? String(type) : undefined;
}

const BODY_ERRORS: Readonly<Record<string, string>> = {
  'entity.parse.failed': 'The request body is not valid JSON.',
  'entity.too.large': 'The request body is too large.',
  'encoding.unsupported': 'The request body encoding is not supported.',
  'charset.unsupported': 'The request body charset is not supported.'
};

/** Never lets a stack trace reach the client, and never lets a request error crash the process. */
export const errorHandler: ErrorRequestHandler = (err: unknown, _req, res, next) => {
  if (res.headersSent) {
    next(err);
    return;
  }
  const type = clientErrorType(err);
  if (type !== undefined) {
    sendError(res, 400, 'invalid_request', BODY_ERRORS[type] ?? 'The request could not be read.');
    return;
  }
  console.error('dev tenant: unexpected error:', err);
  sendError(res, 500, 'server_error', 'The dev tenant hit an unexpected error; see its console.');
};
