import template from './profile.html';
import type { AuthService } from '../auth/auth.service';
import type { IdTokenClaims } from '../auth/id-token';

class ProfileController {
  static $inject = ['authService'];

  profile: IdTokenClaims | null = null;

  constructor(private readonly authService: AuthService) {}

  $onInit(): void {
    this.profile = this.authService.profile();
  }
}

/** Who is logged in, read from the id_token's claims. */
export const profileComponent: angular.IComponentOptions = {
  template,
  controller: ProfileController
};
