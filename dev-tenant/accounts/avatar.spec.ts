// The `picture` claim and GET /avatar/<id>.svg: a generated avatar served by the tenant itself.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeJwt } from 'jose';
import { avatarIdFor } from './avatar';
import { avatarColour, avatarSvg, initialsOf } from '../http/avatar-svg';
import { fastHash } from '../crypto/password-hash';
import { USERS_FILE, type StoredUserRecord } from '../stores/users-file';
import { APP_ORIGIN, credentials, fragmentOf, fullLogin, postJson, signUpBody, useTestTenant } from '../testing/test-support';

/** WCAG 2's contrast ratio of a #rrggbb colour against white. */
function contrastWithWhite(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

describe('avatar pictures', () => {
  it.each([
    [{ name: 'Dev User', email: 'dev@example.com' }, 'DU'],
    [{ name: 'ann', email: 'ann@example.com' }, 'A'],
    [{ name: 'Anna Maria Example', email: 'a@example.com' }, 'AM'],
    [{ name: 'new.user@example.com', email: 'new.user@example.com' }, 'NU'],
    [{ name: 'émile zola', email: 'e@example.com' }, 'ÉZ'],
    [{ name: '李 小龍', email: 'l@example.com' }, '李小'],
    [{ name: '<b>"x"</b>', email: 'x@example.com' }, 'B'],
    [{ name: '   ', email: 'zed@example.com' }, 'Z'],
    [{ name: '!!!', email: '+++@example.com' }, '?']
  ])('initials of %p: %s', (user, initials) => {
    expect(initialsOf(user)).toBe(initials);
  });

  it('derives a stable, opaque id and a colour white initials can be read on from the user id', () => {
    const ids = Array.from({ length: 400 }, (_, index) => `auth0|${index.toString(16).padStart(24, '0')}`);
    for (const userId of ids) {
      expect(avatarIdFor(userId)).toMatch(/^[0-9a-f]{32}$/);
      expect(avatarColour(userId)).toMatch(/^#[0-9a-f]{6}$/);
      expect(contrastWithWhite(avatarColour(userId))).toBeGreaterThanOrEqual(4.5);
    }
    expect(avatarIdFor('auth0|1')).toBe(avatarIdFor('auth0|1'));
    expect(new Set(ids.map(avatarIdFor)).size).toBe(ids.length);
    expect(new Set(ids.map(avatarColour)).size).toBeGreaterThan(100);
  });

  it('escapes the initials and has nothing to run', () => {
    const svg = avatarSvg({ userId: 'auth0|1', name: 'Ann Example', email: 'ann@example.com' });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^>]*><rect [^>]*\/><text [^>]*>AE<\/text><\/svg>\n$/);
    expect(svg).not.toMatch(/<script|\son\w+=|href|<foreignObject/i);
  });
});

describe('the picture claim and GET /avatar/<id>.svg', () => {
  const stored = { email: 'stored@example.com', password: 'stored-password', name: 'Stored Person' };
  // users.json exactly as before avatars existed: they are derived from the user id, no new field.
  const t = useTestTenant({
    env: (dataDir) => {
      const record: StoredUserRecord = {
        user_id: 'auth0|00000000000000000000abcd',
        email: stored.email,
        name: stored.name,
        email_verified: true,
        password_hash: fastHash(stored.password),
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z'
      };
      fs.writeFileSync(path.join(dataDir, USERS_FILE), JSON.stringify({ users: [record] }));
      return {};
    }
  });

  const idTokenClaims = async (overrides: Record<string, string> = {}, user = credentials()) =>
    decodeJwt(fragmentOf(await fullLogin(t.tenant, overrides, undefined, user)).get('id_token') ?? '');
  const pictureOf = async (user = credentials()): Promise<string> => String((await idTokenClaims({}, user)).picture);

  it('puts a picture on the tenant into id_tokens for scope profile, as Auth0 does, and none without', async () => {
    const claims = await idTokenClaims();
    expect(claims.picture).toBe(`${t.tenant.url}/avatar/${avatarIdFor(String(claims.sub))}.svg`);
    expect(claims.picture).not.toContain(String(claims.sub).split('|')[1]);
    expect(await idTokenClaims({ scope: 'openid email' })).not.toHaveProperty('picture');
  });

  it('gives /userinfo the same picture for scope profile', async () => {
    const fragment = fragmentOf(await fullLogin(t.tenant));
    const res = await fetch(`${t.tenant.url}/userinfo`, { headers: { authorization: `Bearer ${fragment.get('access_token') ?? ''}` } });
    expect(((await res.json()) as { picture?: unknown }).picture).toBe(decodeJwt(fragment.get('id_token') ?? '').picture);
  });

  it("serves an SVG of the user's initials on the user's colour: cacheable, not sniffed, nothing to run", async () => {
    const claims = await idTokenClaims();
    const res = await fetch(String(claims.picture), { headers: { origin: APP_ORIGIN } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    const svg = await res.text();
    expect(svg).toContain('>DU</text>');
    expect(svg).toContain(`fill="${avatarColour(String(claims.sub))}"`);
    expect(svg).not.toMatch(/<script|\son\w+=|href|<foreignObject/i);

    const etag = res.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    // A browser's revalidation (fetch() alone would add `Cache-Control: no-cache` to a conditional request).
    const revalidation = await fetch(String(claims.picture), { headers: { 'if-none-match': etag, 'cache-control': 'max-age=0' } });
    expect(revalidation.status).toBe(304);
  });

  it('gives a user from an earlier users.json an avatar too, of their own', async () => {
    const picture = await pictureOf(credentials(stored.email, stored.password));
    expect(picture).toBe(`${t.tenant.url}/avatar/${avatarIdFor('auth0|00000000000000000000abcd')}.svg`);
    expect(picture).not.toBe(await pictureOf());
    const svg = await (await fetch(picture)).text();
    expect(svg).toContain('>SP</text>');
    expect(svg).toContain(`fill="${avatarColour('auth0|00000000000000000000abcd')}"`);
  });

  it('never puts what a user typed into the SVG as markup', async () => {
    const email = 'hostile@example.com';
    const name = '<script>alert(1)</script> "&\' <svg onload=alert(2)>';
    expect((await postJson(t.tenant, '/dbconnections/signup', signUpBody(email, 'Str0ng-password', { name }))).status).toBe(200);
    const svg = await (await fetch(await pictureOf(credentials(email, 'Str0ng-password')))).text();
    expect(svg).toContain('>SS</text>');
    expect(svg).not.toMatch(/<script|onload|alert|&(?!#)/i);
  });

  it.each([
    ['an unknown id', `/avatar/${'0'.repeat(32)}.svg`],
    ['an upper-case id', () => `/avatar/${avatarIdFor('auth0|00000000000000000000abcd').toUpperCase()}.svg`],
    ['another extension', () => `/avatar/${avatarIdFor('auth0|00000000000000000000abcd')}.png`],
    ['markup', '/avatar/%3Cscript%3Ealert(1)%3C%2Fscript%3E.svg'],
    ['a path', '/avatar/..%2F..%2Fpackage.json'],
    ['no file', '/avatar/']
  ])('answers %s with a JSON 404, echoing no markup', async (_case, urlPath) => {
    const res = await fetch(`${t.tenant.url}${typeof urlPath === 'function' ? urlPath() : urlPath}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.text()).not.toMatch(/<script/i);
  });
});
