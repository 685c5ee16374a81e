// The server's password verdict must match the one Lock's sign-up form reaches in the browser.
import { createRequire } from 'node:module';
import { PASSWORD_POLICIES, PasswordPolicy } from './password-policy';

// Lock's own check, fed the policy the way Lock stores the client config (an Immutable structure).
const lockRequire = createRequire(require.resolve('auth0-lock/package.json'));
// Lock's modules load superagent, which warns that it is its browser build; expected here.
const quiet = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
const { validatePassword } = lockRequire('./lib/field/password.js') as { validatePassword: (password: string, policy: unknown) => boolean };
quiet.mockRestore();
const { fromJS } = lockRequire('immutable') as { fromJS: (value: unknown) => unknown };
const rulesByName = lockRequire('auth0-password-policies') as Record<string, unknown>;

const PASSWORDS = [
  'a',
  'abcdef',
  'abcdefgh',
  'Abcdefg1',
  'abcdefg1!',
  'ABCDEFG1!',
  'Aaaa1111!',
  'Abcdefghij1',
  'Ab1!Ab1!Ab',
  'Aaa1!bbb2@cc',
  'dev-password',
  'Str0ng-password',
  'пароль123!',
  '        '
];

describe('PasswordPolicy', () => {
  it.each(PASSWORD_POLICIES)('agrees with Lock\'s form on every sample password for "%s"', (name) => {
    const policy = new PasswordPolicy(name);
    const lockPolicy = fromJS(rulesByName[name]);
    const verdicts = PASSWORDS.map((password) => [password, policy.accepts(password)]);
    expect(verdicts).toEqual(PASSWORDS.map((password) => [password, validatePassword(password, lockPolicy)]));
  });

  it('tells the rules apart: "good" takes three kinds of characters, "excellent" no triple repeats', () => {
    expect(new PasswordPolicy('good').accepts('abcdefgh')).toBe(false);
    expect(new PasswordPolicy('good').accepts('Abcdefg1')).toBe(true);
    expect(new PasswordPolicy('excellent').accepts('Aaaa1111!x')).toBe(false);
    expect(new PasswordPolicy('none').accepts('a')).toBe(true);
  });

  it('reports the broken rules the way Auth0 words them', () => {
    const policy = new PasswordPolicy('good');
    expect(policy.report('abc')).toMatchObject({
      verified: false,
      rules: [{ code: 'lengthAtLeast', format: [8], verified: false }, { code: 'containsAtLeast' }]
    });
    expect(policy.describe()).toMatch(/^\* At least 8 characters in length\n\* Contain at least 3 of the following 4 types of characters:/);
  });
});
