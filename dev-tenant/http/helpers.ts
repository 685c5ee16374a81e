// Small request/response helpers shared by the routes.
import type { Request } from 'express';

/** A query parameter given exactly once; repeated or nested parameters count as absent. */
export function queryParam(req: Request, name: string): string | undefined {
  const value: unknown = (req.query as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

function cookiePairs(req: Request): [string, string][] {
  const pairs: [string, string][] = [];
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0) pairs.push([part.slice(0, separator).trim(), part.slice(separator + 1).trim()]);
  }
  return pairs;
}

/**
 * One cookie's value from the Cookie header (no cookie-parser: our values are base64url, never
 * encoded). A name sent twice counts as absent: another page on the same host may have planted a
 * second cookie of that name on a narrower path (cookie tossing), and neither can be trusted.
 */
export function readCookie(req: Request, name: string): string | undefined {
  const values = cookiePairs(req).filter(([key]) => key === name);
  return values.length === 1 ? values[0]?.[1] : undefined;
}

export function requestCookieNames(req: Request): string[] {
  return cookiePairs(req).map(([key]) => key);
}

/** JSON that can sit inside an HTML <script> element without closing it or breaking JS parsing. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The origin of an absolute URL, or undefined when it does not parse. */
export function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** The TCP peer: the tenant listens on loopback without a proxy, so X-Forwarded-For is never trusted. */
export function clientIp(req: Request): string {
  return req.socket.remoteAddress ?? 'unknown';
}

/** Credentials and sign-ups are tiny; a small limit keeps hostile bodies cheap. */
export const SMALL_BODY_LIMIT = '10kb';

export type JsonFields<K extends string> = Readonly<Record<K, string>> & Readonly<Record<string, unknown>>;

/**
 * The fields of a parsed JSON object body with every required field a non-empty string, or the
 * problem (Auth0's wording) to report as invalid_request. A missing or non-JSON body is "not an object".
 */
export function readJsonFields<K extends string>(body: unknown, required: readonly K[]): { fields: JsonFields<K> } | { problem: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { problem: 'The request body must be a JSON object.' };
  const fields = body as Record<string, unknown>;
  const missing = required.find((name) => typeof fields[name] !== 'string' || fields[name] === '');
  if (missing !== undefined) return { problem: `Missing required parameter: ${missing}` };
  return { fields: fields as JsonFields<K> };
}

/** A non-empty string field of a parsed body, JSON or form-encoded alike; anything else counts as absent. */
export function bodyField(body: unknown, name: string): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const value: unknown = (body as Record<string, unknown>)[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
