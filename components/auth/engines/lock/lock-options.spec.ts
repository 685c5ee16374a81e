import { resolveAuthSessionOptions } from '../../settings/auth-session.options';
import { ACCESSIBLE_PRIMARY_COLOR, buildLockOptions } from './lock-options';

/** WCAG 2's contrast ratio of a #rrggbb colour against white. */
function contrastWithWhite(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

const page = 'http://localhost:3000';
const devTenant = resolveAuthSessionOptions({ domain: 'http://localhost:3001', clientID: 'dev-tenant-client' }, page);
const realTenant = resolveAuthSessionOptions({ domain: 'example.eu.auth0.com', clientID: 'abc' }, page);

describe('buildLockOptions', () => {
  it("uses redirect mode, parses only through interceptHash, and comes back to the page's origin by default", () => {
    expect(buildLockOptions(realTenant).auth).toEqual({
      redirect: true,
      redirectUrl: 'http://localhost:3000/',
      responseType: 'token id_token',
      params: { scope: 'openid profile email' },
      autoParseHash: false
    });
  });

  it('honours callbackUrl', () => {
    const settings = resolveAuthSessionOptions(
      { domain: 'example.eu.auth0.com', clientID: 'abc', callbackUrl: 'https://app.example.com/cb' },
      page
    );
    expect(buildLockOptions(settings).auth?.redirectUrl).toBe('https://app.example.com/cb');
  });

  it('points Lock and auth0-js at the dev tenant for everything, with no request off the machine', () => {
    const options = buildLockOptions(devTenant);
    expect(options).toMatchObject({
      configurationBaseUrl: 'http://localhost:3001',
      languageBaseUrl: 'http://localhost:3001',
      overrides: { __token_issuer: 'http://localhost:3001/', __jwks_uri: 'http://localhost:3001/.well-known/jwks.json' },
      avatar: null
    });
    expect(options.theme?.logo).toMatch(/^data:image\/svg\+xml,/);
  });

  it("leaves Lock's defaults for a real tenant, except the gravatar lookup and the button's contrast", () => {
    const options = buildLockOptions(realTenant);
    expect(options.configurationBaseUrl).toBeUndefined();
    expect(options.overrides).toBeUndefined();
    expect(options.theme).toEqual({ primaryColor: ACCESSIBLE_PRIMARY_COLOR });
    expect(options.avatar).toBeNull();
  });

  it('gives Lock a primary colour its white labels pass WCAG AA on, in every mode', () => {
    expect(buildLockOptions(devTenant).theme?.primaryColor).toBe(ACCESSIBLE_PRIMARY_COLOR);
    expect(contrastWithWhite(ACCESSIBLE_PRIMARY_COLOR)).toBeGreaterThanOrEqual(4.5);
  });

  it("takes the app's own Lock options, but keeps redirect mode and hash parsing", () => {
    const settings = resolveAuthSessionOptions(
      {
        domain: 'http://127.0.0.1:3001',
        clientID: 'c',
        lockOptions: {
          theme: { primaryColor: '#123456' },
          language: 'fr',
          auth: { redirect: false, autoParseHash: true, params: { scope: 'openid' } }
        }
      },
      page
    );
    const options = buildLockOptions(settings);
    expect(options).toMatchObject({ language: 'fr', theme: { primaryColor: '#123456', logo: expect.stringMatching(/^data:/) as unknown } });
    expect(options.auth).toMatchObject({ redirect: true, autoParseHash: false, params: { scope: 'openid' } });
  });
});
