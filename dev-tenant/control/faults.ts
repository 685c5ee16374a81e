// Injected faults, per tenant endpoint: latency, an error status or an outage, for the next N
// matching requests and/or a duration. fault-middleware.ts applies them; the control API sets them.
import type { Clock } from '../stores/expiring-map';
import { badInput, optionalInteger, readBody, requiredString, type Fields } from './input';

export const FAULT_KINDS = ['latency', 'status', 'outage'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

const MAX_LATENCY_MS = 60_000;
/** A day: longer than any test or demo, short enough that a forgotten fault ends. */
const MAX_DURATION_MS = 24 * 60 * 60 * 1000;
const MAX_COUNT = 100_000;
const MAX_MATCH_PARAMS = 10;

export interface Fault {
  readonly id: string;
  readonly path: string;
  /** Query parameters a request must have, e.g. {prompt: "none"}. */
  readonly match: Readonly<Record<string, string>>;
  readonly kind: FaultKind;
  readonly latencyMs: number | undefined;
  readonly status: number | undefined;
  /** Matching requests it still applies to; undefined: no count, only the duration. */
  remaining: number | undefined;
  /** Epoch ms; undefined: no duration, only the count. */
  readonly endsAt: number | undefined;
}

const FAULT_FIELDS = ['path', 'kind', 'match', 'count', 'duration_ms', 'latency_ms', 'status'];

export class FaultStore {
  private faults: Fault[] = [];
  private sequence = 0;

  constructor(private readonly now: Clock = Date.now) {}

  /** Validates the control API's body and adds the fault; throws ControlError on bad input. */
  add(body: unknown): Fault {
    const fields = readBody(body, FAULT_FIELDS);
    const path = requiredString(fields, 'path');
    if (!path.startsWith('/') || path.startsWith('/control/') || path.length > 200) {
      throw badInput('path must be a tenant path such as /authorize (not under /control/).');
    }
    const kind = requiredString(fields, 'kind');
    if (!isFaultKind(kind)) throw badInput(`kind must be one of ${FAULT_KINDS.join(', ')}.`);
    const count = optionalInteger(fields, 'count', 1, MAX_COUNT);
    const durationMs = optionalInteger(fields, 'duration_ms', 1, MAX_DURATION_MS);
    if (count === undefined && durationMs === undefined) throw badInput('count or duration_ms (or both) is required.');
    const latencyMs = optionalInteger(fields, 'latency_ms', 1, MAX_LATENCY_MS);
    const status = optionalInteger(fields, 'status', 100, 999);
    if (kind === 'latency' && latencyMs === undefined) throw badInput('latency_ms is required for kind "latency".');
    if (kind !== 'latency' && latencyMs !== undefined) throw badInput('latency_ms applies to kind "latency" only.');
    if (kind === 'status' && (status === undefined || !isFaultStatus(status))) {
      throw badInput('status is required for kind "status" and must be 429 or 500 to 599.');
    }
    if (kind !== 'status' && status !== undefined) throw badInput('status applies to kind "status" only.');
    this.sequence += 1;
    const fault: Fault = {
      id: `fault_${this.sequence}`,
      path,
      match: readMatch(fields),
      kind,
      latencyMs,
      status,
      remaining: count,
      endsAt: durationMs === undefined ? undefined : this.now() + durationMs
    };
    this.faults.push(fault);
    return fault;
  }

  /** The live faults, oldest first. */
  list(): Fault[] {
    this.dropEnded();
    return [...this.faults];
  }

  delete(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((fault) => fault.id !== id);
    return this.faults.length < before;
  }

  clear(): void {
    this.faults = [];
  }

  /** The oldest live fault for this request, counted as used; undefined when none applies. */
  take(path: string, query: Readonly<Record<string, unknown>>): Fault | undefined {
    this.dropEnded();
    const fault = this.faults.find(
      (candidate) => candidate.path === path && Object.entries(candidate.match).every(([name, value]) => query[name] === value)
    );
    if (fault?.remaining !== undefined) {
      fault.remaining -= 1;
      if (fault.remaining === 0) this.delete(fault.id);
    }
    return fault;
  }

  private dropEnded(): void {
    const now = this.now();
    this.faults = this.faults.filter((fault) => fault.endsAt === undefined || fault.endsAt > now);
  }
}

/** Too many requests, or a server error: what a real tenant may answer when something is wrong on its side. */
function isFaultStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

function isFaultKind(value: string): value is FaultKind {
  return (FAULT_KINDS as readonly string[]).includes(value);
}

function readMatch(fields: Fields): Readonly<Record<string, string>> {
  const match = fields.match;
  if (match === undefined) return {};
  if (typeof match !== 'object' || match === null || Array.isArray(match))
    throw badInput('match must be an object of query parameter values.');
  const entries = Object.entries(match as Record<string, unknown>);
  if (entries.length > MAX_MATCH_PARAMS || entries.some(([, value]) => typeof value !== 'string')) {
    throw badInput(`match must map at most ${MAX_MATCH_PARAMS} query parameter names to string values.`);
  }
  return Object.fromEntries(entries) as Record<string, string>;
}
