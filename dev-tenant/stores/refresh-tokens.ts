// Rotating refresh tokens in families, as Auth0 keeps them: each exchange returns the family's next
// token and retires the one used; a retired token used again revokes the family (automatic reuse
// detection), except within the reuse interval (`leeway`) after its rotation.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { RefreshTokenSettings } from '../config/refresh-token-config';
import { randomId } from '../crypto/random-id';
import { DEFAULT_MAX_ENTRIES, type Clock, type SweptStore } from './expiring-map';

/** What a family stands for: the login it came from, as /oauth/token needs it on every exchange. */
export interface RefreshGrant {
  readonly userId: string;
  readonly clientId: string;
  readonly scope: string;
  readonly audience: string | undefined;
  readonly sid: string | undefined;
}

interface Family extends RefreshGrant {
  readonly createdAt: number;
  /** The absolute limit (`token_lifetime`), from the login: rotation never extends it. */
  readonly expiresAt: number;
  /** Like Auth0's tokenCounter: the counter the next token gets. */
  nextCounter: number;
  /** The unused tokens' counters, each with when it was issued (its idle limit counts from there). */
  readonly live: Map<number, number>;
  /** Recently retired counters, with when: within `leeway` of that they may be exchanged again. */
  readonly retired: Map<number, number>;
}

/** A family as the control API lists it; `familyId` names it without being a usable token. */
export interface FamilyListing extends RefreshGrant {
  readonly familyId: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  /** When its newest unused token expires unused (`idle_token_lifetime`). */
  readonly idleExpiresAt: number;
  readonly rotations: number;
}

/** Why a token was refused: each gets Auth0's one answer, "Unknown or invalid refresh token.". */
export type RefreshRefusal = 'unknown' | 'expired' | 'reused';

export type Rotation = { readonly refreshToken: string; readonly grant: RefreshGrant } | { readonly refused: RefreshRefusal };

export class RefreshTokenStore implements SweptStore {
  private readonly families = new Map<string, Family>();
  /** Signs "family.counter", so a token is checked without storing every token ever issued. */
  private readonly key = randomBytes(32);

  constructor(
    private readonly settings: () => RefreshTokenSettings,
    private readonly now: Clock = Date.now,
    private readonly maxFamilies = DEFAULT_MAX_ENTRIES
  ) {}

  /** A new family for a login (authorization code with offline_access); returns its first token. */
  issue(grant: RefreshGrant): string {
    if (this.families.size >= this.maxFamilies) this.purgeExpired();
    const oldest = this.families.keys().next();
    if (this.families.size >= this.maxFamilies && oldest.done !== true) this.families.delete(oldest.value);
    const now = this.now();
    const familyId = randomId();
    const lifetimeMs = this.settings().refreshTokenLifetimeSeconds * 1000;
    const family: Family = { ...grant, createdAt: now, expiresAt: now + lifetimeMs, nextCounter: 0, live: new Map(), retired: new Map() };
    this.families.set(familyId, family);
    return this.mint(familyId, family, now);
  }

  /** Exchanges a token of clientId for the family's next one, or says why not. */
  rotate(refreshToken: string, clientId: string): Rotation {
    const found = this.find(refreshToken);
    if (found === undefined || found.family.clientId !== clientId) return { refused: 'unknown' };
    const { familyId, family, counter } = found;
    const now = this.now();
    if (!this.isLive(family, now)) {
      this.families.delete(familyId);
      return { refused: 'expired' };
    }
    const issuedAt = family.live.get(counter);
    if (issuedAt !== undefined) {
      family.live.delete(counter);
      if (issuedAt + this.idleMs() <= now) return { refused: 'expired' };
      family.retired.set(counter, now);
      return { refreshToken: this.mint(familyId, family, now), grant: family };
    }
    const retiredAt = family.retired.get(counter);
    if (retiredAt !== undefined && now < retiredAt + this.settings().refreshTokenLeewaySeconds * 1000) {
      return { refreshToken: this.mint(familyId, family, now), grant: family };
    }
    // A token of this family that was already exchanged: someone holds a copy. Auth0 revokes the family.
    this.families.delete(familyId);
    return { refused: 'reused' };
  }

  /** Revokes the token's family (POST /oauth/revoke); false when the token names no family of clientId. */
  revoke(refreshToken: string, clientId: string): boolean {
    const found = this.find(refreshToken);
    if (found === undefined || found.family.clientId !== clientId) return false;
    this.families.delete(found.familyId);
    return true;
  }

  revokeFamily(familyId: string): boolean {
    return this.families.delete(familyId);
  }

  /** Revokes every family; returns how many there were. */
  revokeAll(): number {
    const count = this.families.size;
    this.families.clear();
    return count;
  }

  /** Revokes every family of the user; returns how many. */
  revokeFor(userId: string): number {
    let removed = 0;
    for (const [familyId, family] of this.families) {
      if (family.userId === userId && this.families.delete(familyId)) removed += 1;
    }
    return removed;
  }

  /** The live families, oldest first; only the user's when userId is given. */
  list(userId?: string): FamilyListing[] {
    const now = this.now();
    const listings: FamilyListing[] = [];
    for (const [familyId, family] of this.families) {
      if ((userId !== undefined && family.userId !== userId) || !this.isLive(family, now)) continue;
      const { userId: owner, clientId, scope, audience, sid, createdAt, expiresAt } = family;
      const idleExpiresAt = Math.min(expiresAt, Math.max(...family.live.values()) + this.idleMs());
      listings.push({
        familyId,
        userId: owner,
        clientId,
        scope,
        audience,
        sid,
        createdAt,
        expiresAt,
        idleExpiresAt,
        rotations: family.nextCounter - 1
      });
    }
    return listings;
  }

  purgeExpired(): void {
    const now = this.now();
    for (const [familyId, family] of this.families) {
      if (!this.isLive(family, now)) this.families.delete(familyId);
    }
  }

  clear(): void {
    this.families.clear();
  }

  get size(): number {
    return this.families.size;
  }

  private idleMs(): number {
    return this.settings().refreshTokenIdleLifetimeSeconds * 1000;
  }

  /** Within its absolute limit, with an unused token within its idle limit, or a retired one within the leeway. */
  private isLive(family: Family, now: number): boolean {
    if (family.expiresAt <= now) return false;
    const leewayMs = this.settings().refreshTokenLeewaySeconds * 1000;
    for (const [counter, retiredAt] of family.retired) if (retiredAt + leewayMs <= now) family.retired.delete(counter);
    return [...family.live.values()].some((issuedAt) => issuedAt + this.idleMs() > now) || family.retired.size > 0;
  }

  private mint(familyId: string, family: Family, now: number): string {
    const counter = family.nextCounter;
    family.nextCounter += 1;
    family.live.set(counter, now);
    return `${familyId}.${counter}.${this.sign(familyId, counter)}`;
  }

  private sign(familyId: string, counter: number): string {
    return createHmac('sha256', this.key).update(`${familyId}.${counter}`).digest('base64url');
  }

  /** The family and counter of a token this store signed, if its family still exists. */
  private find(refreshToken: string): { familyId: string; family: Family; counter: number } | undefined {
    const parts = refreshToken.split('.');
    if (parts.length !== 3) return undefined;
    const [familyId = '', counterText = '', mac = ''] = parts;
    if (!/^(0|[1-9]\d{0,8})$/.test(counterText)) return undefined;
    const counter = Number(counterText);
    const expected = Buffer.from(this.sign(familyId, counter));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    const family = this.families.get(familyId);
    return family === undefined ? undefined : { familyId, family, counter };
  }
}
