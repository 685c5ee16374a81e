// Parsers for the DEV_TENANT_* variables. Each throws an Error naming the variable, so a newcomer can fix it.

export function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/** A whole number in [min, max]; `what` completes "NAME must be ... between min and max". */
export function parseInteger(
  name: string,
  raw: string | undefined,
  fallback: number,
  range: { min: number; max: number; what: string }
): number {
  const value = nonEmpty(raw);
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < range.min || number > range.max) {
    throw new Error(`${name} must be ${range.what} between ${range.min} and ${range.max}, got "${value}"`);
  }
  return number;
}

export function parsePort(name: string, raw: string | undefined, fallback: number, min: number): number {
  return parseInteger(name, raw, fallback, { min, max: 65535, what: 'a port number' });
}

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off']);

export function parseBoolean(name: string, raw: string | undefined, fallback: boolean): boolean {
  const value = nonEmpty(raw)?.toLowerCase();
  if (value === undefined) return fallback;
  if (TRUE_WORDS.has(value)) return true;
  if (FALSE_WORDS.has(value)) return false;
  throw new Error(`${name} must be 1 or 0 (true/false), got "${value}"`);
}

export function parseChoice<T extends string>(name: string, raw: string | undefined, choices: readonly T[], fallback: T): T {
  const value = nonEmpty(raw);
  if (value === undefined) return fallback;
  const choice = choices.find((item) => item === value);
  if (choice === undefined) throw new Error(`${name} must be one of ${choices.join(', ')}, got "${value}"`);
  return choice;
}

export function parseHttpUrl(name: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} contains "${value}", which is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${name} contains "${value}": only http and https URLs are allowed`);
  }
  return url;
}

function splitList(raw: string | undefined): string[] | undefined {
  const value = nonEmpty(raw);
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function parseUrlList(name: string, raw: string | undefined, fallback: readonly string[]): readonly string[] {
  const items = splitList(raw);
  if (items === undefined) return fallback;
  // Kept exactly as written: redirect targets are compared as exact strings, like Auth0 does.
  for (const item of items) {
    // The tenant appends "#access_token=..." to callback URLs, so they cannot carry a fragment themselves.
    if (parseHttpUrl(name, item).hash !== '' || item.includes('#'))
      throw new Error(`${name} contains "${item}": URLs must not have a #fragment`);
  }
  return items;
}

export function parseOriginList(name: string, raw: string | undefined, fallback: readonly string[]): readonly string[] {
  const items = splitList(raw);
  if (items === undefined) return fallback;
  return items.map((item) => {
    const url = parseHttpUrl(name, item);
    if (item.replace(/\/$/, '') !== url.origin) throw new Error(`${name} contains "${item}", which is not an origin (scheme://host:port)`);
    return url.origin;
  });
}

/** An idle lifetime never outlasts its absolute one: throws naming both variables when it would. */
export function requireIdleWithinAbsolute(idle: { name: string; value: number }, absolute: { name: string; value: number }): void {
  if (idle.value > absolute.value) {
    throw new Error(`${idle.name} (${idle.value}) must not exceed ${absolute.name} (${absolute.value})`);
  }
}
