// /control/outbox, /control/settings, /control/faults and /control/reset.
import express, { Router } from 'express';
import type { EmailKind, TenantContext } from '../routes/context';
import { queryParam, SMALL_BODY_LIMIT } from '../http/helpers';
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

export function controlTenantRoutes(ctx: TenantContext, state: ControlState): Router {
  const router = Router();
  const json = express.json({ limit: SMALL_BODY_LIMIT });

  router.get('/control/outbox', (req, res) => {
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
  });
  router.delete('/control/outbox', (_req, res) => {
    state.outbox.clear();
    res.status(204).end();
  });

  router.get('/control/settings', (_req, res) => {
    res.json(settingsJson(ctx.tokens.lifetimes));
  });
  router.patch('/control/settings', json, (req, res) => {
    const fields = readBody(req.body, ['id_token_lifetime_s', 'access_token_lifetime_s']);
    const idTokenTtlSeconds = optionalInteger(fields, 'id_token_lifetime_s', 1, MAX_LIFETIME_S);
    const accessTokenTtlSeconds = optionalInteger(fields, 'access_token_lifetime_s', 1, MAX_LIFETIME_S);
    const lifetimes = ctx.tokens.setLifetimes({
      ...(idTokenTtlSeconds === undefined ? {} : { idTokenTtlSeconds }),
      ...(accessTokenTtlSeconds === undefined ? {} : { accessTokenTtlSeconds })
    });
    res.json({ settings: settingsJson(lifetimes) });
  });

  router.get('/control/faults', (_req, res) => {
    res.json({ faults: state.faults.list().map(faultJson) });
  });
  router.post('/control/faults', json, (req, res) => {
    res.status(201).json({ fault: faultJson(state.faults.add(req.body)) });
  });
  router.delete('/control/faults/:faultId', (req, res) => {
    if (!state.faults.delete(req.params.faultId)) throw new ControlError(404, 'not_found', `No fault with id ${req.params.faultId}.`);
    res.status(204).end();
  });
  router.delete('/control/faults', (_req, res) => {
    state.faults.clear();
    res.status(204).end();
  });

  router.post('/control/reset', json, async (req, res) => {
    readBody(req.body, []);
    await resetTenant(ctx, state);
    res.json({});
  });
  return router;
}
