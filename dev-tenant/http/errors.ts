// Auth0-shaped JSON errors ({error, error_description}), the 404 fallback and the last-resort error handler.
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { logError } from '../../servers/log-text';

export function sendError(res: Response, status: number, error: string, description: string): void {
  res.status(status).set('Cache-Control', 'no-store').json({ error, error_description: description });
}

export const notFound: RequestHandler = (req, res) => {
  sendError(res, 404, 'not_found', `No such endpoint: ${req.method} ${req.path}`);
};

// body-parser and the router report bad input (body, encoding, path) as errors carrying a 4xx status.
function clientError(err: unknown): { status: number; type: unknown } | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { status, type } = err as { status?: unknown; type?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 ? { status, type } : undefined;
}

const BODY_ERRORS: Readonly<Record<string, string>> = {
  'entity.parse.failed': 'The request body is not valid JSON.',
  'entity.too.large': 'The request body is too large.',
  'encoding.unsupported': 'The request body encoding is not supported.',
  'charset.unsupported': 'The request body charset is not supported.',
  'parameters.too.many': 'The request body has too many parameters.',
  'request.aborted': 'The request was aborted.',
  'request.size.invalid': 'The request body is shorter or longer than its Content-Length.'
};

/** Never lets a stack trace reach the client, and never lets a request error crash the process. */
export const errorHandler: ErrorRequestHandler = (err: unknown, _req, res, next) => {
  if (res.headersSent) {
    next(err);
    return;
  }
  const client = clientError(err);
  if (client !== undefined) {
    const description = typeof client.type === 'string' ? BODY_ERRORS[client.type] : undefined;
    sendError(res, client.status, 'invalid_request', description ?? 'The request could not be read.');
    return;
  }
  logError('dev tenant: unexpected error:', err);
  sendError(res, 500, 'server_error', 'The dev tenant hit an unexpected error; see its console.');
};
