// The rules of a login with email and password, the same for Lock's /co/authenticate and the
// Universal Login page (/u/login): the email's form, brute-force protection and suspicious IP
// throttling, the password, blocked users and breached passwords, in Auth0's words.
import { emailTextProblem } from '../accounts/email-address';
import type { UserProfile } from '../accounts/user-profile';
import type { TenantContext } from './context';
import { sendBreachedPasswordEmail } from './reset';
import { sendUnblockEmail, TOO_MANY_ATTEMPTS } from './unblock';

/** Auth0's answer for a user an admin blocked (Lock shows it as blocked_user). */
export const USER_BLOCKED = 'user is blocked';
/** Auth0's answer on /co/authenticate when breached password detection blocks a login (auth0/docs' /co/authenticate errors). */
export const PASSWORD_LEAKED =
  "This login attempt has been blocked because the password you're using was previously disclosed through a data breach (not in this application).";
/**
 * Auth0's answer (code too_many_attempts) from an IP that suspicious IP throttling stopped; the text of
 * Universal Login's `ip-blocked` message.
 */
export const SUSPICIOUS_IP_THROTTLED =
  'We have detected suspicious login behavior and further attempts will be blocked. Please contact the administrator.';
/** One message for an unknown email and a wrong password: no account enumeration (as Auth0). */
export const WRONG_CREDENTIALS = 'Wrong email or password.';

/** Why a login was refused: /co/authenticate's status and {error, error_description}. */
export interface LoginRefusal {
  readonly status: number;
  readonly error: string;
  readonly description: string;
}

export type LoginOutcome = { readonly user: UserProfile } | { readonly refused: LoginRefusal };

const refused = (status: number, error: string, description: string): LoginOutcome => ({ refused: { status, error, description } });

/** Checks a login attempt from `ip`; the caller opens the session (or hands out a login ticket). */
export async function attemptPasswordLogin(ctx: TenantContext, username: string, password: string, ip: string): Promise<LoginOutcome> {
  const { users, bruteForce, config } = ctx;
  const usernameRefusal = emailTextProblem(username);
  if (usernameRefusal !== undefined) return refused(400, 'invalid_request', `The username ${usernameRefusal}.`);
  // Counted before the password is checked: a blocked pair learns nothing, not even from a right password.
  const verdict = bruteForce.beginAttempt(username, ip);
  if (typeof verdict === 'object') {
    if (verdict.firstRefusal) sendUnblockEmail(ctx, username);
    return refused(429, 'too_many_attempts', TOO_MANY_ATTEMPTS);
  }
  if (verdict === 'throttled') return refused(429, 'too_many_attempts', SUSPICIOUS_IP_THROTTLED);
  // One password check at a time per IP: a flood cannot queue its hashes in front of another address's login.
  const user = await ctx.passwordChecks.run(ip, () => users.verifyPassword(username, password));
  // A failure was already counted by beginAttempt.
  if (user === undefined) return refused(403, 'access_denied', WRONG_CREDENTIALS);
  bruteForce.recordSuccess(username, ip);
  // Checked only after the right password, as Auth0 does: a wrong one still reads "Wrong email or password."
  if (user.blocked) return refused(401, 'unauthorized', USER_BLOCKED);
  if (config.breachedPasswords.includes(password)) {
    sendBreachedPasswordEmail(ctx, user.email);
    return refused(401, 'password_leaked', PASSWORD_LEAKED);
  }
  return { user };
}
