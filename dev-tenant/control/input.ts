// Reading the control API's JSON bodies and queries: each problem names its field, and becomes a
// 400 (or the status given) through controlErrors.
import type { ErrorRequestHandler } from 'express';
import { sendError } from '../http/errors';

/** An answer the control API gives instead of the endpoint's result. */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    description: string
  ) {
    super(description);
  }
}

export function badInput(description: string): ControlError {
  return new ControlError(400, 'invalid_request', description);
}

/** Auth0's upper bound for token lifetimes (30 days). */
export const MAX_LIFETIME_S = 2_592_000;

export type Fields = Readonly<Record<string, unknown>>;

/** The body as an object whose fields are all among `allowed`: a misspelt field is reported, never ignored. */
export function readBody(body: unknown, allowed: readonly string[]): Fields {
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badInput('The request body must be a JSON object.');
  const unknown = Object.keys(body).find((name) => !allowed.includes(name));
  if (unknown !== undefined) throw badInput(`Unknown field: ${unknown} (allowed: ${allowed.join(', ') || 'none'}).`);
  return body as Fields;
}

export function requiredString(fields: Fields, name: string): string {
  const value = fields[name];
  if (typeof value !== 'string' || value.trim() === '') throw badInput(`${name} is required and must be a non-empty string.`);
  return value;
}

export function optionalString(fields: Fields, name: string): string | undefined {
  const value = fields[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badInput(`${name} must be a string.`);
  return value;
}

export function optionalBoolean(fields: Fields, name: string): boolean | undefined {
  const value = fields[name];
  if (value === undefined || typeof value === 'boolean') return value;
  throw badInput(`${name} must be true or false.`);
}

export function optionalInteger(fields: Fields, name: string, min: number, max: number): number | undefined {
  const value = fields[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${name} must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

/** Turns a ControlError into its JSON answer; any other error goes on to the tenant's error handler. */
export const controlErrors: ErrorRequestHandler = (err: unknown, _req, res, next) => {
  if (err instanceof ControlError && !res.headersSent) sendError(res, err.status, err.code, err.message);
  else next(err);
};
