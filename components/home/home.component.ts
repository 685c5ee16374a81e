import template from './home.html';
import { AuthViewController } from '../auth';

export const homeComponent: angular.IComponentOptions = {
  template,
  controller: AuthViewController
};
