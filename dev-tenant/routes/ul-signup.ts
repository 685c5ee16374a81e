// Universal Login's sign-up page: GET /u/signup?state=<transaction> shows it, POST /u/signup signs the
// user up with /dbconnections/signup's own rules (signup-rules.ts), then logs them in with a code.
import type { RequestHandler, Response } from 'express';
import type { PasswordRefusal } from '../accounts/password-policy';
import { bodyField, clientIp } from '../http/helpers';
import { admitted } from '../http/rate-limited';
import { sendUlPage } from '../http/ul-page';
import type { TenantContext } from './context';
import { LEAKED_PASSWORD, PASSWORD_REFUSAL_TEXT, signUpWithRules, WEAK_PASSWORD } from './signup-rules';
import { signupPage, type FormView } from './ul-forms';
import { finishLogin, transactionOfPage, transactionOfPost } from './ul-transaction';
import { MISSING_CREDENTIALS } from './ul-login';

export const SIGNUP_DISABLED = 'Sign-up is disabled on this tenant (DEV_TENANT_SIGNUP).';

export function ulSignup(ctx: TenantContext): { readonly page: RequestHandler; readonly post: RequestHandler } {
  const { config, passwordPolicy } = ctx;
  const show = (res: Response, status: number, view: FormView): void => {
    sendUlPage(res, config, status, signupPage(view, config.tenantName));
  };

  /** The words Auth0's errors have; a weak password also gets the rules it breaks. */
  function passwordProblem(refusal: PasswordRefusal): Pick<FormView, 'error' | 'errorDetail'> {
    if (refusal.name === 'PasswordStrengthError')
      return { error: `${WEAK_PASSWORD}. It must have:`, errorDetail: passwordPolicy.describe() };
    return { error: refusal.name === 'password_leaked' ? LEAKED_PASSWORD : `${PASSWORD_REFUSAL_TEXT[refusal.name]}.` };
  }

  const page: RequestHandler = (req, res) => {
    const opened = transactionOfPage(ctx, req, res);
    if (opened === undefined) return;
    show(res, config.signup ? 200 : 403, opened.view(config.signup ? {} : { error: SIGNUP_DISABLED }));
  };

  const post: RequestHandler = async (req, res) => {
    const opened = transactionOfPost(ctx, req, res);
    if (opened === undefined) return;
    const email = bodyField(req.body, 'email');
    const password = bodyField(req.body, 'password');
    const again = (status: number, shown: Pick<FormView, 'error' | 'errorDetail'>): void => {
      show(res, status, opened.view({ email, ...shown }));
    };
    if (!config.signup) {
      again(403, { error: SIGNUP_DISABLED });
      return;
    }
    const sendRefusal = (_res: Response, status: number, _code: string, description: string): void => {
      again(status, { error: description });
    };
    if (!admitted(res, ctx.rateLimits.signup.request(clientIp(req)), sendRefusal)) return;
    if (email === undefined || password === undefined) {
      again(400, { error: MISSING_CREDENTIALS });
      return;
    }
    const outcome = await signUpWithRules(ctx, email, password);
    if ('refused' in outcome) {
      again(outcome.refused.status, { error: outcome.refused.description });
      return;
    }
    if ('passwordRefused' in outcome) {
      again(400, passwordProblem(outcome.passwordRefused));
      return;
    }
    finishLogin(ctx, req, res, opened, outcome.user);
  };
  return { page, post };
}
