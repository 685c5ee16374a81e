// Lock's Sign Up tab and "Don't remember your password?" screen: /dbconnections/signup and
// /dbconnections/change_password. The reset "email" is printed; its link opens reset.ts.
import { type RequestHandler, type Response } from 'express';
import { DATABASE_CONNECTION } from '../config/config';
import { normalizeEmail } from '../config/config-users';
import type { TenantContext } from './context';
import { emailTextProblem, looksLikeEmail } from '../accounts/email-address';
import { sendVerificationEmail } from './email-verification';
import type { PasswordPolicy, PasswordRefusal } from '../accounts/password-policy';
import { clientIp, readJsonFields, type JsonFields } from '../http/helpers';
import { admitted } from '../http/rate-limited';
import { sendResetEmail } from './reset';
import { TOO_MANY_USERS, tooManyUsersText } from '../stores/users';

export const RESET_EMAIL_SENT = "We've just sent you an email to reset your password.";
const MAX_NAME_LENGTH = 300;

/** Auth0's /dbconnections error body: auth0-js reads `code` and `description`, Lock maps code and name to its messages. */
function sendDbError(res: Response, status: number, code: string, description: string): void {
  res.status(status).set('Cache-Control', 'no-store').json({ name: 'BadRequestError', code, description, statusCode: status });
}

/** The texts of Auth0's invalid_password errors other than PasswordStrengthError. */
const REFUSAL_TEXT = {
  PasswordDictionaryError: 'Password is too common',
  PasswordNoUserInfoError: 'Password contains user information'
} as const;

/** Auth0's body for a new password the connection refuses (go-auth0 authentication_error_test.go for PasswordStrengthError). */
function sendPasswordRefusal(res: Response, refusal: PasswordRefusal, policy: PasswordPolicy): void {
  if (refusal.name === 'password_leaked') {
    sendDbError(res, 400, 'password_leaked', 'The password was found in a data breach: choose another one.');
    return;
  }
  res.status(400).set('Cache-Control', 'no-store');
  if (refusal.name === 'PasswordStrengthError') {
    res.json({
      name: refusal.name,
      message: 'Password is too weak',
      code: 'invalid_password',
      description: refusal.report,
      policy: policy.describe(),
      statusCode: 400
    });
  } else {
    const text = REFUSAL_TEXT[refusal.name];
    res.json({ name: refusal.name, message: text, code: 'invalid_password', description: text, statusCode: 400 });
  }
}

type Checked<K extends string> =
  { fields: JsonFields<K | 'client_id' | 'connection'> } | { status: number; code: string; description: string };

export function dbConnections(ctx: TenantContext): { readonly signup: RequestHandler; readonly changePassword: RequestHandler } {
  const { config, users, passwordPolicy } = ctx;

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
    const emailRefusal = emailTextProblem(email);
    if (emailRefusal !== undefined) {
      sendDbError(res, 400, 'invalid_signup', `Invalid sign up: the email ${emailRefusal}.`);
      return;
    }
    if (!looksLikeEmail(email.trim()) || (name !== undefined && (typeof name !== 'string' || name.length > MAX_NAME_LENGTH))) {
      sendDbError(res, 400, 'invalid_signup', 'Invalid sign up');
      return;
    }
    const refusal = passwordPolicy.refusal(password, { email, name: typeof name === 'string' ? name : undefined });
    if (refusal !== undefined) {
      sendPasswordRefusal(res, refusal, passwordPolicy);
      return;
    }
    const user = await users.signUp(email, password, name);
    if (user === 'full') {
      sendDbError(res, 403, TOO_MANY_USERS, tooManyUsersText('Sign-up'));
      return;
    }
    if (user === 'taken') {
      // Auth0 hides whether an email is taken unless the tenant sets enable_public_signup_user_exists_error.
      if (config.userExistsError) sendDbError(res, 400, 'user_exists', 'The user already exists.');
      else sendDbError(res, 400, 'invalid_signup', 'Invalid sign up');
      return;
    }
    sendVerificationEmail(ctx, user);
    // Auth0's answer: the new user's id without the "auth0|" prefix, and the email not yet verified.
    res.set('Cache-Control', 'no-store').json({ _id: user.userId.replace(/^auth0\|/, ''), email_verified: false, email: user.email });
  };

  const changePassword: RequestHandler = (req, res) => {
    const checked = check(req.body, ['email'], config.forgotPassword, 'Password reset (DEV_TENANT_FORGOT_PASSWORD)');
    if (!('fields' in checked)) {
      sendDbError(res, checked.status, checked.code, checked.description);
      return;
    }
    const emailRefusal = emailTextProblem(checked.fields.email);
    if (emailRefusal !== undefined) {
      sendDbError(res, 400, 'invalid_request', `The email ${emailRefusal}.`);
      return;
    }
    const limitKey = `${clientIp(req)}\0${normalizeEmail(checked.fields.email)}`;
    if (!admitted(res, ctx.rateLimits.changePassword.request(limitKey), sendDbError)) return;
    const user = users.findByEmail(checked.fields.email);
    if (user !== undefined) sendResetEmail(ctx, user.email, 'Reset your password');
    // The same answer for unknown emails, as in Auth0: no account enumeration.
    res.status(200).set('Cache-Control', 'no-store').type('text/plain').send(RESET_EMAIL_SENT);
  };
  return { signup, changePassword };
}
