import { AuthViewController } from './auth-view.controller';

/** The last login failure, inline on every page, until the next attempt. */
export const authErrorComponent: angular.IComponentOptions = {
  template: '<p class="auth-error" role="alert" ng-if="$ctrl.authService.error">{{ $ctrl.authService.error }}</p>',
  controller: AuthViewController
};
