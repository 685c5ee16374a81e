import template from './home.html';
import { AuthViewController } from '../auth/auth-view.controller';

export const homeComponent: angular.IComponentOptions = {
  template,
  controller: AuthViewController
};
