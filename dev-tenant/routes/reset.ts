// The page behind the link of the password-reset "email" (printed by the tenant): /lo/reset, the
// path Auth0's own reset page has. A new password must pass the connection's policy; a reset also
// lifts the user's brute-force blocks.
import { type RequestHandler, type Response } from 'express';
import type { TenantContext } from './context';
import { sendPage } from '../http/html-page';
import type { PasswordRefusal } from '../accounts/password-policy';
import { escapeHtml, queryParam } from '../http/helpers';

const TITLE = 'Change your password';

/** What the reset form says for each refusal (Lock's wording for the same errors). */
const RESET_REFUSALS: Readonly<Record<PasswordRefusal['name'], string>> = {
  PasswordStrengthError: 'That password is too weak; it must follow the rules below.',
  PasswordDictionaryError: 'That password is too common.',
  PasswordNoUserInfoError: 'That password is based on your name or email.',
  password_leaked: 'That password was found in a data breach; choose another one.'
};

/** A password-reset email: the link opens the page below. */
export function sendResetEmail({ config, resetTickets, sendEmail }: TenantContext, email: string, subject: string): void {
  const ticket = resetTickets.issue(email);
  sendEmail({ kind: 'reset', to: email, subject, link: `${config.publicUrl}/lo/reset?ticket=${ticket}` });
}

/** Breached password detection's email: the login stays refused until the password is changed. */
export function sendBreachedPasswordEmail(ctx: TenantContext, email: string): void {
  sendResetEmail(ctx, email, 'Your password was found in a data breach: change it to log in');
}

export function passwordReset({
  config,
  users,
  resetTickets,
  passwordPolicy,
  bruteForce,
  sessions,
  tickets,
  accessTokens
}: TenantContext): { readonly resetForm: RequestHandler; readonly resetPassword: RequestHandler } {
  function sendForm(res: Response, status: number, ticket: string, email: string, problem?: string): void {
    sendPage(
      res,
      status,
      TITLE,
      [
        `<p>New password for <strong>${escapeHtml(email)}</strong>.</p>`,
        problem === undefined ? '' : `<p role="alert"><strong>${escapeHtml(problem)}</strong></p>`,
        '<form method="post" action="/lo/reset">',
        `<input type="hidden" name="ticket" value="${escapeHtml(ticket)}">`,
        '<p><label>New password <input type="password" name="newPassword" autocomplete="new-password" required></label></p>',
        '<p><label>Confirm new password <input type="password" name="confirmNewPassword" autocomplete="new-password" required></label></p>',
        `<pre>${escapeHtml(passwordPolicy.describe())}</pre>`,
        '<p><button type="submit">Change password</button></p>',
        '</form>'
      ].join('\n')
    );
  }

  function sendExpired(res: Response): void {
    sendPage(
      res,
      400,
      TITLE,
      '<p>This link has expired or was already used. Ask for a new one with &ldquo;Don&rsquo;t remember your password?&rdquo;.</p>'
    );
  }

  const resetForm: RequestHandler = (req, res) => {
    const ticket = queryParam(req, 'ticket');
    const email = ticket === undefined ? undefined : resetTickets.peek(ticket);
    if (ticket === undefined || email === undefined) {
      sendExpired(res);
      return;
    }
    sendForm(res, 200, ticket, email);
  };

  const resetPassword: RequestHandler = async (req, res) => {
    const form = (req.body ?? {}) as Record<string, unknown>;
    const { ticket, newPassword, confirmNewPassword } = form;
    const email = typeof ticket === 'string' ? resetTickets.peek(ticket) : undefined;
    if (typeof ticket !== 'string' || email === undefined) {
      sendExpired(res);
      return;
    }
    if (typeof newPassword !== 'string' || newPassword === '' || newPassword !== confirmNewPassword) {
      sendForm(res, 400, ticket, email, 'The two passwords do not match.');
      return;
    }
    const refusal = passwordPolicy.refusal(newPassword, { email, name: users.findByEmail(email)?.name });
    if (refusal !== undefined) {
      sendForm(res, 400, ticket, email, RESET_REFUSALS[refusal.name]);
      return;
    }
    // Consumed only now, so a mistyped form can be sent again; a second successful POST finds no ticket.
    if (resetTickets.consume(ticket) === undefined || !(await users.setPassword(email, newPassword))) {
      sendExpired(res);
      return;
    }
    // As in Auth0, a new password ends what the old one opened: other links, sessions, tickets, opaque tokens.
    bruteForce.unblockUser(email);
    resetTickets.revokeFor(email);
    sessions.destroyFor(email);
    tickets.revokeFor(email);
    const user = users.findByEmail(email);
    if (user !== undefined) accessTokens.revokeFor(user.userId);
    const back = config.callbackUrls.at(0);
    sendPage(
      res,
      200,
      'Password changed',
      `<p>Your password has been changed. You can now log in with it.</p>\n` +
        (back === undefined ? '' : `<p><a href="${escapeHtml(back)}">Back to the app</a></p>`)
    );
  };
  return { resetForm, resetPassword };
}
