/**
 * Reading a stored id_token defensively. angular-jwt 0.1.11 throws (even strings) on malformed
 * tokens and calls a token without `exp` unexpired; whatever sits in localStorage, this says
 * "usable" or "not", and never throws.
 */
export interface IdTokenClaims {
  readonly exp: number;
  readonly sub?: string;
  readonly name?: string;
  readonly email?: string;
  readonly [claim: string]: unknown;
}

/** Real id_tokens are a few KB; anything far larger is not one and is not worth decoding. */
const MAX_TOKEN_LENGTH = 16 * 1024;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

function decodeBase64Url(segment: string): string | null {
  if (!BASE64URL.test(segment) || segment.length % 4 === 1) {
    return null;
  }
  const base64 = segment
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(segment.length / 4) * 4, '=');
  try {
    // Bytes to UTF-8 text; decodeURIComponent throws on invalid UTF-8.
    const percentEncoded = Array.from(atob(base64), (char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
    return decodeURIComponent(percentEncoded);
  } catch {
    return null;
  }
}

function parseObject(json: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The claims of a well-formed JWT with a numeric `exp`, or null for anything else. */
export function decodeIdToken(token: unknown): IdTokenClaims | null {
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
    return null;
  }
  const parts = token.split('.');
  if (parts.length !== 3) {
    return null;
  }
  const [header, payload] = parts.map(decodeBase64Url);
  const claims = payload ? parseObject(payload) : null;
  if (!header || !parseObject(header) || !claims) {
    return null;
  }
  const exp = claims.exp;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) {
    return null;
  }
  return { ...claims, exp };
}

/** The claims of a well-formed token issued to `clientId` (its `aud`), or null. */
export function claimsForClient(token: unknown, clientId: string): IdTokenClaims | null {
  const claims = decodeIdToken(token);
  const audience = claims?.aud;
  const audiences: unknown[] = Array.isArray(audience) ? audience : [audience];
  return claims && audiences.includes(clientId) ? claims : null;
}
