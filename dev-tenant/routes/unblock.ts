// Brute-force protection's unblock email and the page its link opens (/lo/unblock), as Auth0 sends
// one on the first login attempt a block refuses. The link works once and as long as a block can last.
import { type RequestHandler } from 'express';
import type { TenantContext } from './context';
import { sendPage } from '../http/html-page';
import { queryParam } from '../http/helpers';

/** Auth0's answer on /co/authenticate while a (user, IP) pair is blocked. */
export const TOO_MANY_ATTEMPTS =
  "Your account has been blocked after multiple consecutive login attempts. We've sent you an email with instructions on how to unblock it.";

/** Emails the unblock link to a known user; an unknown email is blocked all the same, but nobody is mailed. */
export function sendUnblockEmail({ config, users, unblockTickets, sendEmail }: TenantContext, email: string): void {
  const user = users.findByEmail(email);
  if (user === undefined) return;
  const ticket = unblockTickets.issue(user.email);
  sendEmail({
    kind: 'unblock',
    to: user.email,
    subject: 'Your account has been blocked',
    link: `${config.publicUrl}/lo/unblock?ticket=${ticket}`
  });
}

export function unblock({ unblockTickets, bruteForce }: TenantContext): RequestHandler {
  // A GET, as the emailed link is followed with one click; the ticket is single use.
  return (req, res) => {
    const ticket = queryParam(req, 'ticket');
    const email = ticket === undefined ? undefined : unblockTickets.consume(ticket);
    if (email === undefined) {
      sendPage(res, 400, 'Unblock your account', '<p>This link has expired or was already used.</p>');
      return;
    }
    bruteForce.unblockUser(email);
    sendPage(res, 200, 'Account unblocked', '<p>Your account has been unblocked. You can log in again.</p>');
  };
}
