// The dev tenant's page at `/` (its control API's face for a person): after a login in the app it
// shows the user, the live session and the outbox, its buttons act on the tenant, all under the strict CSP.
import { collectPageProblems } from '../tools/pages/lock-page';
import { E2E_TENANT_URL } from './e2e-env';
import { checkSession, collectCspViolations } from './csp-support';
import { expect, test } from './fixtures';

// Its own users, not dev@example.com: the Firefox and WebKit tests log in as that one meanwhile, and Revoke would end their sessions.
test('the tenant page shows users, sessions and the outbox, and its buttons verify and revoke', async ({
  context,
  page,
  logIn,
  tenant
}) => {
  const { credentials: member } = await tenant.newUser();
  await logIn({ credentials: member });
  // Created without a verified email: the tenant "sends" a verification email.
  const {
    credentials: { email }
  } = await tenant.newUser({ email_verified: false });

  const tenantPage = await context.newPage();
  const violations = await collectCspViolations(tenantPage);
  const problems = collectPageProblems(tenantPage);
  await tenantPage.goto(`${E2E_TENANT_URL}/`);
  await expect(tenantPage.getByRole('heading', { name: 'Dev tenant', level: 1 })).toBeVisible();

  const userRow = tenantPage.locator('#users tbody tr', { hasText: email });
  await expect(userRow).toContainText('control');
  await expect(tenantPage.locator('#users tbody tr', { hasText: 'dev@example.com' })).toContainText('config');
  const sessionRow = tenantPage.locator('#sessions tbody tr', { hasText: member.email });
  await expect(sessionRow).not.toHaveCount(0);
  const verification = tenantPage.locator('#outbox tbody tr', { hasText: email });
  await expect(verification).toContainText('verification');
  await expect(verification.getByRole('link')).toHaveAttribute('href', new RegExp(`^${E2E_TENANT_URL}/u/email-verification\\?ticket=`));

  // The Verify button marks the email verified, and the row says so.
  await userRow.getByRole('button', { name: `Verify ${email}` }).click();
  await expect(userRow.locator('td').nth(2)).toHaveText('yes');
  await expect(userRow.getByRole('button', { name: `Verify ${email}` })).toHaveCount(0);

  // Revoke ends the app's tenant session: the page lists none for the user, and a renewal in the app needs a login.
  await sessionRow
    .first()
    .getByRole('button', { name: `Revoke the sessions of ${member.email}` })
    .click();
  await expect(sessionRow).toHaveCount(0);
  expect(await checkSession(page)).toEqual({ error: 'login_required', idToken: false });

  expect(violations).toEqual([]);
  expect(problems).toEqual([]);
});
