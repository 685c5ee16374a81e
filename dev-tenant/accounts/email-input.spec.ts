// Emails that are not well-formed Unicode, or that hold control characters, are refused wherever an
// email comes in, with a clear error: two lone surrogates used to hash to one user id (one `sub`).
import { control, listUsers } from '../testing/control-test-support';
import { emailProblem, emailTextProblem } from './email-address';
import { CLIENT_ID, CONNECTION, coAuthenticate, credentials, postJson, signUpBody, useTestTenant } from '../testing/test-support';

const STRONG = 'Str0ng-password';
/** Each lone surrogate becomes U+FFFD in UTF-8: before the fix, both got one user id. */
const LONE_SURROGATES = ['\ud800@example.com', '\ud801@example.com'];
const UNICODE_PROBLEM = 'is not well-formed Unicode (it has a lone surrogate)';
const CONTROLS: readonly [string, string][] = [
  ['ESC (an OSC 8 link)', 'a\u001b]8;;https://evil.example\u0007b@example.com'],
  ['BEL', 'bell\u0007@example.com'],
  ['NUL', 'nul\u0000@example.com'],
  ['DEL', 'del\u007f@example.com'],
  ['a C1 control (CSI)', 'csi\u009b2J@example.com']
];
const CONTROL_PROBLEM = 'contains a control character';

describe('emailProblem and emailTextProblem', () => {
  it.each(CONTROLS)('refuse an email with %s', (_what, email) => {
    expect(emailTextProblem(email)).toBe(CONTROL_PROBLEM);
    expect(emailProblem(email)).toBe(CONTROL_PROBLEM);
  });

  it('refuse a lone surrogate, and take a paired one (an astral character) and other non-ASCII letters', () => {
    for (const email of LONE_SURROGATES) expect(emailProblem(email)).toBe(UNICODE_PROBLEM);
    expect(emailProblem('\ud83d\ude00@example.com')).toBeUndefined();
    expect(emailProblem('zoë@exämple.com')).toBeUndefined();
  });

  it('look past surrounding white space, as emails are compared; a new email must have none', () => {
    expect(emailTextProblem(' dev@example.com\n')).toBeUndefined();
    expect(emailProblem(' dev@example.com')).toBe('is not an email address');
  });
});

describe('an email that is not well-formed Unicode, or has control characters', () => {
  const t = useTestTenant();
  const signUp = (email: string) => postJson(t.tenant, '/dbconnections/signup', signUpBody(email, STRONG));

  it('is refused at sign-up: two lone surrogates no longer share one sub', async () => {
    for (const email of LONE_SURROGATES) {
      const res = await signUp(email);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        name: 'BadRequestError',
        code: 'invalid_signup',
        description: `Invalid sign up: the email ${UNICODE_PROBLEM}.`,
        statusCode: 400
      });
    }
    expect((await listUsers(t.tenant)).map((user) => user.email)).toEqual(['dev@example.com']);
  });

  it.each(CONTROLS)('with %s is refused at sign-up, login, password reset and by the control API', async (_what, email) => {
    const signedUp = await signUp(email);
    expect(signedUp.status).toBe(400);
    expect(await signedUp.json()).toMatchObject({ code: 'invalid_signup', description: `Invalid sign up: the email ${CONTROL_PROBLEM}.` });

    const login = await coAuthenticate(t.tenant, credentials(email, STRONG));
    expect(login.status).toBe(400);
    expect(await login.json()).toEqual({ error: 'invalid_request', error_description: `The username ${CONTROL_PROBLEM}.` });

    const reset = await postJson(t.tenant, '/dbconnections/change_password', { client_id: CLIENT_ID, email, connection: CONNECTION });
    expect(reset.status).toBe(400);
    expect(await reset.json()).toEqual({
      name: 'BadRequestError',
      code: 'invalid_request',
      description: `The email ${CONTROL_PROBLEM}.`,
      statusCode: 400
    });

    const created = await control(t.tenant, 'POST', '/control/users', { email, password: STRONG });
    expect(created.status).toBe(400);
    expect(created.body).toEqual({ error: 'invalid_request', error_description: `email ${CONTROL_PROBLEM}.` });

    const listed = await control(t.tenant, 'GET', `/control/users?${new URLSearchParams({ email }).toString()}`);
    expect(listed.status).toBe(400);
    expect(t.emails).toEqual([]);
  });

  it('is refused at login before it counts as a failed attempt: no unblock email, however often', async () => {
    const [, email] = CONTROLS[0] ?? ['', ''];
    for (let i = 0; i < 12; i++) expect((await coAuthenticate(t.tenant, credentials(email, 'wrong'))).status).toBe(400);
    expect(t.emails).toEqual([]);
  });
});
