// OpenID Connect discovery and the JWKS that auth0-js fetches (with CORS) to verify id_tokens.
import { type RequestHandler } from 'express';
import { issuerOf, type TenantContext } from './context';
import { publicJwks } from '../crypto/signing-key';

export function discovery({ config, signingKey }: TenantContext): {
  readonly jwks: RequestHandler;
  readonly openidConfiguration: RequestHandler;
} {
  const jwksJson = publicJwks(signingKey);
  const configuration = {
    issuer: issuerOf(config),
    authorization_endpoint: `${config.publicUrl}/authorize`,
    jwks_uri: `${config.publicUrl}/.well-known/jwks.json`,
    token_endpoint: `${config.publicUrl}/oauth/token`,
    revocation_endpoint: `${config.publicUrl}/oauth/revoke`,
    userinfo_endpoint: `${config.publicUrl}/userinfo`,
    end_session_endpoint: `${config.publicUrl}/v2/logout`,
    response_types_supported: ['token', 'id_token', 'token id_token'],
    response_modes_supported: ['fragment', 'web_message'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', 'profile', 'email'],
    claims_supported: ['aud', 'email', 'email_verified', 'exp', 'iat', 'iss', 'name', 'nickname', 'nonce', 'picture', 'sub'],
    // A public SPA client: no client authentication at /oauth/token.
    token_endpoint_auth_methods_supported: ['none'],
    // authorization_code and refresh_token (with response type "code" and S256) join these once
    // /authorize issues codes: until then no app can get a code or a refresh token here.
    grant_types_supported: ['implicit'],
    request_parameter_supported: false
  };

  const jwks: RequestHandler = (_req, res) => {
    res.set('Cache-Control', 'public, max-age=600').json(jwksJson);
  };
  const openidConfiguration: RequestHandler = (_req, res) => {
    res.set('Cache-Control', 'public, max-age=600').json(configuration);
  };
  return { jwks, openidConfiguration };
}
