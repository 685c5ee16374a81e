// Who the control API answers: loopback peers of the tenant's own host and origin, JSON mutations only.
import * as http from 'node:http';
import type { Request, Response } from 'express';
import { resolvePublicUrl } from '../config/config';
import { APP_ORIGIN, testConfig, useTempDir, useTestTenant, startTestTenant } from '../testing/test-support';
import { control } from '../testing/control-test-support';
import { controlGuard, isLoopbackAddress } from './guard';

describe('isLoopbackAddress', () => {
  it.each(['127.0.0.1', '127.255.0.9', '::1', '::ffff:127.0.0.1'])('accepts %s', (address) => {
    expect(isLoopbackAddress(address)).toBe(true);
  });
  it.each(['10.0.0.5', '192.168.1.2', '::ffff:10.0.0.5', 'fe80::1', '128.0.0.1', '127.0.0.1.evil', undefined])('refuses %s', (address) => {
    expect(isLoopbackAddress(address)).toBe(false);
  });
});

describe('controlGuard', () => {
  const dir = useTempDir();

  it('refuses a peer that is not on loopback, whatever its headers say', () => {
    const config = resolvePublicUrl(testConfig(dir.path), 4567);
    const sent: { status?: number; body?: unknown } = {};
    const res = {
      status(code: number) {
        sent.status = code;
        return res;
      },
      set() {
        return res;
      },
      json(body: unknown) {
        sent.body = body;
        return res;
      }
    };
    const req = {
      socket: { remoteAddress: '10.1.2.3' },
      headers: { host: 'localhost:4567', 'x-forwarded-for': '127.0.0.1' },
      method: 'GET'
    };
    const next = jest.fn();
    controlGuard(config)(req as unknown as Request, res as unknown as Response, next);
    expect(next).not.toHaveBeenCalled();
    expect(sent).toEqual({ status: 403, body: { error: 'forbidden', error_description: 'The control API answers loopback only.' } });
  });
});

describe('control API guard on a running tenant', () => {
  const t = useTestTenant();

  it('answers its own origin and requests without an Origin', async () => {
    expect((await control(t.tenant, 'POST', '/control/sessions/expire', {}, { origin: t.tenant.url })).status).toBe(200);
    expect((await control(t.tenant, 'GET', '/control/users')).status).toBe(200);
  });

  it.each([
    ['the app', APP_ORIGIN],
    ['another site', 'https://evil.example'],
    ['an opaque origin', 'null']
  ])('refuses a request from %s (CSRF)', async (_what, origin) => {
    for (const method of ['GET', 'POST']) {
      const answer = await control(t.tenant, method, '/control/sessions/revoke', {}, { origin });
      expect(answer.status).toBe(403);
      expect(answer.body).toEqual({ error: 'forbidden', error_description: 'The control API refuses requests from other origins.' });
    }
  });

  it.each([
    ['no content type', undefined],
    ['a form', 'application/x-www-form-urlencoded'],
    ['plain text', 'text/plain']
  ])('refuses a mutation with %s', async (_what, contentType) => {
    for (const method of ['POST', 'DELETE']) {
      const res = await fetch(`${t.tenant.url}/control/outbox`, {
        method,
        // fetch labels a string body text/plain itself, so "no content type" sends no body.
        ...(contentType === undefined ? {} : { headers: { 'content-type': contentType }, body: '{}' })
      });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error_description: string }).error_description).toMatch(/Content-Type: application\/json/);
    }
  });

  it('accepts a DELETE with the JSON content type and no body', async () => {
    const res = await fetch(`${t.tenant.url}/control/outbox`, { method: 'DELETE', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(204);
  });

  it('refuses a Host that is not the tenant (DNS rebinding)', async () => {
    const { port } = new URL(t.tenant.url);
    const answer = await new Promise<{ status: number | undefined; body: string }>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/control/users', headers: { host: `rebound.example:${port}` } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        res.on('end', () => {
          resolve({ status: res.statusCode, body });
        });
      });
      req.on('error', reject);
    });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatch(/Host header/);
  });

  it('guards the page at / too', async () => {
    const res = await fetch(`${t.tenant.url}/`, { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
  });
});

describe('DEV_TENANT_CONTROL=off', () => {
  const dir = useTempDir();

  it('answers 404 for the control API and the page, as for any unknown path', async () => {
    const tenant = await startTestTenant(dir.path, { DEV_TENANT_CONTROL: 'off' });
    try {
      for (const path of ['/control/users', '/', '/control/page.js']) {
        const res = await fetch(`${tenant.url}${path}`);
        expect(res.status).toBe(404);
      }
      expect((await control(tenant, 'POST', '/control/reset')).status).toBe(404);
    } finally {
      await tenant.close();
    }
  });
});
