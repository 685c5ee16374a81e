// A request for the password-reset email, the same for Lock's /dbconnections/change_password and the
// Universal Login page's forgotten-password form: Auth0's rate limit (per IP and email) and one answer
// whether or not the email has an account.
import type { Response } from 'express';
import { emailTextProblem } from '../accounts/email-address';
import { normalizeEmail } from '../config/config-users';
import { admitted, type SendError } from '../http/rate-limited';
import type { TenantContext } from './context';
import { sendResetEmail } from './reset';

/** Auth0's answer to a reset request, whether or not the email has an account (no account enumeration). */
export const RESET_EMAIL_SENT = "We've just sent you an email to reset your password.";

/** Sends the reset email when the email has an account; false after answering a refusal with `sendError`. */
export function requestPasswordReset(ctx: TenantContext, res: Response, email: string, ip: string, sendError: SendError): boolean {
  const emailRefusal = emailTextProblem(email);
  if (emailRefusal !== undefined) {
    sendError(res, 400, 'invalid_request', `The email ${emailRefusal}.`);
    return false;
  }
  if (!admitted(res, ctx.rateLimits.changePassword.request(`${ip}\0${normalizeEmail(email)}`), sendError)) return false;
  const user = ctx.users.findByEmail(email);
  if (user !== undefined) sendResetEmail(ctx, user.email, 'Reset your password');
  return true;
}
