// What every Universal Login page and post shares: the transaction named by `state`, the checks a
// post must pass (the tenant's own page, the transaction's CSRF token), and the end of a login.
import type { Request, Response } from 'express';
import type { UserProfile } from '../accounts/user-profile';
import { sameSecret } from '../http/co-verifier-cookie';
import { bodyField, queryParam } from '../http/helpers';
import { postedFromOwnPage, sendUlPage } from '../http/ul-page';
import type { LoginTransaction } from '../stores/login-transactions';
import { redirectWithCode } from './code-response';
import type { TenantContext } from './context';
import { noTransactionPage, type FormView } from './ul-forms';
import { startSession } from './sso-session';

export const TRANSACTION_GONE = 'This login page has expired or was already used. Go back to the app and log in again.';
export const FOREIGN_POST = 'This form was not sent from a page of this tenant, so it was refused.';
export const CSRF_REFUSED = 'This form is out of date (its CSRF token does not match). Go back to the app and log in again.';

export interface OpenTransaction {
  readonly id: string;
  readonly transaction: LoginTransaction;
  /** The form's view: the transaction's hidden fields, with what the page shows again. */
  view(shown?: Omit<FormView, 'transactionId' | 'csrfToken'>): FormView;
}

function refuse(ctx: TenantContext, res: Response, status: number, text: string): void {
  sendUlPage(res, ctx.config, status, noTransactionPage(text));
}

function open(id: string, transaction: LoginTransaction): OpenTransaction {
  return { id, transaction, view: (shown = {}) => ({ ...shown, transactionId: id, csrfToken: transaction.csrfToken }) };
}

/** A page's transaction, from its URL; otherwise answers with the page that says it is gone. */
export function transactionOfPage(ctx: TenantContext, req: Request, res: Response): OpenTransaction | undefined {
  const id = queryParam(req, 'state');
  const transaction = id === undefined ? undefined : ctx.loginTransactions.peek(id);
  if (id !== undefined && transaction !== undefined) return open(id, transaction);
  refuse(ctx, res, 400, TRANSACTION_GONE);
  return undefined;
}

/** A post's transaction, once the post proved it comes from the tenant's own page of that transaction. */
export function transactionOfPost(ctx: TenantContext, req: Request, res: Response): OpenTransaction | undefined {
  const id = bodyField(req.body, 'state');
  const transaction = id === undefined ? undefined : ctx.loginTransactions.peek(id);
  if (!postedFromOwnPage(req, ctx.config)) refuse(ctx, res, 403, FOREIGN_POST);
  else if (id === undefined || transaction === undefined) refuse(ctx, res, 400, TRANSACTION_GONE);
  else if (!sameSecret(bodyField(req.body, '_csrf'), transaction.csrfToken)) refuse(ctx, res, 403, CSRF_REFUSED);
  else return open(id, transaction);
  return undefined;
}

/** The user is in: the transaction ends (one code at most), a new SSO session opens, the code goes to the app. */
export function finishLogin(ctx: TenantContext, req: Request, res: Response, opened: OpenTransaction, user: UserProfile): void {
  // Two posts of one form can both pass the password check; only the first gets the code.
  if (ctx.loginTransactions.finish(opened.id) === undefined) {
    refuse(ctx, res, 400, TRANSACTION_GONE);
    return;
  }
  const session = startSession(ctx, req, res, user.email);
  redirectWithCode(ctx, res, opened.transaction.authorization, user, session.sid);
}

/** The page status for a refusal: 429 stays, a malformed field is 400, any other refusal 401. */
export function pageStatus(status: number): number {
  return status === 429 || status === 400 ? status : 401;
}
