// Universal Login's login page: GET /u/login?state=<transaction> shows it, POST /u/login checks the
// credentials with /co/authenticate's own rules (password-login.ts) and ends in the app's callback with a code.
import type { RequestHandler } from 'express';
import { bodyField, clientIp } from '../http/helpers';
import { sendUlPage } from '../http/ul-page';
import type { TenantContext } from './context';
import { attemptPasswordLogin } from './password-login';
import { loginPage, type FormView } from './ul-forms';
import { finishLogin, pageStatus, transactionOfPage, transactionOfPost } from './ul-transaction';

export const MISSING_CREDENTIALS = 'Enter your email address and your password.';

export function ulLogin(ctx: TenantContext): { readonly page: RequestHandler; readonly post: RequestHandler } {
  const { config } = ctx;
  const links = { signup: config.signup, forgotPassword: config.forgotPassword };
  const show = (res: Parameters<RequestHandler>[1], status: number, view: FormView): void => {
    sendUlPage(res, config, status, loginPage(view, links, config.tenantName));
  };

  const page: RequestHandler = (req, res) => {
    const opened = transactionOfPage(ctx, req, res);
    if (opened !== undefined) show(res, 200, opened.view());
  };

  const post: RequestHandler = async (req, res) => {
    const opened = transactionOfPost(ctx, req, res);
    if (opened === undefined) return;
    const username = bodyField(req.body, 'username');
    const password = bodyField(req.body, 'password');
    if (username === undefined || password === undefined) {
      show(res, 400, opened.view({ email: username, error: MISSING_CREDENTIALS }));
      return;
    }
    const outcome = await attemptPasswordLogin(ctx, username, password, clientIp(req));
    if ('refused' in outcome) {
      show(res, pageStatus(outcome.refused.status), opened.view({ email: username, error: outcome.refused.description }));
      return;
    }
    finishLogin(ctx, req, res, opened, outcome.user);
  };
  return { page, post };
}
