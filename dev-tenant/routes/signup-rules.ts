// The rules of a database sign-up, the same for Lock's /dbconnections/signup and the Universal Login
// page (/u/signup): the email and name, the password policy (strength, dictionary, personal info,
// breached passwords), the users cap and a taken email, then the verification email.
import { emailTextProblem, looksLikeEmail } from '../accounts/email-address';
import type { PasswordRefusal } from '../accounts/password-policy';
import type { UserProfile } from '../accounts/user-profile';
import { TOO_MANY_USERS, tooManyUsersText } from '../stores/users';
import type { TenantContext } from './context';
import { sendVerificationEmail } from './email-verification';

const MAX_NAME_LENGTH = 300;

/** Auth0's /dbconnections refusal other than a password's: status, code and description. */
export interface SignupRefusal {
  readonly status: number;
  readonly code: string;
  readonly description: string;
}

export type SignupOutcome =
  { readonly user: UserProfile } | { readonly refused: SignupRefusal } | { readonly passwordRefused: PasswordRefusal };

/** The texts of Auth0's invalid_password errors other than PasswordStrengthError. */
export const PASSWORD_REFUSAL_TEXT = {
  PasswordDictionaryError: 'Password is too common',
  PasswordNoUserInfoError: 'Password contains user information'
} as const;
/** What PasswordStrengthError says (its rules come in `description`). */
export const WEAK_PASSWORD = 'Password is too weak';
export const LEAKED_PASSWORD = 'The password was found in a data breach: choose another one.';

const refused = (status: number, code: string, description: string): SignupOutcome => ({ refused: { status, code, description } });

/** Signs the user up, or says why not; a new user gets the verification email. */
export async function signUpWithRules(ctx: TenantContext, email: string, password: string, name?: unknown): Promise<SignupOutcome> {
  const emailRefusal = emailTextProblem(email);
  if (emailRefusal !== undefined) return refused(400, 'invalid_signup', `Invalid sign up: the email ${emailRefusal}.`);
  if (!looksLikeEmail(email.trim()) || (name !== undefined && (typeof name !== 'string' || name.length > MAX_NAME_LENGTH))) {
    return refused(400, 'invalid_signup', 'Invalid sign up');
  }
  const refusal = ctx.passwordPolicy.refusal(password, { email, name });
  if (refusal !== undefined) return { passwordRefused: refusal };
  const user = await ctx.users.signUp(email, password, name);
  if (user === 'full') return refused(403, TOO_MANY_USERS, tooManyUsersText('Sign-up'));
  if (user === 'taken') {
    // Auth0 hides whether an email is taken unless the tenant sets enable_public_signup_user_exists_error.
    return ctx.config.userExistsError
      ? refused(400, 'user_exists', 'The user already exists.')
      : refused(400, 'invalid_signup', 'Invalid sign up');
  }
  sendVerificationEmail(ctx, user);
  return { user };
}
