import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfigFromEnv, resolvePublicUrl } from './config';
import { useTempDir } from '../testing/test-support';

describe('loadConfigFromEnv', () => {
  const dir = useTempDir('all');
  const usersFile = (name: string, content: string): string => {
    const file = path.join(dir.path, name);
    fs.writeFileSync(file, content);
    return file;
  };

  it('defaults to a loopback tenant on 3001 for an app on 3000', () => {
    const config = loadConfigFromEnv({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 3001,
      publicUrl: 'http://localhost:3001',
      clientId: 'dev-tenant-client',
      callbackUrls: ['http://localhost:3000/', 'http://localhost:3000'],
      webOrigins: ['http://localhost:3000'],
      logoutUrls: ['http://localhost:3000/', 'http://localhost:3000'],
      idTokenTtlSeconds: 36000,
      accessTokenTtlSeconds: 7200,
      users: [{ email: 'dev@example.com', password: 'dev-password', name: 'Dev User' }],
      dataDir: path.join(__dirname, '..', '.data'),
      apiAudience: 'http://localhost:3002/',
      signup: true,
      forgotPassword: true,
      passwordPolicy: 'good',
      userExistsError: false,
      bruteForceMaxAttempts: 10,
      breachedPasswords: [],
      passwordDictionary: [],
      passwordNoPersonalInfo: false,
      idleSessionLifetimeHours: 72,
      sessionLifetimeHours: 168,
      sessionCookieMode: 'persistent',
      // Auth0's refresh token rotation defaults: 30 days absolute, 15 days idle, no reuse interval.
      refreshTokenLifetimeSeconds: 2592000,
      refreshTokenIdleLifetimeSeconds: 1296000,
      refreshTokenLeewaySeconds: 0
    });
  });

  it('follows PORT and the DEV_TENANT_* variables', () => {
    const config = loadConfigFromEnv({
      PORT: '4000',
      DEV_TENANT_PORT: '4001',
      DEMO_API_PORT: '4002',
      DEV_TENANT_PUBLIC_URL: 'http://127.0.0.1:4001/',
      DEV_TENANT_CLIENT_ID: 'my-client',
      DEV_TENANT_TOKEN_TTL: '60',
      DEV_TENANT_LOGOUT_URLS: 'http://localhost:4000/bye, http://localhost:4000/',
      DEV_TENANT_SIGNUP: 'false',
      DEV_TENANT_FORGOT_PASSWORD: '0',
      DEV_TENANT_PASSWORD_POLICY: 'excellent',
      DEV_TENANT_USER_EXISTS_ERROR: '1',
      DEV_TENANT_BRUTE_FORCE_MAX_ATTEMPTS: '100',
      DEV_TENANT_BREACHED_PASSWORDS: 'Leaked-pass-1,Leaked pass 2',
      DEV_TENANT_PASSWORD_DICTIONARY: 'Correct-horse-1',
      DEV_TENANT_PASSWORD_NO_PERSONAL_INFO: 'on',
      DEV_TENANT_IDLE_SESSION_LIFETIME: '1',
      DEV_TENANT_SESSION_LIFETIME: '2',
      DEV_TENANT_SESSION_COOKIE_MODE: 'non-persistent',
      DEV_TENANT_REFRESH_TOKEN_LIFETIME: '600',
      DEV_TENANT_REFRESH_TOKEN_IDLE_LIFETIME: '60',
      DEV_TENANT_REFRESH_TOKEN_LEEWAY: '5'
    });
    expect(config).toMatchObject({
      port: 4001,
      publicUrl: 'http://127.0.0.1:4001',
      clientId: 'my-client',
      callbackUrls: ['http://localhost:4000/', 'http://localhost:4000'],
      webOrigins: ['http://localhost:4000'],
      logoutUrls: ['http://localhost:4000/bye', 'http://localhost:4000/'],
      idTokenTtlSeconds: 60,
      apiAudience: 'http://localhost:4002/',
      signup: false,
      forgotPassword: false,
      passwordPolicy: 'excellent',
      userExistsError: true,
      bruteForceMaxAttempts: 100,
      breachedPasswords: ['Leaked-pass-1', 'Leaked pass 2'],
      passwordDictionary: ['Correct-horse-1'],
      passwordNoPersonalInfo: true,
      idleSessionLifetimeHours: 1,
      sessionLifetimeHours: 2,
      sessionCookieMode: 'non-persistent',
      refreshTokenLifetimeSeconds: 600,
      refreshTokenIdleLifetimeSeconds: 60,
      refreshTokenLeewaySeconds: 5
    });
  });

  it('caps the default idle refresh-token lifetime at a shorter absolute one', () => {
    expect(loadConfigFromEnv({ DEV_TENANT_REFRESH_TOKEN_LIFETIME: '3600' })).toMatchObject({
      refreshTokenLifetimeSeconds: 3600,
      refreshTokenIdleLifetimeSeconds: 3600
    });
  });

  it('takes any API identifier in DEV_TENANT_API_AUDIENCE', () => {
    expect(loadConfigFromEnv({ DEV_TENANT_API_AUDIENCE: 'urn:my-api', DEMO_API_PORT: '4002' }).apiAudience).toBe('urn:my-api');
  });

  it('leaves the public URL to the actual port when listening on port 0', () => {
    const config = loadConfigFromEnv({ DEV_TENANT_PORT: '0' });
    expect(config.publicUrl).toBeUndefined();
    expect(resolvePublicUrl(config, 45678).publicUrl).toBe('http://localhost:45678');
  });

  it.each([
    [{ DEV_TENANT_PORT: 'abc' }, /DEV_TENANT_PORT must be a port number/],
    [{ DEV_TENANT_PORT: '70000' }, /DEV_TENANT_PORT/],
    [{ PORT: '0' }, /PORT must be a port number between 1 and 65535/],
    [{ DEV_TENANT_TOKEN_TTL: '10m' }, /DEV_TENANT_TOKEN_TTL must be a whole number of seconds/],
    [{ DEV_TENANT_TOKEN_TTL: '0' }, /DEV_TENANT_TOKEN_TTL/],
    [{ DEV_TENANT_PUBLIC_URL: 'localhost:3001' }, /DEV_TENANT_PUBLIC_URL/],
    [{ DEV_TENANT_PUBLIC_URL: 'http://localhost:3001/tenant' }, /DEV_TENANT_PUBLIC_URL must be an origin/],
    [{ DEV_TENANT_CALLBACK_URLS: 'javascript:alert(1)' }, /DEV_TENANT_CALLBACK_URLS.*only http and https/],
    [{ DEV_TENANT_CALLBACK_URLS: 'http://localhost:3000/#x' }, /DEV_TENANT_CALLBACK_URLS.*#fragment/],
    [{ DEV_TENANT_WEB_ORIGINS: 'http://localhost:3000/app' }, /DEV_TENANT_WEB_ORIGINS.*not an origin/],
    [{ DEV_TENANT_CLIENT_ID: 'a/b' }, /DEV_TENANT_CLIENT_ID/],
    [{ DEV_TENANT_SIGNUP: 'maybe' }, /DEV_TENANT_SIGNUP must be 1 or 0/],
    [{ DEV_TENANT_FORGOT_PASSWORD: '2' }, /DEV_TENANT_FORGOT_PASSWORD must be 1 or 0/],
    [{ DEV_TENANT_PASSWORD_POLICY: 'strong' }, /DEV_TENANT_PASSWORD_POLICY must be one of none, low, fair, good, excellent/],
    [
      { DEV_TENANT_BRUTE_FORCE_MAX_ATTEMPTS: '0' },
      /DEV_TENANT_BRUTE_FORCE_MAX_ATTEMPTS must be a whole number of attempts between 1 and 100/
    ],
    [{ DEV_TENANT_BRUTE_FORCE_MAX_ATTEMPTS: '101' }, /DEV_TENANT_BRUTE_FORCE_MAX_ATTEMPTS .*between 1 and 100/],
    [{ DEV_TENANT_USER_EXISTS_ERROR: 'sometimes' }, /DEV_TENANT_USER_EXISTS_ERROR must be 1 or 0/],
    [{ DEV_TENANT_SESSION_LIFETIME: '0' }, /DEV_TENANT_SESSION_LIFETIME must be a whole number of hours between 1 and 2400/],
    [
      { DEV_TENANT_IDLE_SESSION_LIFETIME: '200' },
      /DEV_TENANT_IDLE_SESSION_LIFETIME \(200\) must not exceed DEV_TENANT_SESSION_LIFETIME \(168\)/
    ],
    [{ DEV_TENANT_SESSION_COOKIE_MODE: 'forever' }, /DEV_TENANT_SESSION_COOKIE_MODE must be one of persistent, non-persistent/],
    [
      { DEV_TENANT_REFRESH_TOKEN_LIFETIME: '0' },
      /DEV_TENANT_REFRESH_TOKEN_LIFETIME must be a whole number of seconds between 1 and 31557600/
    ],
    [{ DEV_TENANT_REFRESH_TOKEN_LIFETIME: '31557601' }, /DEV_TENANT_REFRESH_TOKEN_LIFETIME .*between 1 and 31557600/],
    [
      { DEV_TENANT_REFRESH_TOKEN_LIFETIME: '60', DEV_TENANT_REFRESH_TOKEN_IDLE_LIFETIME: '61' },
      /DEV_TENANT_REFRESH_TOKEN_IDLE_LIFETIME \(61\) must not exceed DEV_TENANT_REFRESH_TOKEN_LIFETIME \(60\)/
    ],
    [{ DEV_TENANT_REFRESH_TOKEN_LEEWAY: '-1' }, /DEV_TENANT_REFRESH_TOKEN_LEEWAY must be a whole number of seconds/],
    [{ DEV_TENANT_API_AUDIENCE: 'my api' }, /DEV_TENANT_API_AUDIENCE must be 1-600 printable characters/]
  ])('rejects %j with a clear message', (env, message) => {
    expect(() => loadConfigFromEnv(env)).toThrow(message);
  });

  it('adds the users of DEV_TENANT_USERS to the default user', () => {
    const file = usersFile(
      'users.json',
      JSON.stringify([
        { email: 'ann@example.com', password: 'pw', name: 'Ann' },
        { email: 'bob@example.com', password: 'pw2' }
      ])
    );
    expect(loadConfigFromEnv({ DEV_TENANT_USERS: file }).users.map((user) => [user.email, user.name])).toEqual([
      ['dev@example.com', 'Dev User'],
      ['ann@example.com', 'Ann'],
      ['bob@example.com', 'bob@example.com']
    ]);
  });

  it.each([
    ['malformed.json', '[{"email": ', /DEV_TENANT_USERS file .*malformed\.json could not be read as JSON/],
    ['object.json', '{"email": "a@b.c"}', /must contain a JSON array/],
    ['no-password.json', '[{"email": "a@b.c"}]', /entry 0 needs a non-empty "password"/],
    ['no-email.json', '[{"password": "x"}]', /entry 0 needs an "email"/],
    ['lone-surrogate.json', '[{"email": "\\ud800@x.com", "password": "x"}]', /entry 0: "email" is not well-formed Unicode/],
    ['escape.json', '[{"email": "a\\u001b[2J@x.com", "password": "x"}]', /entry 0: "email" contains a control character/],
    ['duplicate.json', '[{"email": "DEV@example.com", "password": "x"}]', /duplicate email/]
  ])('rejects the users file %s', (name, content, message) => {
    expect(() => loadConfigFromEnv({ DEV_TENANT_USERS: usersFile(name, content) })).toThrow(message);
  });

  it('names a users file that does not exist', () => {
    const missing = path.join(dir.path, 'missing.json');
    expect(() => loadConfigFromEnv({ DEV_TENANT_USERS: missing })).toThrow(`DEV_TENANT_USERS file ${missing} could not be read`);
  });
});
