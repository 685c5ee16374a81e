import { AuthViewController } from './auth-view.controller';

/** The last login failure, inline on every page, until the next attempt; not while Lock is open and shows its own. */
export const authErrorComponent: angular.IComponentOptions = {
  template:
    '<p class="auth-error" role="alert" ng-if="$ctrl.authService.error && !$ctrl.authService.lockOpen">{{ $ctrl.authService.error }}</p>',
  controller: AuthViewController
};
