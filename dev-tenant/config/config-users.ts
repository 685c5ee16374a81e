// The users a tenant starts with: the default user plus those of the DEV_TENANT_USERS file.
import * as fs from 'node:fs';
import { DEFAULTS } from '../../config/defaults';
import { nonEmpty } from './config-parsers';
import { emailProblem } from '../accounts/email-address';

export interface TenantUser {
  readonly email: string;
  readonly password: string;
  readonly name: string;
}

export const DEFAULT_USER: TenantUser = DEFAULTS.devUser;

export function loadUsersFile(raw: string | undefined): TenantUser[] {
  const file = nonEmpty(raw);
  if (file === undefined) return [];
  const where = `DEV_TENANT_USERS file ${file}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${where} could not be read as JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (!Array.isArray(parsed)) throw new Error(`${where} must contain a JSON array of {"email", "password", "name"?}`);
  const seen = new Set([DEFAULT_USER.email]);
  return parsed.map((entry: unknown, index) => {
    const user = parseUser(entry, `${where}, entry ${index}`);
    const key = user.email.toLowerCase();
    if (seen.has(key)) throw new Error(`${where}, entry ${index}: duplicate email ${user.email}`);
    seen.add(key);
    return user;
  });
}

function parseUser(entry: unknown, where: string): TenantUser {
  if (typeof entry !== 'object' || entry === null) throw new Error(`${where} must be an object`);
  const { email, password, name } = entry as Record<string, unknown>;
  if (typeof email !== 'string') throw new Error(`${where} needs an "email" string`);
  const problem = emailProblem(email);
  if (problem !== undefined) throw new Error(`${where}: "email" ${problem}`);
  if (typeof password !== 'string' || password === '') throw new Error(`${where} needs a non-empty "password" string`);
  if (name !== undefined && typeof name !== 'string') throw new Error(`${where}: "name" must be a string`);
  return { email, password, name: name ?? email };
}

/** Auth0 database connections treat emails case-insensitively. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The same account's email, whatever its case or surrounding spaces. */
export function sameEmail(a: string, b: string): boolean {
  return normalizeEmail(a) === normalizeEmail(b);
}
