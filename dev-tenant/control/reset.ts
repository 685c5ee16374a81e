// POST /control/reset's work: the tenant as just started with its config, except the signing key.
import { expiringStores, type TenantContext } from '../routes/context';
import type { FaultStore } from './faults';
import type { Outbox } from './outbox';

export interface ControlState {
  readonly outbox: Outbox;
  readonly faults: FaultStore;
}

export async function resetTenant(ctx: TenantContext, state: ControlState): Promise<void> {
  // Faults first, so nothing injected hits the requests of a test that is setting up.
  state.faults.clear();
  for (const store of expiringStores(ctx)) store.clear();
  ctx.tokens.resetLifetimes();
  state.outbox.clear();
  await ctx.users.reset();
}
