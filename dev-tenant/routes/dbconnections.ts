// Lock's Sign Up tab and "Don't remember your password?" screen: /dbconnections/signup and
// /dbconnections/change_password. The reset "email" is printed; its link opens reset.ts.
import { type RequestHandler, type Response } from 'express';
import { DATABASE_CONNECTION } from '../config/config';
import type { TenantContext } from './context';
import type { PasswordPolicy, PasswordRefusal } from '../accounts/password-policy';
import { clientIp, readJsonFields, type JsonFields } from '../http/helpers';
import { admitted } from '../http/rate-limited';
import { requestPasswordReset, RESET_EMAIL_SENT } from './reset-request';
import { LEAKED_PASSWORD, PASSWORD_REFUSAL_TEXT, signUpWithRules, WEAK_PASSWORD } from './signup-rules';

/** Auth0's /dbconnections error body: auth0-js reads `code` and `description`, Lock maps code and name to its messages. */
function sendDbError(res: Response, status: number, code: string, description: string): void {
  res.status(status).set('Cache-Control', 'no-store').json({ name: 'BadRequestError', code, description, statusCode: status });
}

/** Auth0's body for a new password the connection refuses (go-auth0 authentication_error_test.go for PasswordStrengthError). */
function sendPasswordRefusal(res: Response, refusal: PasswordRefusal, policy: PasswordPolicy): void {
  if (refusal.name === 'password_leaked') {
    sendDbError(res, 400, 'password_leaked', LEAKED_PASSWORD);
    return;
  }
  res.status(400).set('Cache-Control', 'no-store');
  if (refusal.name === 'PasswordStrengthError') {
    res.json({
      name: refusal.name,
      message: WEAK_PASSWORD,
      code: 'invalid_password',
      description: refusal.report,
      policy: policy.describe(),
      statusCode: 400
    });
  } else {
    const text = PASSWORD_REFUSAL_TEXT[refusal.name];
    res.json({ name: refusal.name, message: text, code: 'invalid_password', description: text, statusCode: 400 });
  }
}

type Checked<K extends string> =
  { fields: JsonFields<K | 'client_id' | 'connection'> } | { status: number; code: string; description: string };

export function dbConnections(ctx: TenantContext): { readonly signup: RequestHandler; readonly changePassword: RequestHandler } {
  const { config, passwordPolicy } = ctx;

  /** The checks both endpoints share: the fields, or the error to send. */
  function check<K extends string>(body: unknown, required: readonly K[], enabled: boolean, feature: string): Checked<K> {
    const read = readJsonFields(body, ['client_id', 'connection', ...required]);
    if ('problem' in read) return { status: 400, code: 'invalid_request', description: read.problem };
    const { fields } = read;
    if (fields.client_id !== config.clientId) return { status: 403, code: 'unauthorized_client', description: 'Unknown client.' };
    if (fields.connection !== DATABASE_CONNECTION) {
      return { status: 400, code: 'invalid_request', description: `Unknown connection: this tenant has only ${DATABASE_CONNECTION}` };
    }
    if (!enabled) return { status: 403, code: 'operation_not_enabled', description: `${feature} is disabled on this tenant.` };
    return { fields };
  }

  const signup: RequestHandler = async (req, res) => {
    if (!admitted(res, ctx.rateLimits.signup.request(clientIp(req)), sendDbError)) return;
    const checked = check(req.body, ['email', 'password'], config.signup, 'Sign-up (DEV_TENANT_SIGNUP)');
    if (!('fields' in checked)) {
      sendDbError(res, checked.status, checked.code, checked.description);
      return;
    }
    const { email, password, name } = checked.fields;
    const outcome = await signUpWithRules(ctx, email, password, name);
    if ('refused' in outcome) {
      sendDbError(res, outcome.refused.status, outcome.refused.code, outcome.refused.description);
      return;
    }
    if ('passwordRefused' in outcome) {
      sendPasswordRefusal(res, outcome.passwordRefused, passwordPolicy);
      return;
    }
    const { user } = outcome;
    // Auth0's answer: the new user's id without the "auth0|" prefix, and the email not yet verified.
    res.set('Cache-Control', 'no-store').json({ _id: user.userId.replace(/^auth0\|/, ''), email_verified: false, email: user.email });
  };

  const changePassword: RequestHandler = (req, res) => {
    const checked = check(req.body, ['email'], config.forgotPassword, 'Password reset (DEV_TENANT_FORGOT_PASSWORD)');
    if (!('fields' in checked)) {
      sendDbError(res, checked.status, checked.code, checked.description);
      return;
    }
    if (!requestPasswordReset(ctx, res, checked.fields.email, clientIp(req), sendDbError)) return;
    // The same answer for unknown emails, as in Auth0: no account enumeration.
    res.status(200).set('Cache-Control', 'no-store').type('text/plain').send(RESET_EMAIL_SENT);
  };
  return { signup, changePassword };
}
