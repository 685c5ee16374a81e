// One test's share of the dev tenant. Firefox and WebKit (e2e/engines/) run beside the Chromium tests
// against the same tenant, as dev@example.com, so a test does not reset it under them: it works with
// users of its own, faults only its own browser meets, and it undoes what it changed when it ends.
import type { BrowserContext } from '@playwright/test';
import { TenantControl, type Fault, type FaultSpec, type TenantUser } from './tenant-control';
import { E2E_TENANT_URL } from './e2e-env';

/** Passes the dev tenant's password policy (dev-tenant/accounts/password-policy.ts). */
export const STRONG_PASSWORD = 'Correct-Horse-9-Battery';

/** The query parameter that marks a test's own requests, for its faults' `match`; the tenant, like Auth0, ignores unknown parameters. */
const SCOPE_PARAM = 'e2e_scope';

export const uniqueEmail = (): string => `e2e-${String(Date.now())}-${Math.random().toString(36).slice(2, 8)}@example.com`;

export interface TestUser {
  readonly user: TenantUser;
  readonly credentials: { readonly email: string; readonly password: string };
}

export class TestTenant {
  readonly control = new TenantControl();
  private readonly scope = `${String(Date.now())}-${Math.random().toString(36).slice(2, 8)}`;
  private readonly userIds: string[] = [];
  private readonly faultIds: string[] = [];

  /** A new user of this test's own (deleted at its end, sessions and all), with a password Lock's form can submit. */
  async newUser(fields: { name?: string; email_verified?: boolean } = {}): Promise<TestUser> {
    const credentials = { email: uniqueEmail(), password: STRONG_PASSWORD };
    const user = await this.control.createUser({ ...credentials, email_verified: true, ...fields });
    this.userIds.push(user.user_id);
    return { user, credentials };
  }

  /** A user the test made some other way (a sign-up through Lock): deleted at its end too. */
  deletesAtEnd(userId: string): void {
    this.userIds.push(userId);
  }

  /**
   * A fault that only the requests of `context` meet: they carry this test's mark (added on their way
   * out), and the fault matches it. Cleared at the test's end if it has not run out by then.
   */
  async addFault(context: BrowserContext, spec: FaultSpec): Promise<Fault> {
    await context.route(
      (url) => url.origin === E2E_TENANT_URL && url.pathname === spec.path,
      async (route) => {
        const url = new URL(route.request().url());
        url.searchParams.set(SCOPE_PARAM, this.scope);
        await route.continue({ url: url.toString() });
      }
    );
    const fault = await this.control.addFault({ ...spec, match: { ...spec.match, [SCOPE_PARAM]: this.scope } });
    this.faultIds.push(fault.id);
    return fault;
  }

  /** The id_token lifetime of `user`'s tokens from now on (null: the tenant's again); other tests' users keep theirs, so tests run side by side. */
  async setIdTokenLifetime(user: TenantUser, seconds: number | null): Promise<void> {
    await this.control.updateUser(user.user_id, { id_token_lifetime_s: seconds });
  }

  /** Undoes what the test changed: its faults still running, its users (and so their sessions and lifetimes). */
  async undo(): Promise<void> {
    const running = new Set((await this.control.faults()).map((fault) => fault.id));
    for (const id of this.faultIds.filter((faultId) => running.has(faultId))) {
      await this.control.deleteFault(id);
    }
    for (const id of this.userIds) {
      await this.control.deleteUser(id);
    }
  }
}
