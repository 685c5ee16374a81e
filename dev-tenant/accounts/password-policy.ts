// The password policy advertised to Lock (client config `passwordPolicy`), enforced on the server
// with the very modules Lock checks it with in the browser, so the two can never disagree.
import { createRequire } from 'node:module';

/** Auth0's password policies, by the names its client configuration uses. */
export const PASSWORD_POLICIES = ['none', 'low', 'fair', 'good', 'excellent'] as const;
export type PasswordPolicyName = (typeof PASSWORD_POLICIES)[number];

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

/** The connection's options beside the strength policy, by Auth0's names (all off by default). */
export interface PasswordOptions {
  /** `password_dictionary.dictionary`: refused whole passwords, compared case-insensitively. */
  readonly dictionary?: readonly string[];
  /** `password_no_personal_info.enable`: no name, and no email or its local part, inside the password. */
  readonly noPersonalInfo?: boolean;
  /** Breached password detection: passwords known from a breach. */
  readonly breached?: readonly string[];
}

/** Why a new password is refused: Auth0's error name (code invalid_password), or breached password detection. */
export type PasswordRefusal =
  | { readonly name: 'PasswordStrengthError'; readonly report: PolicyReport }
  | { readonly name: 'PasswordDictionaryError' | 'PasswordNoUserInfoError' | 'password_leaked' };

/** The user a new password belongs to, for password_no_personal_info. */
export interface PasswordOwner {
  readonly email: string;
  readonly name?: string | undefined;
}

/** Personal-info parts shorter than this would refuse most passwords (Auth0 does not publish its cut-off). */
const MIN_PERSONAL_PART = 3;

export class PasswordPolicy {
  private readonly policy: SheriffPolicy;
  private readonly dictionary: ReadonlySet<string>;

  constructor(
    readonly name: PasswordPolicyName,
    private readonly options: PasswordOptions = {}
  ) {
    this.policy = new SheriffPolicyClass(RULES_BY_NAME[name]);
    this.dictionary = new Set((options.dictionary ?? []).map((word) => word.toLowerCase()));
  }

  /** The first rule a new password breaks (strength, dictionary, personal info, breach), or undefined. */
  refusal(password: string, owner: PasswordOwner): PasswordRefusal | undefined {
    if (!this.accepts(password)) return { name: 'PasswordStrengthError', report: this.report(password) };
    const lower = password.toLowerCase();
    if (this.dictionary.has(lower)) return { name: 'PasswordDictionaryError' };
    if (this.options.noPersonalInfo === true && personalParts(owner).some((part) => lower.includes(part))) {
      return { name: 'PasswordNoUserInfoError' };
    }
    if (this.options.breached?.includes(password) === true) return { name: 'password_leaked' };
    return undefined;
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

function personalParts({ email, name }: PasswordOwner): string[] {
  const lowerEmail = email.trim().toLowerCase();
  const parts = [lowerEmail, lowerEmail.split('@')[0] ?? '', ...(name ?? '').toLowerCase().split(/\s+/)];
  return parts.filter((part) => part.length >= MIN_PERSONAL_PART);
}
