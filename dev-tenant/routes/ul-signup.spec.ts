// The Universal Login sign-up and forgotten-password pages: /dbconnections' own rules and messages,
// the same post checks as the login page, and a sign-up that ends logged in with a code.
import { SIBLING_ORIGIN, useTestTenant } from '../testing/test-support';
import { exchangeCode, tokensOf } from '../testing/token-support';
import {
  authorizeCodeFlow,
  callbackQuery,
  codeParams,
  newPkce,
  openUlPage,
  pageError,
  postUlForm,
  type UlPage
} from '../testing/ul-support';
import { escapeHtml } from '../http/helpers';
import { RESET_EMAIL_SENT } from './reset-request';
import { LEAKED_PASSWORD } from './signup-rules';
import { FOREIGN_POST } from './ul-transaction';

const BREACHED = 'Breached-Pass-1';

describe('Universal Login: /u/signup and /u/reset-password', () => {
  const t = useTestTenant({ env: { DEV_TENANT_BREACHED_PASSWORDS: BREACHED } });
  const pkce = newPkce();

  async function pageOf(screen: 'signup' | 'reset-password'): Promise<UlPage> {
    const login = (await authorizeCodeFlow(t.tenant, codeParams(pkce.challenge))).headers.get('location') ?? '';
    return openUlPage(t.tenant, login.replace('/u/login', `/u/${screen}`));
  }

  const signUp = (page: UlPage, email: string, password: string, origin?: string): Promise<Response> =>
    postUlForm(t.tenant, '/u/signup', { state: page.state, _csrf: page.csrf, email, password, action: 'default' }, { origin });

  it('row 23: the sign-up page: labelled fields, new-password, a link back to log in, no script or inline style', async () => {
    const page = await pageOf('signup');
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/<label for="username">[^]*<input id="username" name="email" type="email" autocomplete="username"/);
    expect(page.html).toMatch(/<label for="password">[^]*<input id="password" name="password" type="password" autocomplete="new-password"/);
    expect(page.html).toContain(`href="/u/login?state=${page.state}"`);
    expect(page.html).not.toMatch(/<script|style=/i);
  });

  it('row 23: a sign-up ends logged in: a session, and a code for the callback that /oauth/token takes', async () => {
    const page = await pageOf('signup');
    const res = await signUp(page, 'ul-new@example.com', 'New-User-Pass-1');
    expect(res.headers.getSetCookie().some((cookie) => cookie.startsWith('auth0='))).toBe(true);
    const { code, state } = callbackQuery(res);
    expect(state).toBe('app-state-1');
    const tokens = await tokensOf(await exchangeCode(t.tenant, { code: code ?? '', verifier: pkce.verifier, nonce: 'nonce-1' }));
    expect(tokens.id_token).toEqual(expect.any(String));
  });

  it('row 24: a breached password is refused (400) with /dbconnections’ text, and the email is kept', async () => {
    const page = await pageOf('signup');
    const res = await signUp(page, 'ul-breached@example.com', BREACHED);
    const html = await res.text();
    expect([res.status, pageError(html)]).toEqual([400, LEAKED_PASSWORD]);
    expect(html).toContain('value="ul-breached@example.com"');
  });

  it('row 24: a weak password shows "Password is too weak" with the policy’s rules', async () => {
    const page = await pageOf('signup');
    const res = await signUp(page, 'ul-weak@example.com', 'short');
    const html = await res.text();
    expect([res.status, pageError(html)]).toEqual([400, 'Password is too weak. It must have:']);
    expect(html).toContain('At least 8 characters in length');
  });

  it('row 24: a taken email answers Auth0’s "Invalid sign up" (400), no account enumeration', async () => {
    const page = await pageOf('signup');
    const res = await signUp(page, 'dev@example.com', 'Another-Pass-1');
    expect([res.status, pageError(await res.text())]).toEqual([400, 'Invalid sign up']);
  });

  it('row 23: a sign-up posted from a sibling port is refused (403), and nobody is signed up', async () => {
    const page = await pageOf('signup');
    const res = await signUp(page, 'ul-sibling@example.com', 'Sibling-Pass-1', SIBLING_ORIGIN);
    expect([res.status, pageError(await res.text())]).toEqual([403, FOREIGN_POST]);
    const again = await signUp(page, 'ul-sibling@example.com', 'Sibling-Pass-1');
    expect(callbackQuery(again).code).toEqual(expect.any(String));
  });

  it('row 24: the forgotten-password page sends the reset email, and answers the same for an unknown email', async () => {
    const page = await pageOf('reset-password');
    expect(page.html).toMatch(/<label for="username">[^]*<input id="username" name="email" type="email" autocomplete="username"/);
    const before = t.emails.length;
    for (const email of ['dev@example.com', 'nobody@example.com']) {
      const res = await postUlForm(t.tenant, '/u/reset-password', { state: page.state, _csrf: page.csrf, email, action: 'default' });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain(`<p id="reset-sent" class="intro">${escapeHtml(RESET_EMAIL_SENT)}</p>`);
    }
    expect(t.emails.slice(before).map(({ kind, to }) => [kind, to])).toEqual([['reset', 'dev@example.com']]);
    expect(t.emails.at(-1)?.link).toMatch(/\/lo\/reset\?ticket=/);
  });

  it('row 23: a reset request posted from another origin is refused (403) and sends nothing', async () => {
    const page = await pageOf('reset-password');
    const before = t.emails.length;
    const res = await postUlForm(
      t.tenant,
      '/u/reset-password',
      { state: page.state, _csrf: page.csrf, email: 'dev@example.com' },
      { origin: SIBLING_ORIGIN }
    );
    expect(res.status).toBe(403);
    expect(t.emails.length).toBe(before);
  });
});
