// The password policy advertised to Lock (client config `passwordPolicy`), enforced on the server
// with the very modules Lock checks it with in the browser, so the two can never disagree.
import { createRequire } from 'node:module';
import type { PasswordPolicyName } from './config';

/** password-sheriff's missing(): which rules a password breaks; Auth0 returns it as the error description. */
export interface PolicyReport {
  readonly rules: readonly unknown[];
  readonly verified: boolean;
}

interface SheriffPolicy {
  check(password: string): boolean;
  missing(password: string): PolicyReport;
  toString(): string;
}

// Resolved from auth0-lock's own dependencies (its password field and strength popup use them).
const lockRequire = createRequire(require.resolve('auth0-lock/package.json'));
const SheriffPolicyClass = lockRequire('password-sheriff/lib/policy') as new (rules: unknown) => SheriffPolicy;
const RULES_BY_NAME = lockRequire('auth0-password-policies') as Readonly<Record<PasswordPolicyName, unknown>>;

export class PasswordPolicy {
  private readonly policy: SheriffPolicy;

  constructor(readonly name: PasswordPolicyName) {
    this.policy = new SheriffPolicyClass(RULES_BY_NAME[name]);
  }

  accepts(password: string): boolean {
    return this.policy.check(password);
  }

  report(password: string): PolicyReport {
    return this.policy.missing(password);
  }

  /** The rules as Auth0 words them ("* At least 8 characters in length\n..."). */
  describe(): string {
    return this.policy.toString();
  }
}
