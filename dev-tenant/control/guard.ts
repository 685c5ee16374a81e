// Who may use the control API and its page: processes on this machine only, never a web page of
// another origin (no CSRF, no DNS rebinding against a developer's loopback).
import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { ResolvedTenantConfig } from '../config/config';
import { sendError } from '../http/errors';
import { CONTROL_SECRET_HEADER, controlSecretFile } from './secret';

/** The control API's path prefix. */
export const CONTROL_PREFIX = '/control/';

const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The names a browser on this machine uses for the tenant; any other Host came through DNS rebinding. */
const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** 127.0.0.0/8, ::1 and IPv4-mapped 127.x: the socket's peer, never a header. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** The origins of this tenant's own pages: its public URL and its loopback names on the same port. */
function ownOrigins(config: ResolvedTenantConfig): ReadonlySet<string> {
  const publicUrl = new URL(config.publicUrl);
  const origins = new Set([publicUrl.origin]);
  for (const hostname of LOOPBACK_HOSTNAMES) origins.add(`${publicUrl.protocol}//${hostname}:${config.port}`);
  return origins;
}

function hostIsOwn(req: Request, config: ResolvedTenantConfig): boolean {
  const host = req.headers.host;
  if (host === undefined) return false;
  return host === new URL(config.publicUrl).host || [...LOOPBACK_HOSTNAMES].some((name) => host === `${name}:${config.port}`);
}

// The header itself, not body-parser's view of it: a DELETE without a body still needs it. A form or a
// simple fetch from another page cannot send it without a CORS preflight, which this API never grants.
function hasJsonContentType(req: Request): boolean {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/** Refuses, with 403, what the control API must not answer: the reason, or undefined when the request may go on. */
function refusal(req: Request, config: ResolvedTenantConfig, origins: ReadonlySet<string>): string | undefined {
  if (!isLoopbackAddress(req.socket.remoteAddress)) return 'The control API answers loopback only.';
  if (!hostIsOwn(req, config)) return "The control API answers requests for the tenant's own host only (Host header).";
  const origin = req.headers.origin;
  if (origin !== undefined && !origins.has(origin)) return 'The control API refuses requests from other origins.';
  if (MUTATING_METHODS.has(req.method) && !hasJsonContentType(req)) {
    return 'The control API needs Content-Type: application/json on POST, PUT, PATCH and DELETE (an empty body may be {}).';
  }
  return undefined;
}

/** Mounted in front of the control API and its page. */
export function controlGuard(config: ResolvedTenantConfig): RequestHandler {
  const origins = ownOrigins(config);
  return (req, res, next) => {
    const reason = refusal(req, config, origins);
    if (reason === undefined) next();
    else sendError(res, 403, 'forbidden', reason);
  };
}

/**
 * In front of the routes that use the signing key: the X-Control-Secret header must hold the data
 * dir's control secret. Missing: 401; wrong: 403; both say where the secret is.
 */
export function requireControlSecret(secret: string, dataDir: string): RequestHandler {
  const expected = Buffer.from(secret);
  const where = `the contents of ${controlSecretFile(dataDir)}, which only the tenant's user can read`;
  return (req, res, next) => {
    const given = req.get(CONTROL_SECRET_HEADER);
    if (given === undefined) {
      sendError(res, 401, 'unauthorized', `${req.method} ${req.path} needs the ${CONTROL_SECRET_HEADER} header: ${where}.`);
      return;
    }
    const actual = Buffer.from(given);
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
      sendError(res, 403, 'forbidden', `The ${CONTROL_SECRET_HEADER} header is not the control secret (${where}).`);
      return;
    }
    next();
  };
}
