// /control/outbox, /control/settings, /control/faults and /control/reset.
import { type RequestHandler } from 'express';
import type { EmailKind, TenantContext } from '../routes/context';
import { queryParam } from '../http/helpers';
import type { TokenLifetimes } from '../crypto/tokens';
import type { Fault } from './faults';
import { badInput, ControlError, MAX_LIFETIME_S, optionalInteger, readBody } from './input';
import { resetTenant, type ControlState } from './reset';

const EMAIL_KINDS: readonly EmailKind[] = ['reset', 'verification', 'unblock'];

const iso = (epochMs: number | undefined): string | null => (epochMs === undefined ? null : new Date(epochMs).toISOString());

export interface EmailJson {
  readonly id: string;
  readonly kind: EmailKind;
  readonly to: string;
  readonly subject: string;
  readonly link: string;
  readonly sent_at: string;
}

function settingsJson(lifetimes: TokenLifetimes): Record<string, number> {
  return { id_token_lifetime_s: lifetimes.idTokenTtlSeconds, access_token_lifetime_s: lifetimes.accessTokenTtlSeconds };
}

function faultJson(fault: Fault): Record<string, unknown> {
  return {
    id: fault.id,
    path: fault.path,
    match: fault.match,
    kind: fault.kind,
    ...(fault.latencyMs === undefined ? {} : { latency_ms: fault.latencyMs }),
    ...(fault.status === undefined ? {} : { status: fault.status }),
    remaining: fault.remaining ?? null,
    ends_at: iso(fault.endsAt)
  };
}

export function controlTenant(
  ctx: TenantContext,
  state: ControlState
): {
  readonly outbox: RequestHandler;
  readonly clearOutbox: RequestHandler;
  readonly settings: RequestHandler;
  readonly changeSettings: RequestHandler;
  readonly faults: RequestHandler;
  readonly addFault: RequestHandler;
  readonly removeFault: RequestHandler<{ faultId: string }>;
  readonly clearFaults: RequestHandler;
  readonly reset: RequestHandler;
} {
  const outbox: RequestHandler = (req, res) => {
    const kind = queryParam(req, 'kind');
    if (kind !== undefined && !EMAIL_KINDS.some((known) => known === kind))
      throw badInput(`kind must be one of ${EMAIL_KINDS.join(', ')}.`);
    const emails = state.outbox.list({ to: queryParam(req, 'to'), kind: kind as EmailKind | undefined });
    res.json({
      emails: emails.map((email) => ({
        id: email.id,
        kind: email.kind,
        to: email.to,
        subject: email.subject,
        link: email.link,
        sent_at: iso(email.sentAt)
      }))
    });
  };
  const clearOutbox: RequestHandler = (_req, res) => {
    state.outbox.clear();
    res.status(204).end();
  };

  const settings: RequestHandler = (_req, res) => {
    res.json(settingsJson(ctx.tokens.lifetimes));
  };
  const changeSettings: RequestHandler = (req, res) => {
    const fields = readBody(req.body, ['id_token_lifetime_s', 'access_token_lifetime_s']);
    const idTokenTtlSeconds = optionalInteger(fields, 'id_token_lifetime_s', 1, MAX_LIFETIME_S);
    const accessTokenTtlSeconds = optionalInteger(fields, 'access_token_lifetime_s', 1, MAX_LIFETIME_S);
    const lifetimes = ctx.tokens.setLifetimes({
      ...(idTokenTtlSeconds === undefined ? {} : { idTokenTtlSeconds }),
      ...(accessTokenTtlSeconds === undefined ? {} : { accessTokenTtlSeconds })
    });
    res.json({ settings: settingsJson(lifetimes) });
  };

  const faults: RequestHandler = (_req, res) => {
    res.json({ faults: state.faults.list().map(faultJson) });
  };
  const addFault: RequestHandler = (req, res) => {
    res.status(201).json({ fault: faultJson(state.faults.add(req.body)) });
  };
  const removeFault: RequestHandler<{ faultId: string }> = (req, res) => {
    if (!state.faults.delete(req.params.faultId)) throw new ControlError(404, 'not_found', `No fault with id ${req.params.faultId}.`);
    res.status(204).end();
  };
  const clearFaults: RequestHandler = (_req, res) => {
    state.faults.clear();
    res.status(204).end();
  };

  const reset: RequestHandler = async (req, res) => {
    readBody(req.body, []);
    await resetTenant(ctx, state);
    res.json({});
  };
  return { outbox, clearOutbox, settings, changeSettings, faults, addFault, removeFault, clearFaults, reset };
}
