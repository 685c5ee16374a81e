import template from './profile.html';
import { tenantOrigin, type AuthService, type AuthSessionSettings, type IdTokenClaims } from '../auth';

/**
 * The `picture` claim when the tenant itself serves it (the dev tenant's generated avatar): the
 * CSP's img-src allows the tenant, not gravatar or other hosts, whose pictures would only be refused.
 */
export function tenantPicture(claims: IdTokenClaims | null, origin: string): string | null {
  const picture = claims?.picture;
  if (typeof picture !== 'string') {
    return null;
  }
  try {
    return new URL(picture).origin === origin ? picture : null;
  } catch {
    return null;
  }
}

class ProfileController {
  static $inject = ['authService', 'authSession'];

  profile: IdTokenClaims | null = null;
  picture: string | null = null;
  pictureAlt = '';

  constructor(
    private readonly authService: AuthService,
    private readonly settings: AuthSessionSettings
  ) {}

  $onInit(): void {
    this.profile = this.authService.profile();
    this.picture = tenantPicture(this.profile, tenantOrigin(this.settings));
    this.pictureAlt = `Profile picture of ${this.profile?.name ?? this.profile?.email ?? 'you'}`;
  }
}

/** Who is logged in, read from the id_token's claims: a card with the picture, name, email and user ID. */
export const profileComponent: angular.IComponentOptions = {
  template,
  controller: ProfileController
};
