// Universal Login's forgotten-password page: GET /u/reset-password?state=<transaction> asks for the
// email, POST sends the reset email as /dbconnections/change_password does (reset-request.ts).
import type { RequestHandler, Response } from 'express';
import { bodyField, clientIp } from '../http/helpers';
import { sendUlPage } from '../http/ul-page';
import type { TenantContext } from './context';
import { requestPasswordReset, RESET_EMAIL_SENT } from './reset-request';
import { resetPasswordPage, resetSentPage, type FormView } from './ul-forms';
import { transactionOfPage, transactionOfPost } from './ul-transaction';

export const RESET_DISABLED = 'Password reset is disabled on this tenant (DEV_TENANT_FORGOT_PASSWORD).';
export const MISSING_EMAIL = 'Enter your email address.';

export function ulResetPassword(ctx: TenantContext): { readonly page: RequestHandler; readonly post: RequestHandler } {
  const { config } = ctx;
  const show = (res: Response, status: number, view: FormView): void => {
    sendUlPage(res, config, status, resetPasswordPage(view));
  };

  const page: RequestHandler = (req, res) => {
    const opened = transactionOfPage(ctx, req, res);
    if (opened === undefined) return;
    show(res, config.forgotPassword ? 200 : 403, opened.view(config.forgotPassword ? {} : { error: RESET_DISABLED }));
  };

  const post: RequestHandler = (req, res) => {
    const opened = transactionOfPost(ctx, req, res);
    if (opened === undefined) return;
    const email = bodyField(req.body, 'email');
    const again = (status: number, error: string): void => {
      show(res, status, opened.view({ email, error }));
    };
    if (!config.forgotPassword) {
      again(403, RESET_DISABLED);
      return;
    }
    if (email === undefined) {
      again(400, MISSING_EMAIL);
      return;
    }
    const sendRefusal = (_res: Response, status: number, _code: string, description: string): void => {
      again(status, description);
    };
    if (!requestPasswordReset(ctx, res, email, clientIp(req), sendRefusal)) return;
    sendUlPage(res, config, 200, resetSentPage(opened.id, RESET_EMAIL_SENT));
  };
  return { page, post };
}
