import template from './login.html';
import { AuthViewController } from '../auth';

/** Where angular-jwt sends a user who is not logged in. */
export const loginComponent: angular.IComponentOptions = {
  template,
  controller: AuthViewController
};
