import template from './navbar.html';
import { AuthViewController } from '../auth';

/** The sample's navbar: Home, and Log In or Log Out. */
export const navbarComponent: angular.IComponentOptions = {
  template,
  controller: AuthViewController
};
