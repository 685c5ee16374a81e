import type { AuthService } from '../auth.service';

/** For views that only show the session and offer Log In / Log Out: the sample's `vm.authService`. */
export class AuthViewController {
  static $inject = ['authService'];

  constructor(readonly authService: AuthService) {}
}
