// Email verification, as Auth0 does it for a database sign-up: a "verification" email whose link
// (/u/email-verification, Auth0's path) marks the user's email verified.
import { type RequestHandler } from 'express';
import type { TenantContext } from './context';
import { sendPage } from '../http/html-page';
import { escapeHtml, queryParam } from '../http/helpers';
import type { UserProfile } from '../accounts/user-profile';

const TITLE = 'Email verification';

export function sendVerificationEmail({ config, verificationTickets, sendEmail }: TenantContext, user: UserProfile): void {
  const ticket = verificationTickets.issue(user.email);
  sendEmail({
    kind: 'verification',
    to: user.email,
    subject: 'Verify your email',
    link: `${config.publicUrl}/u/email-verification?ticket=${ticket}`
  });
}

export function verifyEmail({ users, verificationTickets }: TenantContext): RequestHandler {
  return async (req, res) => {
    const ticket = queryParam(req, 'ticket');
    const email = ticket === undefined ? undefined : verificationTickets.consume(ticket);
    const user = email === undefined ? undefined : users.findByEmail(email);
    if (user === undefined) {
      sendPage(res, 400, TITLE, '<p>This link has expired or was already used.</p>');
      return;
    }
    await users.setEmailVerified(user.userId, true);
    sendPage(
      res,
      200,
      TITLE,
      `<p>Your email address <strong>${escapeHtml(user.email)}</strong> was verified. You can now go back to the app.</p>`
    );
  };
}
