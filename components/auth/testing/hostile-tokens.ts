import { base64Url, unsignedJwt } from './jwt';

const header = base64Url('{"alg":"RS256"}');
const farFuture = base64Url('{"exp":9999999999}');

/**
 * What a browser's localStorage may hold under `id_token` (old versions, other apps, tampering).
 * None may be taken for a session; the unit and e2e tests plant each one.
 */
export const HOSTILE_TOKENS: Readonly<Record<string, string>> = {
  'empty string': '',
  'the string undefined': 'undefined',
  'the string null': 'null',
  'two parts': `${header}.${farFuture}`,
  'four parts': `${header}.${farFuture}.sig.extra`,
  'bad base64url': `${header}.%%%not-base64%%%.sig`,
  'bad header': `${base64Url('not json')}.${farFuture}.sig`,
  'non-JSON payload': `${header}.${base64Url('not json at all')}.sig`,
  'JSON array payload': `${header}.${base64Url('[1,2,3]')}.sig`,
  'JSON number payload': `${header}.${base64Url('42')}.sig`,
  'JSON null payload': `${header}.${base64Url('null')}.sig`,
  'invalid UTF-8 payload': `${header}.${base64Url('\xff\xfe{"exp":1}')}.sig`,
  'exp missing': unsignedJwt({ sub: 'auth0|1' }),
  'exp a string': unsignedJwt({ sub: 'auth0|1', exp: '9999999999' }),
  'exp null': unsignedJwt({ sub: 'auth0|1', exp: null }),
  'exp in the past': unsignedJwt({ sub: 'auth0|1', exp: 1000 }),
  'huge string (1 MiB)': 'a'.repeat(1024 * 1024)
};
